#!/bin/sh
# t-compat-show.sh - `make check`'s run of tests/compat/show.sh: on every
# corpus lab, nsh's `ip … show` output (-j JSON, -br and plain text, in
# every namespace) must equal iproute2's.  Expected differences are listed
# in tests/compat/show-xfail (TAP TODO).  Needs root and bash.
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
if ! command -v bash >/dev/null; then
	echo "1..0 # SKIP needs bash"
	exit 0
fi
exec bash "$top_srcdir/tests/compat/show.sh" ${COMPAT_JOBS:+-j "$COMPAT_JOBS"}
