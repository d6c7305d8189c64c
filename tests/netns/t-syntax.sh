#!/bin/sh
# The line syntax (issue 12): ; && || | ! & redirections, $NAME ${NAME}
# ${NAME:-W} $? $$ $!, NAME=VALUE, export, quoting and word splitting.
#
# The oracle is sh(1) itself: every line of the table runs with `sh -c`,
# `nsh -c` and as a one-line `nsh -f` script, each in an empty directory
# holding the same file `in`, and the three must agree on stdout, on
# whether stderr is empty, on the exit status, and on the files the line
# left behind (the script against `sh -ec`: it stops at a failure as
# sh -e does).  Then the lines of the issue that change the kernel are
# compared with bash + iproute2 (tests/state.py), and the checking pass,
# --explain, the prompt's `?` and the background jobs are tested alone.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

SH=${SH_ORACLE:-sh}
cd "$TMP" || exit 1
unset UNSET_VAR NSHT_V NSHT_P NSHT_N

# run_in DIR MODE LINE: run LINE (MODE sh, she, bash, nsh, nshf) in a fresh
# DIR; print its stdout, "stderr: empty|some", "rc=N", then the files
run_in() {
	rm -rf "$1" && mkdir "$1" && printf 'line one\nline two\n' >"$1/in"
	(
		cd "$1" || exit 99
		case $2 in
		sh) $SH -c "$3" >../out 2>../err ;;
		she) $SH -ec "$3" >../out 2>../err ;;
		bash) bash -c "$3" >../out 2>../err ;;
		nsh) "$NSH" -c "$3" >../out 2>../err ;;
		nshf) printf '%s\n' "$3" >../s.nsh
		      "$NSH" -f ../s.nsh >../out 2>../err ;;
		esac
		echo "rc=$?" >../rc
	)
	cat "$TMP/out"
	if [ -s "$TMP/err" ]; then echo "stderr: some"; else echo "stderr: empty"; fi
	cat "$TMP/rc"
	for f in "$1"/*; do
		printf '%s: ' "${f##*/}"
		tr '\n' '/' <"$f"
		echo
	done
}

# same LINE: sh -c and nsh -c agree; sh -ec and nsh -f agree on stdout,
# files and whether the status is 0
same() {
	_want=$(run_in "$TMP/d" sh "$1")
	_got=$(run_in "$TMP/d" nsh "$1")
	is "sh -c and nsh -c: $1" "$_got" "$_want"
	_want=$(run_in "$TMP/d" she "$1" | grep -v '^stderr:' |
		sed 's/^rc=[1-9][0-9]*$/rc=failed/')
	_got=$(run_in "$TMP/d" nshf "$1" | grep -v '^stderr:' |
	       sed 's/^rc=[1-9][0-9]*$/rc=failed/')
	is "sh -ec and nsh -f: $1" "$_got" "$_want"
}

# same_bash LINE: the bash-only forms (&>, |&), against bash -c
same_bash() {
	is "bash -c and nsh -c: $1" "$(run_in "$TMP/d" nsh "$1")" \
		"$(run_in "$TMP/d" bash "$1")"
}

# ---------------------------------------------------------------- words

same "echo a   b 'c  d' \"e  f\""
same "X='a  b'; printf '[%s]' \$X; echo"
same "X='a  b'; printf '[%s]' \"\$X\"; echo"
same "X=1; echo '\$X' \"\$X\" \\\$X \"\\\$X\""
same 'X=abc; echo ${X} ${X}d $Xd "${X}d"'
same 'printf "[%s]" $UNSET_VAR "" "$UNSET_VAR" x$UNSET_VAR; echo'
same "X=' lead  trail '; printf '[%s]' x\${X}y; echo"
same 'echo ${UNSET_VAR:-default} ${UNSET_VAR-dash} "${UNSET_VAR:-two  words}"'
same 'E=; echo [${E:-empty}] [${E-unset}] [${E:+alt}] [${E+set}]'
same 'X=hello; echo ${#X} ${#UNSET_VAR}'
same 'X=1 Y=2; echo $X$Y'
same 'A=x; B=$A$A; C="$B $A"; echo "$C"'
same "echo \"a;b\" 'c|d' e\\&f \"g>h\" 'i<j' \"(k)\" l\\|m"
same "printf '%s\\n' a\\ b \"c\\\"d\" 'e\\f' \"g\\\\h\" \"\\x\""
same 'printf "%s\n" "a$" $ "$"'
same 'echo zz*zz "*" "[x]" ?zz'
same 'echo # comment; echo not-run'
same 'echo a#b c # d'
same 'X=1; unset X; echo "[${X-gone}]"'
same "export NSHT_V=exported; sh -c 'echo \$NSHT_V'"
same "NSHT_P=prefix sh -c 'echo \$NSHT_P'; echo \"[\$NSHT_P]\""
same "NSHT_N=mine; sh -c 'echo \"[\$NSHT_N]\"'"
same 'echo "$$" | grep -q "^[0-9][0-9]*$" && echo pid-ok'

# ---------------------------------------------------------------- status, ; && ||

same 'echo one; echo two'
same 'true && echo yes'
same 'false && echo yes'
same 'false || echo fallback'
same 'true || echo no; echo after'
same 'false && echo a || echo b'
same 'true && false || echo c'
same 'false; true && echo x'
same 'false'
same 'true && false'
same 'false || false'
same 'echo $?'
same 'false; echo $?'
same "sh -c 'exit 3'; echo rc=\$?"
same "sh -c 'exit 3' || echo \$?"
same '! true; echo $?'
same '! false && echo negated'
same 'false && true; echo $?'

# ---------------------------------------------------------------- pipes

same 'echo abc | tr a-z A-Z'
same "printf 'a\\nb\\nc\\n' | tail -2 | head -1"
same 'false | true'
same 'true | false'
same "echo x | sh -c 'cat; exit 4'; echo \$?"
same "sh -c 'echo err >&2' 2>&1 | tr a-z A-Z"
same '! echo x | grep -q y; echo $?'
same 'seq 1 100000 | head -1'
same 'X=1 | true; echo "[${X-unset}]"'
same 'cat in | wc -l'

# ---------------------------------------------------------------- redirections

same 'echo hi > f; cat f'
same 'echo a > f; echo b >> f; cat f'
same 'cat < in'
same 'wc -l <in >count'
same 'cat nonexist 2> err; echo rc=$?; wc -l < err'
same "sh -c 'echo o; echo e >&2' > both 2>&1; cat both"
same "sh -c 'echo o; echo e >&2' 2>&1 > out"
same 'echo to-stderr >&2'
same "sh -c 'echo e >&2' 2>/dev/null; echo done"
same 'echo a 1>f; cat f'
same "sh -c 'cat <&3' 3< in"
same "sh -c 'echo three >&3' 3> f3; cat f3"
same '> empty; wc -c < empty'
same 'echo x >/dev/null; echo $?'
same 'cat < nonexist || echo failed'
same 'echo a >f; echo b >|f; cat f'
same "sh -c 'echo o; echo e >&2' 2>&-"
same 'echo x 2>/dev/null >f2; cat f2'
same 'X=f3; echo y > $X; cat "$X"'

# ---------------------------------------------------------------- background

same 'echo bg > bgf & wait; cat bgf'
same "sh -c 'exit 5' & wait \$!; echo \$?"
same 'sleep 0.1 & echo started'

# ---------------------------------------------------------------- bash forms

same_bash "sh -c 'echo o; echo e >&2' &> both; cat both"
same_bash "sh -c 'echo o; echo e >&2' &>> both; sh -c 'echo x' &>>both; cat both"
same_bash "sh -c 'echo o; echo e >&2' |& tr a-z A-Z"
same_bash "sh -c 'echo e >&2' >&all; cat all"

# ---------------------------------------------------------------- syntax errors

# serr LINE COLUMN: nsh -c fails with one line "column N: …", runs nothing
serr() {
	"$NSH" -c "$1" >"$TMP/r.out" 2>"$TMP/r.err"
	_rc=$?
	is "syntax error: $1" \
		"rc=$_rc lines=$(wc -l <"$TMP/r.err" | tr -d ' ') out=$(wc -c <"$TMP/r.out" | tr -d ' ')" \
		"rc=1 lines=1 out=0"
	like "syntax error: $1: column $2" "$(cat "$TMP/r.err")" "^column $2: "
}
serr 'echo a; ls |' 12
serr '; ;' 1
serr 'echo x >' 8
serr "echo 'abc; echo d" 6
serr 'echo a && && echo b' 8

# sh syntax nsh does not run itself (control flow, functions, $( ), `…`,
# ( ), here-documents): bash runs the line (-e, as nsh runs a script),
# with nsh's ip first in its PATH; one line on stderr says so
viabash() {
	_want=$(cd "$TMP" && bash -ec "$1" 2>/dev/null; echo "rc=$?")
	_got=$(cd "$TMP" && "$NSH" -c "$1" 2>"$TMP/vb.err"; echo "rc=$?")
	is "run by bash as bash -ec runs it: $1" "$_got" "$_want"
	like "… saying so in one line" "$(head -1 "$TMP/vb.err")" \
		"^nsh: line 1: column $2: .*; bash runs the line, nsh its ip, bridge and tc commands$"
}
viabash 'echo $(echo a); echo no' 6
viabash 'echo `echo b`' 6
viabash '(echo a)' 1
viabash 'if true; then echo a; fi' 1
viabash 'for i in 1 2; do echo "i=$i"; done' 1
viabash 'f() { echo "f$1"; }; f 2' 2
viabash 'echo $((1 + 2))' 6
viabash 'case ab in a*) echo A;; esac' 1
viabash 'for i in 1; do false; done; echo not reached' 1
is "… and the directory of its links (in /run/nsh) removed" \
	"$(ls /run/nsh 2>/dev/null | grep -c '^sh\.')" 0
"$NSH" -k -c 'for i in 1; do echo $i; done' >"$TMP/r.out" 2>"$TMP/r.err"
is "with -k (no checking pass) such a line is refused, as before" \
	"rc=$? $(cat "$TMP/r.err")" "rc=1 column 1: 'for': nsh runs no if/for/while/case/{ }/functions"

# ---------------------------------------------------------------- scripts

S=$TMP/s.nsh
r() {
	"$@" >"$TMP/r.out" 2>"$TMP/r.err"
	RC=$?
	OUT=$(cat "$TMP/r.out")
	ERR=$(cat "$TMP/r.err")
}
names() { ls -A /run/netns 2>/dev/null | tr '\n' ' '; }

printf 'ip netns add c1\nip netns add c2 && echo x\nls |\n' >"$S"
r "$NSH" -f "$S"
is "script: a syntax error on line 3 is found before line 1 runs" \
	"rc=$RC names=$(names) err=$ERR" \
	"rc=1 names= err=$S:3: column 4: '|' needs a command after it"
clean

printf 'ip netns add c1\nip netns add c2; ip lnk show\n' >"$S"
r "$NSH" -f "$S"
is "script: a typo in the second command of line 2 stops it before line 1" \
	"rc=$RC names=$(names) lines=$(wc -l <"$TMP/r.err" | tr -d ' ')" \
	"rc=1 names= lines=1"
like "… the error names line 2 and the command" "$ERR" "^$S:2: ip"
clean

printf 'NS=v1\nip netns add $NS\nip -n ${NS} link set lo up && echo "$NS up"\n' >"$S"
r "$NSH" -f "$S"
is "script: NS=v1 then \$NS (checked with v1, run with v1)" \
	"rc=$RC names=$(names)out=$OUT" "rc=0 names=v1 out=v1 up"
clean

printf 'NS=\nip netns add v0\nip netns add $NS\n' >"$S"
r "$NSH" -f "$S"
is "script: an empty \$NS fails the checking pass of line 3 (nothing runs)" \
	"rc=$RC names=$(names)" "rc=1 names="
like "… at line 3" "$ERR" "^$S:3: ip netns add"
clean

printf 'false || true\nip netns add r$?\nexport P=p1\nip netns add $P\n' >"$S"
r "$NSH" -f "$S"
is "script: a word with \$? is not checked, and runs; export is tracked" \
	"rc=$RC names=$(names)" "rc=0 names=p1 r0 "
clean

printf 'false && true\nip netns add e1\n! true\nip netns add e2\n' >"$S"
r "$NSH" -f "$S"
is "script: a failure left of && or after ! does not stop it (sh -e)" \
	"rc=$RC names=$(names) err=$ERR" "rc=0 names=e1 e2  err="
clean

printf 'ip netns add e1\ntrue; false; ip netns add e2\nip netns add e3\n' >"$S"
r "$NSH" -f "$S"
is "script: an untested failure in the middle of a line stops it there" \
	"rc=$RC names=$(names) err=$ERR" \
	"rc=1 names=e1  err=$S:2: false: exited with status 1"
clean

printf 'ip netns add e1\ntrue | false\nip netns add e3\n' >"$S"
r "$NSH" -f "$S"
is "script: a pipeline's failing last command stops it, with FILE:LINE" \
	"rc=$RC names=$(names) err=$ERR" \
	"rc=1 names=e1  err=$S:2: false: exited with status 1"
clean

printf 'false | true\nip netns del nosuch || echo handled\nip netns add k1\n' >"$S"
r "$NSH" -f "$S"
is "script: not-last in a pipeline and left of || do not stop it" \
	"rc=$RC names=$(names) out=$OUT" "rc=0 names=k1  out=handled"
like "… the nsh command still says what failed" "$ERR" \
	"^$S:2: ip netns delete: 'nosuch': no such namespace$"
clean

printf 'true; false; ip netns add k2\nip netns add k3\n' >"$S"
r "$NSH" -k -f "$S"
is "script -k: the rest of the line and the script run, status 1" \
	"rc=$RC names=$(names)" "rc=1 names=k2 k3 "
clean

printf 'X=5\necho $X | tr 5 6\nip netns add i$X; ip netns list\n' |
	"$NSH" -i >"$TMP/r.out" 2>&1
is "nsh -i: variables and pipes, line by line" "$(cat "$TMP/r.out")" \
	"6
i5"
clean

# ---------------------------------------------------------------- the kernel

# both SETUP LINES: SETUP with ip, then LINES by bash and by nsh -c in
# turn (each from a clean sandbox); the states (and stdout) must agree
both() {
	clean
	sh -c "$1" >/dev/null 2>&1
	bash -c "$2" >"$TMP/b.out" 2>"$TMP/b.err"
	_brc=$?
	state >"$TMP/b.state"
	clean
	sh -c "$1" >/dev/null 2>&1
	"$NSH" -c "$2" >"$TMP/n.out" 2>"$TMP/n.err"
	_nrc=$?
	state >"$TMP/n.state"
	is "kernel: $2: status" "$_nrc" "$_brc"
	if cmp -s "$TMP/b.state" "$TMP/n.state"; then
		_tap 0 "kernel: $2: the same state as bash + iproute2"
	else
		_tap 1 "kernel: $2: the same state as bash + iproute2"
		diff "$TMP/b.state" "$TMP/n.state" | sed 's/^/# /' | head -20
	fi
}
LAB='ip link add br0 type bridge; ip link add veth-br1 type veth peer name veth-ns1'

both "$LAB" 'ip link set veth-br1 master br0; ip link set veth-br1 up'
both "$LAB" 'ip link set veth-br1 master br0 && ip link set veth-br1 up || echo no'
both "" 'NS=ns1; ip netns add $NS; ip -n ${NS} link set lo up'
is "kernel: NS=ns1; ip -n \${NS} link show: stdout as bash's (lo)" \
	"$(grep -c '^1: lo:' "$TMP/n.out")" "$(grep -c '^1: lo:' "$TMP/b.out")"
both "" 'sysctl -w net.ipv4.ip_forward=1 >/dev/null'
is "sysctl -w … >/dev/null: nothing on stdout" "$(cat "$TMP/n.out")" ""
both "" 'ip link add va type veth peer name vb | cat; ip link set va up'
is "a state-changing nsh command in a pipeline: no error" \
	"$(cat "$TMP/n.err")" ""
both "" 'ip netns add p1 | cat; ip link add x type veth peer name y netns p1'
both "" 'ip link add va type veth peer name vb > f; ip link set vb up 2>&1 | cat'
both "" 'ip link add va type veth peer name vb; ip link set nosuch up 2>/dev/null || ip link set vb up'
# where nsh differs on purpose: a line is checked whole before it runs, so
# a command nsh cannot read stops it even on the left of || (sh would run
# what comes before it)
clean
r "$NSH" -c 'ip link add va type veth peer name vb; ip link set vb nosuchword || true'
is "a line with a typo in a tested command runs nothing (checked first)" \
	"rc=$RC lines=$(wc -l <"$TMP/r.err" | tr -d ' ') links=$(ip -o link | wc -l | tr -d ' ')" \
	"rc=1 lines=1 links=1"

clean
ip netns add ns1
ip netns add ns2
ip link add v1 netns ns1 type veth peer name v2 netns ns2
ip -n ns1 addr add 10.0.0.1/24 dev v1
ip -n ns2 addr add 10.0.0.2/24 dev v2
ip -n ns1 link set v1 up
ip -n ns2 link set v2 up
r "$NSH" -c 'ip netns exec ns1 ping -c 1 -W 2 10.0.0.2 | tail -2'
like "ip netns exec ns1 ping … | tail -2: tail gets ping's summary" \
	"rc=$RC $(echo "$OUT" | head -1)" \
	"^rc=0 1 packets transmitted, 1 received"
is "… and only its last two lines" "$(echo "$OUT" | wc -l | tr -d ' ')" 2
r "$NSH" -c 'ip netns exec ns1 ping -c1 -W 2 10.0.0.2 >/dev/null 2>&1 && echo ok'
is "ip netns exec ns1 ping … >/dev/null 2>&1 && echo ok" "rc=$RC $OUT$ERR" "rc=0 ok"
r "$NSH" -c 'enter ns1; ip -br link | grep -c "^v1@"; readlink /proc/self/ns/net | grep -q . && echo in'
is "enter ns1; ip link | grep: both in ns1" "$OUT" "1
in"
r "$NSH" -c 'ip netns exec ns1 sleep 5 & echo $!'
PID=$OUT
# (nsh has returned; the forked copy may not have called exec yet)
i=0
while [ "$(cat "/proc/$PID/comm" 2>/dev/null)" != sleep ] && [ $i -lt 100 ]; do
	sleep 0.02
	i=$((i + 1))
done
is "ip netns exec ns1 sleep 5 &: \$! is the sleep, in ns1" \
	"$(cat "/proc/$PID/comm" 2>/dev/null) $(readlink "/proc/$PID/ns/net" 2>/dev/null)" \
	"sleep net:[$(stat -L -c %i /run/netns/ns1)]"
kill "$PID" 2>/dev/null

r "$NSH" -c 'ip -j link | python3 -m json.tool > f.json'
like "ip -j link | python3 -m json.tool > f.json" \
	"rc=$RC $(python3 -c 'import json,sys; print(" ".join(l["ifname"] for l in json.load(open("f.json"))))' 2>&1)" \
	"^rc=0 lo$"
rm -f f.json
if command -v dot >/dev/null; then
	r "$NSH" -c "show topology --dot | dot -Tpng -o $TMP/lab.png"
	is "show topology --dot | dot -Tpng -o lab.png writes a PNG" \
		"rc=$RC $(head -c 4 "$TMP/lab.png" | tail -c 3)" "rc=0 PNG"
else
	skip "show topology --dot | dot (no graphviz)"
fi
r "$NSH" -c 'show topology --dot | grep -c "^}"'
is "show topology --dot | grep: the graph goes through the pipe" "$OUT" 1

# --explain: each simple command explained, before it runs, not into
# the pipe or the file
r "$NSH" --explain -c 'enter ns1; ip link show lo | grep -c "lo:" > n; cat n; leave'
is "--explain on a compound line: one line per command, none in the pipe" \
	"$OUT" "  # iproute2: ip netns exec ns1 bash
  # iproute2: ip -n ns1 link show lo
  # iproute2: ip netns exec ns1 grep -c lo:
  # iproute2: ip netns exec ns1 cat n
1
  # iproute2: exit   (the shell 'ip netns exec NS bash' started)"
rm -f n

# record: the commands of a compound line, expanded
r "$NSH" -c "record $TMP/rec.nsh; X=r2; ip netns add r1; ip netns add \$X | cat; record stop"
is "record: a compound line's commands, variables expanded, pipes too" \
	"rc=$RC $(grep -v '^#' "$TMP/rec.nsh" | tr '\n' '/')" \
	"rc=0 ip netns add r1/ip netns add r2/"
clean

# ---------------------------------------------------------------- the prompt

if ! command -v tmux >/dev/null; then
	skip "the prompt (no tmux)"
	done_testing
	exit
fi
. "$top_srcdir/tests/tmux.sh"
: >"$TMP/inputrc"
tm new-session -d -x 150 -y 40 \
	"cd '$TMP' && HOME='$TMP' INPUTRC='$TMP/inputrc' TERM=screen '$NSH' --sandbox; sleep 30"
wait_pane '^nsh> ?$' >/dev/null
type_ "sh -c 'echo rc=\$?'"
if wait_pane "^nsh> sh -c 'echo rc=\\\$\\?'\$"; then
	_tap 0 "? inside quotes is a character (sh -c 'echo rc=\$?')"
else
	_tap 1 "? inside quotes is a character (sh -c 'echo rc=\$?')"; show_pane
fi
tm send-keys Enter
if wait_pane '^rc=0$'; then _tap 0 "… and it runs: rc=0"; else
	_tap 1 "… and it runs: rc=0"; show_pane
fi
type_ 'false; echo \? $?'
tm send-keys Enter
if wait_pane '^\? 1$'; then _tap 0 "\\? and \$? are characters: false; echo \\? \$? prints '? 1'"; else
	_tap 1 "\\? and \$? are characters: false; echo \\? \$? prints '? 1'"; show_pane
fi
type_ 'sleep 0.3 &'
tm send-keys Enter
if wait_pane '^\[1\] [0-9]+$'; then _tap 0 "& at the prompt says [1] PID"; else
	_tap 1 "& at the prompt says [1] PID"; show_pane
fi
sleep 0.5
tm send-keys Enter
if wait_pane '^\[1\]\+ +Done +sleep 0.3'; then _tap 0 "… and [1]+ Done when it ended"; else
	_tap 1 "… and [1]+ Done when it ended"; show_pane
fi
type_ 'ip link | ?'
if wait_pane '^  (ip|enter) '; then _tap 0 "? after | lists the commands"; else
	_tap 1 "? after | lists the commands"; show_pane
fi
tm send-keys C-c
# an error points at its word: a caret right under it (vtysh's marker)
tm send-keys C-l
type_ 'ip lnk show'; tm send-keys Enter
if wait_pane "^ {8}\\^\$"; then
	_tap 0 "an unknown word at the prompt: a caret under it"
else
	_tap 1 "an unknown word at the prompt: a caret under it"; show_pane
fi
type_ 'ip link add v0 type veth peer name'; tm send-keys Enter
if wait_pane "^ {39}\\^\$"; then
	_tap 0 "a missing word: the caret after the line"
else
	_tap 1 "a missing word: the caret after the line"; show_pane
fi
type_ "quit"; tm send-keys Enter

done_testing
