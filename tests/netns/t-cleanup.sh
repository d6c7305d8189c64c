#!/bin/sh
# Ownership and cleanup (issue 5): `cleanup [--dry-run]` removes exactly
# what nsh created - namespaces, links (recorded in its journal, where they
# are now), spawned processes, the /run/netns mount - also after nsh was
# killed with SIGKILL at a random line, and leaves everything else alone.
# The links themselves are exactly iproute2's (`group default`).
# The oracle is iproute2, /proc/self/mountinfo and /proc.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

# --- what nsh does not own: made by hand before any nsh runs --------------
ip netns add keep
ip link add uv0 type veth peer name uv1
ip link add ubr type bridge
ip link set uv1 master ubr
unshare --net sleep 7211 &
held=$!
sleep 0.2

# the world as it is without nsh: links (name, index, group) of the host
# and of `keep`, the names in /run/netns, the mounts under /run, and the
# namespace of the outside process
world() {
	for n in "" keep; do
		echo "[${n:-host}]"
		ip ${n:+-n $n} -j link | python3 -c 'import json,sys
for l in json.load(sys.stdin): print(l["ifindex"], l["ifname"], l.get("group"), l.get("master", "-"))'
	done
	echo "[netns]"; ip netns list | awk '{print $1}' | sort
	echo "[mounts]"; awk '$5 ~ "^/run" {print $4, $5}' /proc/self/mountinfo | sort
	echo "[held]"; readlink /proc/$held/ns/net
	echo "[procs]"; mine -f 'sleep 7213'; mine -x nsh-holder
	echo "[journal]"; ls /run/nsh 2>/dev/null
}
world >"$TMP/world0"

# --- the lab: a bit of everything nsh makes ------------------------------
cat >"$TMP/lab.nsh" <<EOF
ip netns add c1
ip netns add c2
ip link add cbr type bridge
ip link set cbr up
spawn h1
spawn w1 sleep 7213
ip link add cv1 type veth peer name cv1b
ip link set cv1 netns c1
ip link set cv1b master cbr up
ip link add cv2 netns c2 type veth peer name cv2b
ip link set cv2b master cbr up
ip link add hv1 type veth peer name hv1b netns h1
ip link add kv0 netns keep type veth peer name kv1
ip link add kv2 type veth peer name kv3
ip link set kv2 netns keep
ip -n c1 addr add 10.9.1.1/24 dev cv1
ip -n c1 link set cv1 up
ip netns attach att1 $held
ip link add cbr2 type bridge
ip netns add c3
ip link add cv3 netns c3 type veth peer name cv3b netns c1
ip link add hv2 type veth peer name hv2b
ip link set hv2 netns w1
ip link set hv2b master cbr
ip link add cbr3 type bridge
ip -n c2 link set lo up
ip netns add c4
ip link add cv4 type veth peer name cv4b
ip link set cv4 netns c4
ip link set cv4b master cbr2
ip addr add 10.9.2.1/24 dev cbr
ip link set cbr2 up
ip netns add c5
ip link add kv4 netns keep type veth peer name kv5 netns c5
EOF
nlines=$(wc -l <"$TMP/lab.nsh")

# --- the whole lab, then cleanup -----------------------------------------
ok "the lab runs" "$NSH" -f "$TMP/lab.nsh"
# no tag on nsh's links: they are in `group default`, as iproute2 makes them
groups() {
	ip ${1:+-n $1} -j link | python3 -c 'import json,sys
print(" ".join(sorted(set(str(l.get("group")) for l in json.load(sys.stdin)))))'
}
# the journal's link records: NAME IFINDEX of each in namespace NS (or the
# host's), where the journal has it now
recorded() {
	_f=/proc/self/ns/net
	[ -n "$1" ] && _f=/run/netns/$1
	dev=$(stat -L -c %d "$_f")
	ino=$(stat -L -c %i "$_f")
	awk -v d="$dev" -v i="$ino" '($1 == "link" || $1 == "peer") && $2 == d && $3 == i {r[$4] = $5}
		$1 == "moved" && $2 == d && $3 == i {delete r[$4]}
		$1 == "moved" && $5 == d && $6 == i {r[$7] = $8}
		$1 == "-link" && $2 == d && $3 == i {delete r[$4]}
		END {for (k in r) print r[k], k}' /run/nsh/*.journal | sort
}
# NS NAME...: "NAME IFINDEX" of each link the journal has as the kernel has
# it (in namespace NS, or the host's)
journalled() {
	_ns=$1; shift
	recorded "$_ns" >"$TMP/rec"
	for _l in "$@"; do
		_i=$(ip ${_ns:+-n $_ns} -j link show "$_l" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["ifindex"])')
		grep -qxF "$_l $_i" "$TMP/rec" && echo "$_l $_i"
	done
	:
}
# (hv1 goes with h1's namespace, which dies with nsh: asynchronously)
i=0; while ip link show hv1 >/dev/null 2>&1 && [ $i -lt 100 ]; do sleep 0.02; i=$((i+1)); done
is "nsh's links on the host are in group default, as iproute2's" \
	"$(groups)" "default"
is "… and so are those in a namespace it did not make" \
	"$(groups keep)" "default"
hl="cbr cbr2 cbr3 cv1b cv2b cv4b kv1 kv3"
is "the journal has nsh's links on the host, each with its name and ifindex" \
	"$(journalled "" $hl | awk '{print $1}' | xargs)" "$hl"
is "… and those it made in, or moved into, a namespace it did not make" \
	"$(journalled keep kv0 kv2 kv4 | awk '{print $1}' | xargs)" "kv0 kv2 kv4"
ls /run/nsh >"$TMP/j"
is "one journal under /run/nsh" "$(wc -l <"$TMP/j" | tr -d ' ')" 1
ok "cleanup --dry-run" "$NSH" -c "cleanup --dry-run"
cp "$TMP/out" "$TMP/dry"
like "--dry-run names the namespaces" "$(cat "$TMP/dry")" "would remove namespace c1"
like "--dry-run names the host links" "$(cat "$TMP/dry")" "would remove link cbr2 \\(bridge\\) in the host namespace"
like "--dry-run names nsh's links in a namespace it did not make" "$(cat "$TMP/dry")" "would remove link kv0 \\(veth\\) in namespace 'keep'"
like "… and those it moved there" "$(cat "$TMP/dry")" "would remove link kv2 \\(veth\\) in namespace 'keep'"
nok "--dry-run names one end of a veth pair, not both" grep -E "link (kv1|kv3) " "$TMP/dry"
nok "… nor a link that goes with a namespace it removes" grep -E "link (cv[0-9]b?|kv4|kv5|hv2b?) " "$TMP/dry"
nok "--dry-run names nothing it did not make" grep -E "uv0|uv1|ubr|namespace keep$" "$TMP/dry"
like "--dry-run changed nothing" "$(ip netns list)" "c1"
ok "cleanup" "$NSH" -c "cleanup"
world >"$TMP/world1"
is "after cleanup the world is as before nsh (links, names, mounts, processes)" \
	"$(cat "$TMP/world1")" "$(cat "$TMP/world0")"
ok "cleanup again: nothing to do" "$NSH" -c "cleanup"
is "… and says so" "$(cat "$TMP/out")" "nothing to clean up"

# --- killed with SIGKILL at a random line, 20 times over ------------------
# nsh -x echoes each line before it runs it; a reader kills nsh as soon as
# it has seen line K (nsh may run a line or two more before the signal
# lands: a truly random point).
k_mid=0
for i in $(seq 1 20); do
	k=$(( $(od -An -N2 -tu2 /dev/urandom) % nlines + 1 ))
	"$NSH" -x -f "$TMP/lab.nsh" >"$TMP/x.fifo.out" 2>/dev/null &
	pid=$!
	n=0
	while kill -0 $pid 2>/dev/null; do
		n=$(grep -c '^nsh' "$TMP/x.fifo.out")
		[ "$n" -ge "$k" ] && break
	done
	kill -KILL $pid 2>/dev/null
	wait $pid
	st=$?
	[ "$st" = 137 ] && k_mid=$((k_mid + 1))
	"$NSH" -c cleanup >"$TMP/c.out" 2>"$TMP/c.err"
	rc=$?
	world >"$TMP/world2"
	if [ "$rc" = 0 ] && cmp -s "$TMP/world0" "$TMP/world2"; then
		_tap 0 "SIGKILL run $i (after line $k of $nlines, status $st): cleanup leaves the world as before"
	else
		_tap 1 "SIGKILL run $i (after line $k of $nlines, status $st): cleanup leaves the world as before"
		sed 's/^/# cleanup: /' "$TMP/c.out" "$TMP/c.err"
		diff "$TMP/world0" "$TMP/world2" | sed 's/^/# /'
	fi
done
like "most of the 20 runs were really killed mid-script ($k_mid)" "$k_mid" "^([5-9]|1[0-9]|20)$"

# --- killed while its links are renamed and moved: cleanup still finds them
cat >"$TMP/k.nsh" <<EOF
ip link add sbr type bridge
ip link add sv0 type veth peer name sv1
ip link set sv1 name sv2
ip link add sv3 type veth peer name sv4
ip link set sv3 netns keep
ip link set sv4 name sv5
ip link add netns keep type bridge
ip link add type veth
ip link add sk0 netns keep type veth peer name sk1
sleep 7219
EOF
"$NSH" -f "$TMP/k.nsh" >/dev/null 2>&1 &
pid=$!
i=0; while [ -z "$(pgrep -P $pid -x sleep)" ] && [ $i -lt 250 ]; do sleep 0.02; i=$((i+1)); done
child=$(pgrep -P $pid -x sleep)
kill -KILL $pid
wait $pid 2>/dev/null
[ -n "$child" ] && kill "$child"
is "killed at its last line, its links are all in group default" \
	"$(groups) / $(groups keep)" "default / default"
ok "cleanup after the SIGKILL" "$NSH" -c cleanup
like "… removes its bridge" "$(cat "$TMP/out")" "removed link sbr \\(bridge\\) in the host namespace"
like "… a veth pair renamed on the host" "$(cat "$TMP/out")" "removed link sv0 \\(veth\\) in the host namespace"
like "… one moved into a namespace it did not make" "$(cat "$TMP/out")" "removed link sv3 \\(veth\\) in namespace 'keep'"
like "… and those whose names the kernel chose" "$(cat "$TMP/out")" "removed link bridge0 \\(bridge\\) in namespace 'keep'"
world >"$TMP/world6"
is "… and leaves the world as before (uv0, uv1, ubr untouched)" "$(cat "$TMP/world6")" "$(cat "$TMP/world0")"

# --- a recorded link gone, and its name or its ifindex someone else's now --
printf 'ip link add rv0 type veth peer name rv1\nip link add rb0 type bridge\n' >"$TMP/r0.nsh"
"$NSH" -f "$TMP/r0.nsh"
idx=$(ip -j link show rb0 | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["ifindex"])')
ip link del rv0
ip link add rv0 type veth peer name rv1
ip link del rb0
ip link add rb9 index "$idx" type bridge
ok "cleanup" "$NSH" -c cleanup
ok "a link made by hand under the name of a link nsh made stays" ip link show rv0
ok "… and one made by hand with the ifindex of one, under another name" ip link show rb9
ip link del rv0
ip link del rb9
world >"$TMP/world7"
is "… and the world is as before" "$(cat "$TMP/world7")" "$(cat "$TMP/world0")"

# --- nsh -f --cleanup: pass or fail, the script's things go ---------------
ok "nsh -f lab --cleanup" "$NSH" --cleanup -f "$TMP/lab.nsh"
world >"$TMP/world3"
is "… leaves the world as before" "$(cat "$TMP/world3")" "$(cat "$TMP/world0")"
printf 'ip netns add f1\nip link add fbr type bridge\nip link add fv type veth peer name fv2\nip link set fv netns nosuch\n' >"$TMP/fail.nsh"
nok "a failing script with --cleanup still fails" "$NSH" --cleanup -f "$TMP/fail.nsh"
like "… with its error" "$(cat "$TMP/err")" "fail.nsh:4: .*nosuch"
world >"$TMP/world4"
is "… and leaves the world as before" "$(cat "$TMP/world4")" "$(cat "$TMP/world0")"

# --- a session still running keeps its things -----------------------------
mkfifo "$TMP/in"
"$NSH" -i <"$TMP/in" >"$TMP/live.out" 2>&1 &
live=$!
exec 9>"$TMP/in"
echo "ip netns add live1" >&9
echo "ip link add lbr type bridge" >&9
i=0; while ! ip link show lbr >/dev/null 2>&1 && [ $i -lt 100 ]; do sleep 0.02; i=$((i+1)); done
printf 'ip netns add dead1\nip link add dbr type bridge\n' >"$TMP/d.nsh"
"$NSH" -f "$TMP/d.nsh"
ok "cleanup while another session runs" "$NSH" -c cleanup
like "… says whose things it left alone" "$(cat "$TMP/out")" "left alone: what nsh session $live"
ok "… the running session's namespace is still there" test -e /run/netns/live1
ok "… and its bridge" ip link show lbr
nok "… the finished session's bridge is gone" ip link show dbr
nok "… and its namespace" test -e /run/netns/dead1
echo "cleanup" >&9
echo "quit" >&9
exec 9>&-
wait $live
nok "the session cleans up after itself" ip link show lbr
world >"$TMP/world5"
is "… and the world is as before" "$(cat "$TMP/world5")" "$(cat "$TMP/world0")"

# --- a namespace someone else made again under nsh's name is not nsh's ----
printf 'ip netns add r1\nip link add rbr type bridge\n' >"$TMP/r.nsh"
"$NSH" -f "$TMP/r.nsh"
ip netns del r1
ip netns add r1
ok "cleanup" "$NSH" -c cleanup
ok "a namespace re-made by hand under an nsh name stays" test -e /run/netns/r1
nok "nsh's bridge went" ip link show rbr
ip netns del r1

# --- a journal written by an older nsh (a link group on its first line) and
# lines of a kind this one does not know: read, what it knows cleaned up
mkdir -p /run/nsh
printf 'session 4000001 77 1845493760\nsomething new 1 2 3\nlink? x y\n' \
	>/run/nsh/4000001.journal
ok "cleanup reads an old journal" "$NSH" -c cleanup
is "… which names nothing to remove" "$(cat "$TMP/out")" "nothing to clean up"
nok "… and removes it (its session is gone)" test -e /run/nsh/4000001.journal

# --- a spawned process that died but was not reaped (a zombie) is not
# "removed": cleanup says what really happened (issue 14.12)
sh -c 'sleep 0.1 & echo $! >"$1"; exec sleep 30' sh "$TMP/zpid" &
zparent=$!
sleep 0.5
zpid=$(cat "$TMP/zpid")
zstart=$(awk '{ sub(/^.*\) /, ""); print $20 }' "/proc/$zpid/stat")
is "(the test's zombie is one)" "$(awk '{ sub(/^.*\) /, ""); print $1 }' "/proc/$zpid/stat")" Z
mkdir -p /run/nsh
printf 'session 4000002 77\nspawn %s %s zlab\n' "$zpid" "$zstart" \
	>/run/nsh/4000002.journal
ok "cleanup with a dead session's zombie spawn" "$NSH" -c cleanup
is "… says it had already exited, and claims nothing removed" "$(cat "$TMP/out")" \
"process $zpid (spawn zlab) had already exited (its parent has not reaped it)
nothing to clean up"
kill "$zparent"; wait "$zparent" 2>/dev/null

# --- a session that made links only (no namespace, no spawn) and was
# SIGKILLed: its journal was open from the first link (issue 14.2)
printf 'ip link add brX type bridge\nip link add lv1 type veth peer name lv2\nsleep 5\n' >"$TMP/lo.nsh"
"$NSH" -f "$TMP/lo.nsh" &
lp=$!
_i=0
while [ $_i -lt 100 ] && ! ip link show lv2 >/dev/null 2>&1; do sleep 0.05; _i=$((_i + 1)); done
kill -9 "$lp"; wait "$lp" 2>/dev/null
ok "cleanup after a links-only session was SIGKILLed" "$NSH" -c cleanup
nok "… brX is gone" ip link show brX
nok "… the veth pair too" ip link show lv1

# --- journals (issue 14.11): a session that ends owning nothing leaves
# none; a journal of another mount namespace (a sandbox sharing /run) is
# not this cleanup's
"$NSH" -c cleanup >/dev/null
before=$(ls /run/nsh 2>/dev/null | wc -l)
printf 'ip link add zz1 type bridge\nip link del zz1\nip netns add zq1\nip netns del zq1\n' >"$TMP/none.nsh"
ok "a session that makes and deletes" "$NSH" -f "$TMP/none.nsh"
is "… leaves no journal behind" "$(ls /run/nsh 2>/dev/null | wc -l)" "$before"
ok "a session that leaves a bridge" "$NSH" -c 'ip link add zz2 type bridge'
is "… keeps its journal (cleanup needs it)" "$(ls /run/nsh | wc -l)" "$((before + 1))"
ok "cleanup" "$NSH" -c cleanup
ip netns add other1
unshare --mount sleep 30 &
op=$!
_i=0
while [ "$(readlink /proc/$op/ns/mnt)" = "$(readlink /proc/self/ns/mnt)" ] && [ $_i -lt 100 ]; do
	sleep 0.02; _i=$((_i + 1))
done
omnt=$(stat -L -c %i "/proc/$op/ns/mnt")
mkdir -p /run/nsh
printf 'session 4000003 77 mnt %s\nnetns %s other1\n' "$omnt" \
	"$(stat -L -c '%d %i' /run/netns/other1)" >/run/nsh/4000003.journal
ok "cleanup with the journal of a live other mount namespace" "$NSH" -c cleanup
ok "… leaves that session's namespace" test -e /run/netns/other1
ok "… and its journal" test -e /run/nsh/4000003.journal
kill "$op"; wait "$op" 2>/dev/null
ok "once that mount namespace is gone, cleanup" "$NSH" -c cleanup
nok "… removes what its dead session made" test -e /run/netns/other1
nok "… and its journal" test -e /run/nsh/4000003.journal
ip netns del other1 2>/dev/null

kill $held; wait $held 2>/dev/null
done_testing
