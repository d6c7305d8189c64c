#!/bin/sh
# t-compat.sh - `make check`'s run of the differential compatibility harness
# (tests/compat/run.sh): every corpus script run by bash + iproute2 and by
# `$NSH -f`, each in fresh sandboxes, must end with the same exit status,
# normalised kernel state and reachability.  The scripts listed in
# tests/compat/xfail are expected to fail (TAP TODO: XFAIL); a listed one
# that passes is an XPASS and fails the suite until its line is removed.
# Needs root (run.sh prints `1..0 # SKIP` otherwise) and bash.
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
if ! command -v bash >/dev/null; then
	echo "1..0 # SKIP needs bash"
	exit 0
fi
exec bash "$top_srcdir/tests/compat/run.sh" ${COMPAT_JOBS:+-j "$COMPAT_JOBS"}
