#!/bin/sh
# Generate ./configure and build-aux/ (tap-driver.sh included).
set -e
cd "$(dirname "$0")"
autoreconf -fi
