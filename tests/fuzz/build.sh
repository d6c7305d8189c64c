#!/bin/sh
# tests/fuzz/build.sh [DIR] - build the libFuzzer targets with clang,
# ASan and UBSan, in DIR (default build-fuzz at the top of the tree):
# a configure of its own in DIR/obj (nsh's code instrumented for coverage
# with -fsanitize=fuzzer-no-link), the targets in DIR/fuzz-*.
# `make fuzz` runs this.  Needs clang with libFuzzer (Debian: clang).
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$src/build-fuzz}
CC=${FUZZ_CC:-clang}
targets="script types line model journal"

command -v "$CC" >/dev/null 2>&1 || {
	echo "fuzz: $CC not found (apt-get install clang)" >&2
	exit 77
}
printf 'int LLVMFuzzerTestOneInput(const char *d, long n) { return 0; }\n' \
	>"${TMPDIR:-/tmp}/nsh-fuzz-probe.$$.c"
if ! "$CC" -fsanitize=fuzzer -o "${TMPDIR:-/tmp}/nsh-fuzz-probe.$$" \
	"${TMPDIR:-/tmp}/nsh-fuzz-probe.$$.c" 2>/dev/null; then
	rm -f "${TMPDIR:-/tmp}/nsh-fuzz-probe.$$"*
	echo "fuzz: $CC has no libFuzzer (-fsanitize=fuzzer)" >&2
	exit 77
fi
rm -f "${TMPDIR:-/tmp}/nsh-fuzz-probe.$$"*

san="-fsanitize=address,undefined -fno-sanitize-recover=undefined"
cflags="-O1 -g -fno-omit-frame-pointer $san"
mkdir -p "$out/obj"
[ -x "$src/configure" ] || (cd "$src" && ./autogen.sh >/dev/null 2>&1)
if [ ! -f "$out/obj/Makefile" ]; then
	(cd "$out/obj" && "$src/configure" -q CC="$CC" \
		CFLAGS="$cflags -w -fsanitize=fuzzer-no-link" LDFLAGS="$san")
fi
jobs=$(nproc 2>/dev/null || echo 2)
make -s -C "$out/obj" -j"$jobs" libnshcore.a >/dev/null
libs="$(pkg-config --libs libnl-3.0 libnl-route-3.0 libpcap yaml-0.1) -lreadline -lm"
incs="-I$out/obj -I$src/shell -I$src/shell/lab -I$src/cmds -I$src/tests/fuzz
$(pkg-config --cflags libnl-3.0 libnl-route-3.0 libpcap yaml-0.1)"
for t in $targets; do
	# shellcheck disable=SC2086
	"$CC" $cflags -fsanitize=fuzzer $incs -Wall -Wno-unused-parameter \
		-o "$out/fuzz-$t" "$src/tests/fuzz/fuzz-$t.c" \
		"$out/obj/libnshcore.a" $libs
done
echo "fuzz: built $(for t in $targets; do printf '%s ' "$out/fuzz-$t"; done)"
