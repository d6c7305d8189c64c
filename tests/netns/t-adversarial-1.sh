#!/bin/sh
# The adversarial table (tests/adversarial.tsv), sections A B F: see
# tests/adversarial.sh.
SECTIONS="A B F"
. "${top_srcdir:-$(dirname "$0")/../..}/tests/adversarial.sh"
