# tests/hosts.sh - simulated hosts for the multi-host tests and bench
# (sourced, inside a sandbox that tests/lib.sh or bench/lib.sh made).
#
# hosts_start N [MTU…]: hosts 1..N, each a network namespace uI joined to
# the underlay bridge under0 (10.99.0.254/24) as 10.99.0.I, with a mount
# namespace of its own (a private /run, an empty /root) in which OpenSSH's
# sshd listens on 10.99.0.I port 2222 with keys made here; the Ith MTU
# (default 1500) is
# its underlay's.  Sets SSHD_PIDS and SSHDI (sshd's PID, also the handle on
# the host's namespaces), HOSTS_OPTS (the host options nsh needs: key,
# agent, known hosts).  Returns 1, saying why on stdout, when sshd is
# missing or does not start.  hosts_stop ends the sshds (the trap's job).
# on_host I CMD…: CMD inside host I.  decl I: the `host hI ssh …` line.
# Nothing listens or sends outside the sandbox.

: "${HOSTS_TMP:=${TMP:?}}"
SSHD=$(command -v sshd || echo /usr/sbin/sshd)
SSHD_PIDS=""

hosts_stop() {
	for p in $SSHD_PIDS; do kill "$p" 2>/dev/null; done
	for p in $SSHD_PIDS; do
		i=0
		while kill -0 "$p" 2>/dev/null && [ $i -lt 100 ]; do
			sleep 0.05; i=$((i + 1))
		done
	done
}

hosts_keys() {
	ssh-keygen -q -t ed25519 -N '' -f "$HOSTS_TMP/id" </dev/null >/dev/null &&
	ssh-keygen -q -t ed25519 -N '' -f "$HOSTS_TMP/hostkey" </dev/null >/dev/null &&
	cp "$HOSTS_TMP/id.pub" "$HOSTS_TMP/authorized_keys" || return 1
	cat >"$HOSTS_TMP/sshd_config" <<EOF
Port 2222
HostKey $HOSTS_TMP/hostkey
AuthorizedKeysFile $HOSTS_TMP/authorized_keys
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
LogLevel VERBOSE
MaxStartups 100
UseDNS no
PrintMotd no
PrintLastLog no
EOF
}

# host I on the underlay, its sshd started
hosts_one() {
	ip netns add "u$1" &&
	ip link add "u$1" type veth peer name eth0 netns "u$1" &&
	ip link set "u$1" master under0 mtu "$2" up &&
	ip -n "u$1" link set lo up &&
	ip -n "u$1" addr add "10.99.0.$1/24" dev eth0 &&
	ip -n "u$1" link set eth0 mtu "$2" up || return 1
	# the host's own /run, and root's home empty as on a fresh machine
	# (this one's ~/.bashrc, which bash reads for every ssh command, is
	# not the lab's to pay for)
	ip netns exec "u$1" unshare --mount --propagation private sh -c '
		mount -t tmpfs -o mode=0755 tmpfs /run && mkdir -p /run/sshd &&
		mount -t tmpfs -o mode=0700 tmpfs /root &&
		exec "$0" -D -f "$1" -o ListenAddress="$2" -E "$3"' \
		"$SSHD" "$HOSTS_TMP/sshd_config" "10.99.0.$1" \
		"$HOSTS_TMP/sshd$1.log" &
	SSHD_PIDS="$SSHD_PIDS $!"
	eval "SSHD$1=$!"
}

hosts_start() {
	_n=$1
	shift
	if [ ! -x "$SSHD" ] || ! command -v ssh >/dev/null ||
	   ! command -v ssh-keygen >/dev/null || ! command -v nsenter >/dev/null; then
		echo "no OpenSSH server and client (openssh-server, openssh-client) or nsenter"
		return 1
	fi
	hosts_keys || { echo "ssh-keygen failed"; return 1; }
	ip link add under0 type bridge && ip link set under0 up &&
	ip addr add 10.99.0.254/24 dev under0 || return 1
	_i=1
	while [ $_i -le "$_n" ]; do
		hosts_one $_i "${1:-1500}" || { echo "host $_i: setup failed"; return 1; }
		[ $# -gt 0 ] && shift
		_i=$((_i + 1))
	done
	_i=1
	while [ $_i -le "$_n" ]; do
		_w=0
		until ip netns exec "u$_i" ss -ltn 2>/dev/null | grep -q "10.99.0.$_i:2222"; do
			_w=$((_w + 1))
			if [ $_w -gt 200 ]; then
				echo "sshd did not start: $(tail -1 "$HOSTS_TMP/sshd$_i.log" 2>/dev/null)"
				return 1
			fi
			sleep 0.05
		done
		_i=$((_i + 1))
	done
	HOSTS_OPTS="identity $HOSTS_TMP/id agent $NSH option UserKnownHostsFile=$HOSTS_TMP/known_hosts option StrictHostKeyChecking=no"
}

# inside host I (its sshd's network and mount namespaces): CMD…
on_host() { _h=$1; shift; eval "nsenter -t \$SSHD$_h -n -m -- \"\$@\""; }

decl() { echo "host h$1 ssh root@10.99.0.$1 port 2222 $HOSTS_OPTS"; }
