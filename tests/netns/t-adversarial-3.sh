#!/bin/sh
# The adversarial table (tests/adversarial.tsv), sections E G: see
# tests/adversarial.sh.
SECTIONS="E G"
. "${top_srcdir:-$(dirname "$0")/../..}/tests/adversarial.sh"
