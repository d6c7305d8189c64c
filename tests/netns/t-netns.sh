#!/bin/sh
# ip netns add/delete/list/exec/identify/pids, checked against iproute2
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

ok "nsh creates ns1" "$NSH" -c 'ip netns add ns1'
is "ip netns list sees it" "$(ip netns list | awk '{print $1}')" "ns1"
ok "ip netns exec works in nsh's namespace" ip netns exec ns1 true
is "it is a fresh namespace (only lo)" "$(ip -n ns1 -o link | wc -l)" 1
ok "nsh deletes it" "$NSH" -c 'ip netns del ns1'
is "gone for iproute2" "$(ip netns list)" ""
done_testing
