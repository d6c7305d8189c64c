#!/bin/sh
# The adversarial table (tests/adversarial.tsv), section E: see
# tests/adversarial.sh.
SECTIONS="E"
. "${top_srcdir:-$(dirname "$0")/../..}/tests/adversarial.sh"
