#!/bin/sh
# ip -batch FILE (and bridge/tc -batch): the same files run by iproute2 and
# by nsh from the same (empty) state end in the same kernel state with the
# same stdout and exit status: comments, continuation lines, quotes, blank
# lines, -force, the global options before -batch (-n NS), standard input.
# nsh's errors are one line naming the file and its line.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

# both FILE ARGS…: run `ip ARGS…` and `nsh -c "ip ARGS…"` (FILE: standard
# input) each from a clean sandbox; compare state, stdout and status
both() {
	_in=$1; shift
	clean; ip netns add nb
	ip "$@" <"$_in" >"$TMP/p.out" 2>"$TMP/p.err"
	_prc=$?
	state >"$TMP/p.state"
	clean; ip netns add nb
	"$NSH" -c "ip $*" <"$_in" >"$TMP/n.out" 2>"$TMP/n.err"
	_nrc=$?
	state >"$TMP/n.state"
}

# same DESC FILE ARGS…
same() {
	_d=$1; shift
	both "$@"
	is "$_d: same kernel state" "$(cat "$TMP/n.state")" "$(cat "$TMP/p.state")"
	is "$_d: same stdout and status" "$(cat "$TMP/n.out") rc=$_nrc" \
		"$(cat "$TMP/p.out") rc=$_prc"
}

top_srcdir=$(cd "$top_srcdir" && pwd)
cd "$TMP" || exit 1
cat >lab <<'EOF'
# a lab as one ip batch file
link add v1 type veth peer name v2 netns nb   # the pair
link set v1 \
    up
addr add 10.0.0.1/24 \
    dev v1

link add "br0" type bridge
link set 'br0' up
route add 10.9.0.0/16 via 10.0.0.2
	# an indented comment
netns exec nb ip link set v2 up
netns exec nb ip addr add 10.0.0.2/24 dev v2
EOF
same "a lab file" /dev/null -batch lab
like "… it did something" "$(cat "$TMP/n.state")" '"v1"'
same "-force" /dev/null -force -batch lab
same "standard input" lab -batch -
same "abbreviated -b" /dev/null -b lab

# global options before -batch apply to every line
printf 'link add w1 type veth peer name w2\nlink set w1 up\naddr add 10.1.0.1/24 dev w1\n' >inns
same "ip -n nb -batch" /dev/null -n nb -batch inns
like "… the links are in nb (w1's peer is nb:w2)" \
	"$(tr -d ' \n' <"$TMP/n.state")" '"w1":\{[^}]*"peer":"nb:w2"'
printf 'addr show dev lo\nlink show lo\n' >show
same "show lines print as iproute2's" /dev/null -batch show
same "… with -4 before -batch" /dev/null -4 -batch show
same "… with -j before -batch" /dev/null -j -batch show

# failures: the first stops the file, unless -force
printf 'link add v1 type veth peer name v2\nlink add v1 type veth peer name v2\nlink set v2 up\n' >dup
same "a failing line stops the file" /dev/null -batch dup
is "… at line 2, in one line" "$(cat "$TMP/n.err")" \
	"dup:2: ip link add: 'v1': already exists in the host namespace"
same "-force goes on" /dev/null -force -batch dup
is "… status 1, the failing line said" "$_nrc $(wc -l <"$TMP/n.err")" "1 1"
printf 'frob\nlink add v1 type veth peer name v2\n' >obj
same "an unknown object fails its line" /dev/null -batch obj
is "… named" "$(cat "$TMP/n.err")" "obj:1: ip: 'frob': unknown object"
same "… -force goes on after it" /dev/null -force -batch obj
printf -- '-n nb link show\n' >opt
same "an option is no object" /dev/null -batch opt
is "… named" "$(cat "$TMP/n.err")" "opt:1: ip: '-n': unknown object"
# wrong words end the file at once, -force or not (iproute2 exits)
printf 'link add v1 type veth peer name v2\nlink set v1 mtu x\nlink set v1 up\n' >bad
same "a line with wrong words ends the file" /dev/null -batch bad
same "… also with -force" /dev/null -force -batch bad
is "… status 255, one line" "$_nrc $(cat "$TMP/n.err")" \
	"255 bad:2: ip link set: 'x': not an MTU (a number of bytes)"
printf 'link add v1 type veth peer name "v2\nlink set v1 up\n' >quote
same "an unterminated quote ends the file" /dev/null -force -batch quote
is "… said" "$(cat "$TMP/n.err")" "quote:1: ip: unterminated quoted string"
printf 'link add v1 type veth peer name v2\nlink set v1 up \\\n' >cont
same "a continuation at the end of the file" /dev/null -batch cont
is "… said" "$(cat "$TMP/n.err")" "cont:2: ip: missing continuation line"
both /dev/null -batch nofile
is "a missing file: status 1" "$_nrc $_prc" "1 1"
is "… one line" "$(cat "$TMP/n.err")" \
	"ip -batch: 'nofile': cannot open for reading: No such file or directory"
rejects "-batch without its FILE" "ip -batch" "^ip: missing FILE after '-batch'$"

# in a script: the batch file's lines, the script's line when it fails
printf 'ip netns add s1\nip -n s1 -batch %s/dup\nip netns add s2\n' "$TMP" >s.nsh
clean
nok "a script with a failing batch stops" "$NSH" -f s.nsh
is "… the batch file and its line" "$(cat "$TMP/err")" \
	"$TMP/dup:2: ip link add: 'v1': already exists in namespace 's1'"
is "… and the script stopped there" "$(ip netns list | awk '{print $1}')" s1

# bridge and tc read their files the same way (their lines run as the
# real programs where nsh has no native row)
clean
ip link add br0 type bridge
printf '# bridge lines\nlink show\n' >bb
bridge -batch bb >"$TMP/p.out" 2>&1
"$NSH" -c 'bridge -batch bb' >"$TMP/n.out" 2>/dev/null
is "bridge -batch: the same output" "$(cat "$TMP/n.out")" "$(cat "$TMP/p.out")"
printf 'qdisc show dev lo\n' >tt
tc -batch tt >"$TMP/p.out" 2>&1
"$NSH" -c 'tc -batch tt' >"$TMP/n.out" 2>/dev/null
is "tc -batch: the same output" "$(cat "$TMP/n.out")" "$(cat "$TMP/p.out")"

done_testing
