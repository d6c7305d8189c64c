#!/bin/sh
# The adversarial table (tests/adversarial.tsv), section F: see
# tests/adversarial.sh.
SECTIONS="F"
. "${top_srcdir:-$(dirname "$0")/../..}/tests/adversarial.sh"
