#!/bin/sh
# show-side.sh nsh|ip SCRIPT OUTDIR - show.sh starts it in a fresh sandbox
# (as side.sh): builds the corpus SCRIPT's lab with `$NSH -f` (nsh) or
# with bash + iproute2 (ip), from the script's directory, writes the exit
# status to OUTDIR/rc, and -- unless nsh failed the script, which exits 3
# so that show.sh builds the lab again with iproute2 in a new sandbox --
# compares nsh's show output with iproute2's on that lab (showcmp.py).
set -u
mode=$1 script=$2 out=$3
here=$(cd "$(dirname "$0")" && pwd)

mount -t tmpfs -o mode=0755 tmpfs /run &&
	umount -l /sys && mount -t sysfs sysfs /sys &&
	ip link set lo up || exit 99

cd "$(dirname "$script")" || exit 99
name=$(basename "$script")
case $mode in
ip)
	BASH_ENV="$here/errtrap.bash" timeout -k 5 "${COMPAT_TIMEOUT:-120}" \
		bash -e "$name" >"$out/out" 2>"$out/err" </dev/null
	;;
nsh)
	timeout -k 5 "${COMPAT_TIMEOUT:-120}" \
		"$NSH" -f "$name" >"$out/out" 2>"$out/err" </dev/null
	;;
esac
rc=$?
echo "$rc" >"$out/rc"
[ "$mode" = nsh ] && [ "$rc" != 0 ] && exit 3
# the lab as it settles: IPv6 duplicate address detection, teardown
python3 "$here/state.py" --settle >/dev/null 2>&1
python3 "$here/showcmp.py" "$out" >"$out/showcmp.out" 2>&1
exit 0
