#!/bin/sh
# The adversarial table (tests/adversarial.tsv), sections A B: see
# tests/adversarial.sh.
SECTIONS="A B"
. "${top_srcdir:-$(dirname "$0")/../..}/tests/adversarial.sh"
