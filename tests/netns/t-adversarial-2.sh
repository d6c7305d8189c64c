#!/bin/sh
# The adversarial table (tests/adversarial.tsv), sections C D: see
# tests/adversarial.sh.
SECTIONS="C D"
. "${top_srcdir:-$(dirname "$0")/../..}/tests/adversarial.sh"
