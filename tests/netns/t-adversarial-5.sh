#!/bin/sh
# The adversarial table (tests/adversarial.tsv), section G: see
# tests/adversarial.sh.
SECTIONS="G"
. "${top_srcdir:-$(dirname "$0")/../..}/tests/adversarial.sh"
