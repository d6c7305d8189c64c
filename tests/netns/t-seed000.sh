#!/bin/sh
# Seed 000, verbatim: every command line of the tutorial fed to `nsh -f`
# must leave the same namespaces, links, masters, states, addresses and
# routes as the same lines run by sh + iproute2, with every ping passing
# and no ip/bridge/sysctl process ever started (strace).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

seed="$top_srcdir/scripts/seed000.nsh"
# everything before the cleanup section ("ip netns del" onwards)
n=$(grep -n 'ip netns del' "$seed" | head -1 | cut -d: -f1)
head -n $((n - 1)) "$seed" > "$TMP/build.nsh"
grep -v '^#' "$TMP/build.nsh" | grep . | sed 's/^sudo //' > "$TMP/build.sh"

# twin: run CMD… in a fresh nested sandbox, then print the kernel state
twin() {
	unshare --net --mount --propagation private -- sh -c '
		mount -t tmpfs -o mode=0755 tmpfs /run &&
		umount -l /sys && mount -t sysfs sysfs /sys || exit 99
		"$@" >/dev/null 2>"$TMP/twin.err"; rc=$?
		if [ -n "${SETTLE:-}" ]; then
			i=0
			while ip -o link | grep -q veth && [ $i -lt 100 ]; do
				sleep 0.02; i=$((i + 1))
			done
		fi
		python3 "$top_srcdir/tests/state.py"; exit $rc' twin "$@"
}
export TMP

ip_state=$(twin sh -e "$TMP/build.sh")
is "bash + iproute2 built the lab (reference run)" "$?" 0
nsh_state=$(twin "$NSH" -f "$TMP/build.nsh")
is "nsh -f runs seed 000 up to the cleanup, pings included" "$?" 0
sed 's/^/# /' "$TMP/twin.err"
is "kernel state after nsh equals the state after bash + ip" \
	"$nsh_state" "$ip_state"
like "the reference state has the bridge lab" "$ip_state" '"veth-br2"'

# ip and nsh both return before the kernel has removed the deleted
# namespaces' veth peers: SETTLE waits for them (2 s at most) before the state
full=$(SETTLE=1 twin "$NSH" -f "$seed")
is "the whole seed, cleanup included, runs verbatim" "$?" 0
full_ip=$(SETTLE=1 twin sh -c "grep -v '^#' '$seed' | grep . | sed 's/^sudo //' | sh -e")
is "and leaves what bash + ip leaves" "$full" "$full_ip"

if command -v strace >/dev/null; then
	# LeakSanitizer cannot run under ptrace (the ASan build of CI)
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
	export ASAN_OPTIONS
	twin strace -f -qq -e trace=execve -o "$TMP/trace" "$NSH" -f "$seed" \
		>/dev/null
	is "under strace too" "$?" 0
	# successful execve calls only (execvp also tries each PATH entry)
	execs=$(grep ' = 0$' "$TMP/trace" | grep -o 'execve("[^"]*"' |
		sed 's/execve("//; s/"$//' |
		xargs -n1 basename | sort | uniq -c | awk '{print $2 "=" $1}' | tr '\n' ' ')
	like "no ip, bridge or sysctl process" "$execs" '^(nsh=1 ping=4 |ping=4 nsh=1 )$'
else
	skip "strace not installed"
	skip "strace not installed"
fi
done_testing
