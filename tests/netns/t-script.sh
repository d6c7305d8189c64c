#!/bin/sh
# Script input: comments, continuation lines, quotes, CRLF, a UTF-8 BOM, a
# leading sudo, a script on standard input, stopping at the first failing
# line, the pre-check pass, --keep-going, programs that fail or do not
# exist, files that are not text scripts, -c, and line numbers.
#
# Every script is written with printf into $TMP so that its bytes are exact.
# The oracle is the kernel and the filesystem (ls /run/netns, ip netns list),
# plus nsh's exit status and stderr where the point is the message.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

S=$TMP/s.nsh

# r CMD…: run CMD, keeping its status in $RC, stdout in $OUT, stderr in $ERR
r() {
	"$@" >"$TMP/r.out" 2>"$TMP/r.err"
	RC=$?
	OUT=$(cat "$TMP/r.out")
	ERR=$(cat "$TMP/r.err")
}

# names: the entries of /run/netns, one a line (nothing if it is missing)
names() { ls -A /run/netns 2>/dev/null; }
# lines FILE: number of lines of stderr
errlines() { wc -l <"$TMP/r.err" | tr -d ' '; }

# ---------------------------------------------------------------- comments

printf '# a whole-line comment\n   # an indented comment\n\nip netns add c1 # after a command\nip netns add c2#x\n' >"$S"
r "$NSH" -f "$S"
is "comments: whole line, indented and after a command are ignored; '#' inside a word is literal" \
	"rc=$RC $(names | tr '\n' ' ')" "rc=0 c1 c2#x "
clean

# sh(1) ends a comment at the newline: a backslash in a comment is part of
# the comment and does not swallow the next line
printf '# see the next line \\\nip netns add cb\n' >"$S"
r "$NSH" -f "$S"
is "a comment ending in a backslash does not join the next line (as in sh)" \
	"rc=$RC $(names | tr '\n' ' ')" "rc=0 cb "
clean

# ---------------------------------------------------------------- continuation

printf 'ip netns \\\n    add \\\n\tk1\nip netns add k2\n' >"$S"
r "$NSH" -f "$S"
is "a trailing backslash joins the next line (three physical lines, one command)" \
	"rc=$RC $(names | tr '\n' ' ')" "rc=0 k1 k2 "
clean

# ---------------------------------------------------------------- quotes

printf "ip netns add 'q1'\nip netns add \"q2\"\nip netns add q'3'\"x\"\nip netns add \"q\\\\\"4\"\n" >"$S"
r "$NSH" -f "$S"
is "single and double quotes around a namespace name are removed" \
	"rc=$RC $(names | tr '\n' ' ')" 'rc=0 q"4 q1 q2 q3x '
clean

# ---------------------------------------------------------------- CRLF, BOM

printf 'ip netns add ns1\r\nip netns \\\r\n  add ns2\r\n# comment\r\n' >"$S"
r "$NSH" -f "$S"
is "CRLF line endings: the namespaces are ns1 and ns2, not ns1\\r" \
	"rc=$RC $(names | od -An -c | tr -s ' \n' '  ')" \
	"rc=0 $(printf 'ns1\nns2\n' | od -An -c | tr -s ' \n' '  ')"
ok "CRLF: /run/netns/ns1 is a namespace iproute2 can enter" ip netns exec ns1 true
clean

printf '\357\273\277ip netns add b1\n' >"$S"
r "$NSH" -f "$S"
is "a UTF-8 BOM at the start of the script is skipped" \
	"rc=$RC $(names | tr '\n' ' ')" "rc=0 b1 "
clean

printf '\357\273\277ip netns add w1\r\nip netns add w2\r\n' >"$S"
r "$NSH" <"$S"
is "BOM + CRLF (a Windows editor) on standard input" \
	"rc=$RC $(names | tr '\n' ' ')" "rc=0 w1 w2 "
clean

# ---------------------------------------------------------------- sudo

printf 'sudo ip netns add s1\nsudo -E ip netns add s2\nsudo  -E  ip netns exec s1 true\n' >"$S"
r "$NSH" -f "$S"
is "a leading 'sudo' and 'sudo -E' are ignored" \
	"rc=$RC $(names | tr '\n' ' ')" "rc=0 s1 s2 "
clean

# ---------------------------------------------------------------- stdin

printf 'ip netns add in1\nip netns list\n' >"$S"
r "$NSH" <"$S"
is "a script on standard input (not a terminal) runs" \
	"rc=$RC names=$(names | tr '\n' ' ')out=$OUT" "rc=0 names=in1 out=in1"
clean

printf 'ip netns add in1\nip netns del nosuch\nip netns add in3\n' | "$NSH" >"$TMP/r.out" 2>"$TMP/r.err"
RC=$?
ERR=$(cat "$TMP/r.err")
is "stdin: stops at the failing line 2 (in1 made, in3 not)" \
	"rc=$RC $(names | tr '\n' ' ')" "rc=1 in1 "
like "stdin: the error names <stdin> and line 2" "$ERR" "^<stdin>:2: "
clean

# ---------------------------------------------------------------- stop at the first failure

printf 'ip netns add f1\nip netns del nosuch\nip netns add f3\n' >"$S"
r "$NSH" -f "$S"
is "-f: a failing line 2 gives exit status 1" "$RC" 1
is "-f: the error is one line, FILE:2: …" "$(errlines) $ERR" \
	"1 $S:2: ip netns delete: 'nosuch': no such namespace"
is "-f: line 1 ran, line 3 did not (kernel: only f1 exists)" \
	"$(ip netns list | awk '{print $1}' | tr '\n' ' ')" "f1 "
clean

# ---------------------------------------------------------------- the pre-check

printf 'ip netns add p1\nip netns add p2\nip netns frob\n' >"$S"
r "$NSH" -f "$S"
is "pre-check: a syntax error on line 3 fails the script (status 1)" "$RC" 1
like "pre-check: the error is reported at FILE:3" "$ERR" "^$S:3: ip netns: 'frob'"
is "pre-check: lines 1 and 2 did not run (no namespace at all)" \
	"$(names | tr '\n' ' ')|$(ip netns list)" "|"

printf 'ip netns add p1\nip netns add p2\nip netns add '"'"'p3\n' >"$S"
r "$NSH" -f "$S"
is "pre-check: an unterminated quote on line 3 stops everything before line 1 runs" \
	"rc=$RC lines=$(errlines) names=$(names | tr '\n' ' ')" "rc=1 lines=1 names="
like "pre-check: the quote error is reported at FILE:3 with a column" "$ERR" \
	"^$S:3: column [0-9]+: unterminated single quote"
clean

printf 'ip netns add p1\nip netns exec p1 ip netns frob\n' >"$S"
r "$NSH" -f "$S"
is "pre-check: the nsh command after 'ip netns exec NS' is checked too (line 1 did not run)" \
	"rc=$RC names=$(names | tr '\n' ' ')" "rc=1 names="
like "pre-check: the nested error is reported at FILE:2" "$ERR" "^$S:2: ip netns: 'frob'"

printf 'ip netns add p1\nip netns exec p1 sudo ip netns frob\n' >"$S"
r "$NSH" -f "$S"
is "pre-check: also after 'ip netns exec NS sudo' (sudo is ignored there at run time)" \
	"rc=$RC names=$(names | tr '\n' ' ')" "rc=1 names="
clean

# ---------------------------------------------------------------- --keep-going

printf 'ip netns del nosuch\nip netns add k2\nip netns frob\nip netns add k4\nfalse\nip netns add k6\n' >"$S"
r "$NSH" --keep-going -f "$S"
is "--keep-going: every line runs, and the status is still 1" \
	"rc=$RC $(names | tr '\n' ' ')" "rc=1 k2 k4 k6 "
is "--keep-going: one error line for each failing line (1, 3, 5)" \
	"$(sed -n "s|^$S:\([0-9]*\): .*|\1|p" "$TMP/r.err" | tr '\n' ' ')" "1 3 5 "
clean

r "$NSH" -k -f "$S"
is "-k is --keep-going" "rc=$RC $(names | tr '\n' ' ')" "rc=1 k2 k4 k6 "
clean

# ---------------------------------------------------------------- programs

printf 'ip netns add g1\nfalse\nip netns add g3\n' >"$S"
r "$NSH" -f "$S"
is "a failing program stops the script: FILE:2: false: exited with status 1" \
	"rc=$RC err=$ERR" "rc=1 err=$S:2: false: exited with status 1"
is "a failing program: line 3 did not run" "$(names | tr '\n' ' ')" "g1 "
clean

printf 'ip netns add g1\nsh -c "exit 3"\n' >"$S"
r "$NSH" -f "$S"
like "a program's own exit status is reported" "$ERR" "^$S:2: sh: exited with status 3$"
clean

r "$NSH" -c 'nsh-no-such-program-x1 --flag'
is "-c: an unknown program gives status 127" "$RC" 127
like "-c: an unknown program says 'command not found' (one line)" \
	"$(errlines) $ERR" "^1 .*nsh-no-such-program-x1: command not found$"

printf 'nsh-no-such-program-x1\nip netns add u2\n' >"$S"
r "$NSH" -f "$S"
is "-f: an unknown program stops the script with FILE:1: … command not found (status 127, as bash -e)" \
	"rc=$RC names=$(names | tr '\n' ' ') err=$ERR" \
	"rc=127 names= err=$S:1: nsh-no-such-program-x1: command not found"
clean

# ---------------------------------------------------------------- input that is not a script

printf 'ip netns add n1\n\000\nip netns add n3\n' >"$S"
r "$NSH" -f "$S"
is "a NUL byte in a script is refused before anything runs" \
	"rc=$RC lines=$(errlines) names=$(names | tr '\n' ' ')" "rc=1 lines=1 names="
like "the NUL byte is reported at its line" "$ERR" "^$S:2: .*NUL"

printf 'ip netns add n1\n\000\n' | "$NSH" >"$TMP/r.out" 2>"$TMP/r.err"
is "a NUL byte on standard input is refused too" \
	"rc=$? names=$(names | tr '\n' ' ')" "rc=1 names="

mkdir "$TMP/dir.nsh"
r "$NSH" -f "$TMP/dir.nsh"
is "a directory as script is refused (status 1, one line)" \
	"rc=$RC lines=$(errlines)" "rc=1 lines=1"
like "a directory as script: the message names it" "$ERR" "dir\.nsh.*not a regular file"

# SIGTERM and SIGHUP while `ip netns add` lines run: the step under way
# ends (no 0-byte, unmounted entry left in /run/netns), then nsh exits
# 128+SIG with one line (issue 14.3)
i=0
while [ $i -lt 300 ]; do echo "ip netns add sig$i"; i=$((i + 1)); done >"$TMP/sig.nsh"
bad=0; rcs=; said=0
for sig in TERM HUP TERM HUP TERM HUP TERM HUP; do
	"$NSH" -f "$TMP/sig.nsh" >/dev/null 2>"$TMP/sig.err" &
	p=$!
	# once its lines run (its handlers are in place), at a random moment
	_i=0
	while [ ! -e /run/netns/sig0 ] && [ $_i -lt 250 ]; do sleep 0.02; _i=$((_i + 1)); done
	sleep 0.0$((RANDOM % 9 + 1)) 2>/dev/null || sleep 0.05
	kill -"$sig" "$p"
	wait "$p"
	rc=$?
	rcs="$rcs $rc"
	# handled, not the default action: nsh said so (a killed nsh cannot)
	[ $rc = 0 ] || grep -Eq 'sig\.nsh:[0-9]+: terminated by signal (15|1)$' "$TMP/sig.err" || {
		said=$((said + 1)); echo "# trial $sig: status $rc, stderr: $(cat "$TMP/sig.err")"; }
	for f in /run/netns/sig*; do
		[ -e "$f" ] || continue
		[ "$(stat -f -c %T "$f")" = nsfs ] || bad=$((bad + 1))
	done
	for n in $(ip netns list | awk '/^sig/ {print $1}'); do ip netns del "$n"; done
	rm -f /run/netns/sig*
done
is "8 SIGTERM/SIGHUP trials during ip netns add: no entry left unmounted" "$bad" 0
like "… nsh's status is 128+SIG each time (or 0 if it was done)" "$rcs" \
	'^( (143|129|0))+$'
is "… and each time it said so in one line (FILE:LINE: terminated by signal N)" "$said" 0

printf 'ip netns add bs1\nip netns add bs2 \\\n' >"$TMP/bs.nsh"
r "$NSH" -f "$TMP/bs.nsh"
is "a backslash at the very end of a script is refused before anything runs" \
	"rc=$RC lines=$(errlines) names=$(names | tr '\n' ' ')" "rc=1 lines=1 names="
like "… naming its line" "$ERR" "bs\.nsh:2: a backslash at the end of the file continues this line into nothing"

mkfifo "$TMP/fifo.nsh"
r timeout 5 "$NSH" -f "$TMP/fifo.nsh"
is "a FIFO as script is refused at once, no writer awaited (status 1, one line)" \
	"rc=$RC lines=$(errlines)" "rc=1 lines=1"
like "a FIFO as script: the message names it" "$ERR" "fifo\.nsh: not a regular file"

printf 'ip netns add ww1\n' >"$TMP/ww.nsh"
chmod 666 "$TMP/ww.nsh"
r "$NSH" -f "$TMP/ww.nsh"
is "a world-writable script runs, with one warning line" \
	"rc=$RC lines=$(errlines) names=$(names | tr '\n' ' ')" "rc=0 lines=1 names=ww1 "
like "… the warning says so" "$ERR" "ww\.nsh: warning: anyone may write this script"
ip netns del ww1

r "$NSH" -f "$TMP/does-not-exist.nsh"
like "a missing script: status 1 and the reason" "rc=$RC $ERR" \
	"^rc=1 .*does-not-exist\.nsh.*No such file"

# ---------------------------------------------------------------- -c

r "$NSH" -c 'ip netns add x'
is "nsh -c 'ip netns add x' creates x" \
	"rc=$RC $(ip netns list | awk '{print $1}')" "rc=0 x"
ok "nsh -c: x is a real namespace" ip netns exec x true
clean

# ---------------------------------------------------------------- line numbers

printf 'ip netns \\\n   add l1\nip netns frob\n' >"$S"
r "$NSH" -f "$S"
like "pre-check error after a 2-line continuation: physical line 3" "$ERR" "^$S:3: "

printf 'ip netns \\\n   add l1\nip netns del nosuch\nip netns add l4\n' >"$S"
r "$NSH" -f "$S"
is "run-time error after a 2-line continuation: physical line 3" \
	"$(sed 's/: .*//' "$TMP/r.err")" "$S:3"
is "run-time error after a continuation: l1 made, l4 not" "$(names | tr '\n' ' ')" "l1 "
clean

printf 'ip netns add l1\n# comment \n\nip netns \\\n\\\n  frob\n' >"$S"
r "$NSH" -f "$S"
like "an error in a continued command is reported at its first line (4)" "$ERR" "^$S:4: "

printf 'ip netns add l1\r\nip netns \\\r\n  add l2\r\nip netns del nosuch\r\n' >"$S"
r "$NSH" -f "$S"
is "line numbers with CRLF and a continuation: physical line 4" \
	"$(sed 's/: .*//' "$TMP/r.err")" "$S:4"
clean

# ---------------------------------------------------------------- demo directives
printf 'say Step 1: two namespaces\nlabel start\nip netns add d1\n# not echoed\nenter d1\nip link set lo up\npause\nleave\n' >"$S"
r "$NSH" -x -f "$S" </dev/null
is "-x echoes each command as at the prompt, say narrates, pause does not wait without a terminal" \
	"rc=$RC
$OUT" "rc=0
nsh> say Step 1: two namespaces
Step 1: two namespaces
nsh> label start
nsh> ip netns add d1
nsh> enter d1
nsh[d1]> ip link set lo up
nsh[d1]> pause
nsh[d1]> leave"
is "…and the commands ran (lo of d1 is up, checked with ip)" \
	"$(ip -n d1 -j link show lo | python3 -c 'import json,sys; print("UP" in json.load(sys.stdin)[0]["flags"])')" True
r "$NSH" -f "$S" </dev/null
is "without -x only the narration is printed" "$OUT" "Step 1: two namespaces"
clean
printf 'label\n' >"$S"
r "$NSH" -f "$S"
like "label needs a name" "rc=$RC $ERR" "^rc=1 $S:1: label: missing WORD"

# ---------------------------------------------------------------- one input layer
# a lone carriage return inside a line is a character of a word, as in
# sh(1), not a blank: 'ip netns<CR>add ns3' is no 'ip netns add ns3'
printf 'ip netns\radd ns3\n' >"$S"
r "$NSH" -f "$S"
is "a lone CR inside a line: status 1, nothing created" \
	"rc=$RC [$(ip netns list)]" "rc=1 []"
like "… the word with its CR is named, escaped, at FILE:1" "$ERR" \
	"^$S:1: ip: 'netns\\\\x0dadd': unknown object$"
# -i (a pipe, line by line) continues lines by the same rule as scripts
# and the prompt: an odd number of trailing backslashes, not in a comment
printf 'ip netns add \\\ni1\n# c \\\nip netns add i2\nip netns add i3 \\\\\n' |
	"$NSH" -i >"$TMP/i.out" 2>"$TMP/i.err"
is "-i joins a backslash-continued line, not one ending in a comment or in two backslashes" \
	"$(ip netns list | awk '{print $1}' | sort | tr '\n' ' ')" "i1 i2 "
like "… the line ending in two backslashes keeps one as its word" \
	"$(cat "$TMP/i.err")" "^<stdin>:5: ip netns add: '\\\\\\\\': unknown word"
clean

# the checking pass knows which programs exist: a missing one on line 2
# stops the script before line 1 runs (a path or a possible `NS PROGRAM`
# is left to the run)
printf 'ip netns add c1\nnosuchprog-x --help\n' >"$S"
r "$NSH" -f "$S"
is "a program nowhere on PATH: refused before line 1 runs" \
	"rc=$RC [$(ip netns list)] $ERR" "rc=127 [] $S:2: nosuchprog-x: command not found"
clean
printf 'ip netns add c1\nip netns exec c1 nosuchprog-y\n' >"$S"
r "$NSH" -f "$S"
is "… also after ip netns exec NS" \
	"rc=$RC [$(ip netns list)] $ERR" "rc=127 [] $S:2: nosuchprog-y: command not found"
clean
printf 'ip netns add c1\nc1 true\n' >"$S"
r "$NSH" -f "$S"
is "… but 'NS PROGRAM' for a namespace made by the script runs" \
	"rc=$RC $(ip netns list | awk '{print $1}')" "rc=0 c1"
clean

# a symlink to a file that may be a secret (not readable by everyone):
# errors do not quote its lines (they would echo /etc/shadow's hash)
printf 'ip netns add z1\nroot:x-secret-hash-x:19000:0:99999:7:::\n' >"$TMP/shadow"
chmod 640 "$TMP/shadow"
ln -s "$TMP/shadow" "$TMP/link.nsh"
r "$NSH" -f "$TMP/link.nsh"
is "a symlink to a file not readable by everyone: refused, nothing ran" \
	"rc=$RC [$(ip netns list)] lines=$(printf '%s\n' "$ERR" | wc -l)" "rc=127 [] lines=1"
like "… the error names the line, not its text" "$ERR" \
	"^$TMP/link.nsh:2: this line failed \(not shown: the file is not readable by everyone"
unlike_secret=$(printf '%s' "$ERR" | grep -c 'secret-hash')
is "… the secret is not in the message" "$unlike_secret" 0
chmod 644 "$TMP/shadow"
r "$NSH" -f "$TMP/link.nsh"
like "a readable one is quoted as usual" "$ERR" "^$TMP/link.nsh:2: root:x-secret-hash-x"
clean

# -i: a line too long is said once and skipped; the next one runs
{ head -c 3000000 /dev/zero | tr '\0' x; printf '\nip netns add long2\n'; } |
	"$NSH" -i >/dev/null 2>"$TMP/long.err"
is "-i: a line over 2 MiB: one error line, the next line runs" \
	"$(wc -l <"$TMP/long.err") $(ip netns list | awk '{print $1}')" "1 long2"
clean

done_testing
