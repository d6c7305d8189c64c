# tests/adversarial.sh - the adversarial table (issue 14): every case of
# the reliability study's section (b), named by its id, read from
# tests/adversarial.tsv.  Sourced by tests/netns/t-adversarial-*.sh, each
# setting SECTIONS (the ids' letters it runs), so that the three run side
# by side.  Not a test itself.
#
# A row of the table is ID<TAB>KIND<TAB>ARG<TAB>ARG2 (# starts a comment):
#   reject LINE REGEX   `nsh -c LINE` fails with one stderr line matching
#                       REGEX, nothing on stdout, and the kernel unchanged
#   script TEXT REGEX   the same for `nsh -f FILE`, FILE holding TEXT
#   check  FUNC DESC    FUNC (below) checks the case in its own rows; the
#                       fixture must be as it was afterwards
#   na     REASON       a case this machine cannot exercise (TAP skip)
# LINE and TEXT go through printf %b (\t, \r, \n, \033, \0NNN).
#
# "The kernel unchanged" is snap: `ip -j -d link`, `ip -j -d addr` and
# `ip -j -d route` in the host and every namespace of /run/netns (bridge
# timers dropped), the /run/netns listing with modes and sizes, and
# /proc/self/mountinfo (mount ids and peer group numbers dropped: a mount
# made again is the same state).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

TABLE=$top_srcdir/tests/adversarial.tsv

# lib.sh's _tap, printing the description as it is (dash's echo would read
# its backslashes), and marking the rows of a TODO case: a known failure of
# nsh, left for the reason the table gives (TAP: "# TODO reason"; a row
# that passes then shows as an unexpected pass, time to drop the TODO)
TODO=
_tap() {
	T_N=$((T_N + 1))
	_t=${TODO:+ # TODO $TODO}
	if [ "$1" = 0 ]; then
		printf 'ok %s - %s%s\n' "$T_N" "$2" "$_t"
	else
		printf 'not ok %s - %s%s\n' "$T_N" "$2" "$_t"
		[ -n "$TODO" ] || T_FAIL=$((T_FAIL + 1))
	fi
}

snap() {
	python3 - <<'EOF'
import json, os, re, subprocess
def ip(ns, *a):
    cmd = ["ip"] + (["-n", ns] if ns else []) + ["-j", "-d"] + list(a)
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode:
        return "unusable: " + r.stderr.strip()
    def strip(o):
        if isinstance(o, dict):
            return {k: strip(v) for k, v in o.items()
                    if not k.endswith("_timer") and k != "stats64"}
        if isinstance(o, list):
            return [strip(v) for v in o]
        return o
    return strip(json.loads(r.stdout or "[]"))
try:
    names = sorted(os.listdir("/run/netns"))
except FileNotFoundError:
    names = None
out = {"": [ip(None, w) for w in ("link", "addr", "route")]}
for n in names or []:
    p = "/run/netns/" + n
    st = os.lstat(p)
    out["ls " + repr(n)] = [oct(st.st_mode), st.st_size]
    if os.path.ismount(p):
        out[n] = [ip(n, w) for w in ("link", "addr", "route")]
out["run/netns"] = names
# mountinfo without what a mount made again gets anew (its id, its
# parent's, the peer group numbers), sorted
def mount(l):
    f = l.split(" ")
    return " ".join(f[2:6] + [re.sub(r":[0-9]+", "", x) for x in f[6:]])
out["mountinfo"] = sorted(mount(l) for l in
                          open("/proc/self/mountinfo").read().splitlines())
print(json.dumps(out, indent=1, sort_keys=True))
EOF
}

# same DESC: the kernel is as the fixture left it
same() {
	snap >"$TMP/after"
	if cmp -s "$TMP/fixture" "$TMP/after"; then _tap 0 "$1"; else
		_tap 1 "$1"
		diff "$TMP/fixture" "$TMP/after" | head -20 | sed 's/^/# /'
	fi
}

# verdict ID WHAT RC REGEX: a refusal's row
verdict() {
	snap >"$TMP/after"
	_same=no
	cmp -s "$TMP/before" "$TMP/after" && _same=yes
	_fail=no
	[ "$3" != 0 ] && [ "$3" -lt 128 ] && _fail=yes
	_lines=$(wc -l <"$TMP/r.err" | tr -d ' ')
	_ctl=$(tr -d '\n' <"$TMP/r.err" | LC_ALL=C tr -cd '\000-\037\177' | wc -c | tr -d ' ')
	_msg=no
	grep -Eq -- "$4" "$TMP/r.err" && _msg=yes
	is "$1: $2: fails, one clear stderr line, no stdout, kernel unchanged" \
		"fails=$_fail lines=$_lines ctl=$_ctl out=$(wc -c <"$TMP/r.out" | tr -d ' ') message=$_msg same=$_same" \
		"fails=yes lines=1 ctl=0 out=0 message=yes same=yes"
	if [ "$_same" = no ]; then
		diff "$TMP/before" "$TMP/after" | head -20 | sed 's/^/# /'
	fi
	[ "$_msg" = yes ] || sed 's/^/# stderr: /' "$TMP/r.err"
}

# the fixture every row starts from: two namespaces, a veth with an
# address whose peer is in ns1, a bridge with a port (all down: nothing
# changes by itself)
fixture() {
	ip netns add ns1
	ip netns add ns2
	ip link add v1 type veth peer name p1 netns ns1
	ip addr add 10.0.0.1/24 dev v1
	ip link add br0 type bridge
	ip link add b1 type veth peer name b1p
	ip link set b1 master br0
}

# settle: wait for asynchronous teardown (veths of deleted namespaces)
settle() {
	_i=0
	until snap >"$TMP/settle" && cmp -s "$TMP/fixture" "$TMP/settle" ||
	      [ $_i -ge 100 ]; do
		sleep 0.02; _i=$((_i + 1))
	done
}

. "$top_srcdir/tests/adversarial-checks.sh"

fixture
snap >"$TMP/fixture"
# the data rows of the sections asked for (read on fd 9: what the rows
# run reads /dev/null)
grep -v '^#' "$TABLE" | grep -v '^[[:space:]]*$' >"$TMP/rows"
while IFS='	' read -r id kind a1 a2 todo <&9; do
	case " $SECTIONS " in *" $(printf %.1s "$id") "*) ;; *) continue ;; esac
	TODO=${todo#TODO }
	snap >"$TMP/before"
	case $kind in
	reject)
		_line=$(printf '%b' "$a1")
		"$NSH" -c "$_line" >"$TMP/r.out" 2>"$TMP/r.err"
		_rc=$?
		verdict "$id" "$a1" $_rc "$a2" ;;
	script)
		printf '%b' "$a1" >"$TMP/s.nsh"
		"$NSH" -f "$TMP/s.nsh" >"$TMP/r.out" 2>"$TMP/r.err"
		_rc=$?
		verdict "$id" "script $a1" $_rc "$a2" ;;
	check)
		ID=$id
		"$a1"
		TODO=
		settle
		same "$id: $a2: the fixture is as it was" ;;
	na)
		skip "$id: n/a: $a1" ;;
	*)
		_tap 1 "$id: unknown kind '$kind'" ;;
	esac
	TODO=
	# a row that left something behind failed above; the next one
	# starts from the fixture again
	if ! snap | cmp -s "$TMP/fixture" -; then
		echo "# $id left the kernel changed: the fixture is made again"
		clean >/dev/null 2>&1
		fixture
		snap >"$TMP/fixture"
	fi
done 9<"$TMP/rows" </dev/null
done_testing
