#!/bin/sh
# Model fidelity (issue 14): a seeded run of random external iproute2
# changes (namespaces; veth, bridge, vxlan, macvlan, ifb, tun/tap links
# added, deleted, renamed, moved, enslaved, set up/down, MTU, MAC;
# addresses, routes, rules, neighbours) while `nsh -i` runs from a pipe;
# after each change nsh's `show -j` must have what the kernel has, and at
# the end it must equal the kernel in every namespace (tests/fidelity.py).
# 100 changes in `make check`; NSH_LONG=1 (`make check-long`): 1,200.
# T_FIDELITY_SEED=N repeats a run.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

# the cases a random run found once, fixed (tests/fidelity-fixed.py)
python3 "$top_srcdir/tests/fidelity-fixed.py" "$NSH" >"$TMP/fixed" 2>&1
for c in last_inet_address forged_event; do
	r=$(grep " $c" "$TMP/fixed")
	case $c in
	last_inet_address) d="the last IPv4 address deleted: its link's IPv4 routes (every table) leave the model, as the kernel drops them silently" ;;
	forged_event) d="an RTM_NEWLINK another process sends nsh's event socket is ignored" ;;
	esac
	is "$d" "$r" "ok $c"
done

N=100
[ -n "${NSH_LONG:-}" ] && N=1200
N=${T_FIDELITY_N:-$N}
SEED=${T_FIDELITY_SEED:-$(awk 'BEGIN { srand(); print int(rand() * 1000000) }')}
echo "# T_FIDELITY_SEED=$SEED T_FIDELITY_N=$N to repeat"

python3 "$top_srcdir/tests/fidelity.py" "$NSH" "$SEED" "$N" >"$TMP/fid" 2>"$TMP/fid.err"
rc=$?
grep '^#' "$TMP/fid"
sed 's/^/# stderr: /' "$TMP/fid.err" | head -20
res=$(sed -n 's/^RESULT //p' "$TMP/fid")
echo "# $res"
get() { printf '%s' "$res" | python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))" "$1"; }

ok "the trial ran to its end (status $rc)" [ -n "$res" ]
if [ -n "$res" ]; then
	is "all $N changes made" "$(get 'd["changes"]')" "$N"
	applied=$(get 'd["changes"] - d["refused"]')
	ok "most changes were accepted by the kernel ($applied of $N)" \
		[ "$applied" -ge $((N * 3 / 5)) ]
	is "every change was seen by the model within 3 s" "$(get 'd["unseen"]')" 0
	is "show -j equals the kernel in every namespace: 0 differences" \
		"$(get 'd["differences"]')" 0
	ok "the end state is not trivial ($(get 'd["final_objects"]'))" \
		[ "$(get 'd["final_objects"]["links"]')" -ge 5 ]
	ok "latency measured: p50 $(get 'd["latency_ms"]["p50"]') ms, p99 $(get 'd["latency_ms"]["p99"]') ms" \
		[ "$(get 'd["latency_ms"]["n"]')" -ge $((applied * 9 / 10)) ]
	is "nsh -i ended with status 0" "$(get 'd["nsh_status"]')" 0
fi
done_testing
