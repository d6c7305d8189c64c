#!/bin/sh
# side.sh ip|nsh SCRIPT OUTDIR - one side of a compat comparison; run.sh
# starts it in a fresh sandbox (unshare --net --mount, tmpfs on /run, /sys
# remounted, lo up: what tests/lib.sh does).  It runs the corpus SCRIPT
# with bash + iproute2 (ip) or with `$NSH -f` (nsh), from the script's own
# directory (so `ip -batch NNN-name.batch` and `sysctl -p NNN-name.conf`
# find their files), then writes into OUTDIR:
#   rc          the script's exit status
#   out, err    its output (bash: err ends with `compat: LINE: exit N`)
#   state.json  tests/compat/state.py (normalised kernel state)
#   reach       tests/compat/reach.py (reachability matrix)
set -u
mode=$1 script=$2 out=$3
here=$(cd "$(dirname "$0")" && pwd)

mount -t tmpfs -o mode=0755 tmpfs /run &&
	umount -l /sys && mount -t sysfs sysfs /sys &&
	ip link set lo up || { echo 99 >"$out/rc"; exit 99; }

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
echo $? >"$out/rc"

python3 "$here/state.py" --script "$name" --settle --stable \
	>"$out/state.json" 2>"$out/state.err"
python3 "$here/reach.py" >"$out/reach" 2>"$out/reach.err"
[ -n "${COMPAT_HOOK:-}" ] && "$COMPAT_HOOK" "$mode" "$script" "$out"
exit 0
