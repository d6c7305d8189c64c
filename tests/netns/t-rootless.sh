#!/bin/sh
# nsh --sandbox for a user who is not root and has no sudo: the session
# runs in a new user + network + mount namespace where that user is root.
# Every lab in scripts/ must pass there, leaving the outer namespace (the
# test's own sandbox, playing the host) unchanged.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

user=nobody
if ! id "$user" >/dev/null 2>&1 || ! command -v setpriv >/dev/null; then
	echo "1..0 # SKIP no 'nobody' user or no setpriv"
	exit 0
fi
# a place the user can read: the checkout may live under /root
pub=$(mktemp -d /tmp/nsh-rootless.XXXXXX)
trap 'rm -rf "$pub" "$TMP"' EXIT
chmod 755 "$pub"
cp "$NSH" "$pub/nsh"
cp "$top_srcdir"/scripts/*.nsh "$pub/"
chmod 755 "$pub/nsh"
chmod 644 "$pub"/*.nsh
uid=$(id -u "$user")
gid=$(id -g "$user")
as_user() { setpriv --reuid="$uid" --regid="$gid" --clear-groups env HOME="$pub" "$@"; }

is "the test runs the labs as a user who is not root" "$(as_user id -u)" "$(id -u "$user")"
before=$(ip -o link; ls /run/netns 2>/dev/null; grep -c . /proc/self/mountinfo)
for lab in "$pub"/*.nsh; do
	name=$(basename "$lab")
	ok "$name passes in a rootless sandbox" as_user "$pub/nsh" --sandbox -f "$lab"
done
after=$(ip -o link; ls /run/netns 2>/dev/null; grep -c . /proc/self/mountinfo)
is "the outer namespace is unchanged" "$after" "$before"
nok "without --sandbox, the same user cannot touch the network" \
	as_user "$pub/nsh" -c 'ip link add rl1 type veth peer name rl2'
like "…and the message says why in one line" "$(cat "$TMP/err")" \
	"^ip link add: .*(not permitted|are you root)"
nok "…nor create a namespace" as_user "$pub/nsh" -c 'ip netns add rl'
is "nothing was created outside" "$(ip -o link | grep -c rl1; ls /run/netns 2>/dev/null | grep -c rl)" "0
0"
done_testing
