#!/bin/sh
# The adversarial table (tests/adversarial.tsv), sections F G: see
# tests/adversarial.sh.
SECTIONS="F G"
. "${top_srcdir:-$(dirname "$0")/../..}/tests/adversarial.sh"
