# bench/lib.sh - sourced (bash) by bench/run.sh and bench/profile.sh inside
# their sandbox: the lab's addresses, its nsh scripts, time arithmetic.

# addr I: the address of nsI (10.200.X.Y, no prefix), as `floor addr I`
addr() { echo "10.200.$((1 + ($1 - 1) / 250)).$((1 + ($1 - 1) % 250))"; }
# dt T0 T1: T1 - T0 in seconds (EPOCHREALTIME values)
dt() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.6f", b - a }'; }
# median: of the numbers on stdin, one a line ("nan" if none)
median() { sort -g | awk '{ a[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print a[(NR + 1) / 2]; else printf "%.6f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

gen_nsh() { # N DIR: DIR/build.nsh (the lab as a person writes it), DIR/teardown.nsh
	local n=$1 d=$2 i
	{
		echo "# bridge + $n namespaces"
		echo "ip link add br0 type bridge"
		echo "ip link set br0 up"
		echo "ip addr add 10.200.0.254/16 dev br0"
		for ((i = 1; i <= n; i++)); do
			echo
			echo "ip netns add ns$i"
			echo "ip link add vethBr$i type veth peer name vethNs$i netns ns$i"
			echo "ip link set vethBr$i master br0 up"
			echo "ip -n ns$i addr add $(addr $i)/16 dev vethNs$i"
			echo "ip -n ns$i link set vethNs$i up"
			echo "ip -n ns$i link set lo up"
		done
	} >"$d/build.nsh"
	{
		for ((i = 1; i <= n; i++)); do echo "ip netns del ns$i"; done
		echo "ip link del br0"
	} >"$d/teardown.nsh"
}
