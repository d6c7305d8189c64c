/*
 * bench/floor.c - the floor: the "bridge + N namespaces" lab built by one
 * bare process over libnl-route-3 with the fewest netlink requests
 * (performance.md, method 6).  Used by bench/run.sh as the reference.
 *
 *   floor build N      br0 (up, 10.200.0.254/16); for i in 1..N:
 *                      /run/netns/ns<i> + unshare(CLONE_NEWNET) + bind mount
 *                      (== ip netns add, with iproute2's flock/shared-mount
 *                      set-up done once), a netlink socket opened inside,
 *                      lo up; setns back; ONE RTM_NEWLINK makes vethBr<i>
 *                      (master br0, up) with its peer vethNs<i> born in the
 *                      netns (IFLA_NET_NS_FD, peer ifindex 2); address + up
 *                      on vethNs<i> through the in-ns socket.
 *   floor build N --nsh-like
 *                      the same lab with the request sequence nsh 0.x sends
 *                      for the six lines a person writes per namespace
 *                      (12 requests and 9 setns per namespace instead of 4
 *                      and 1: a RTM_GETLINK before every change, the veth
 *                      created down and without master, `master br0 up` as
 *                      a second RTM_NEWLINK), to measure what the extra
 *                      requests cost apart from nsh's parsing.
 *   floor teardown N   umount2(MNT_DETACH) + unlink each /run/netns/ns<i>,
 *                      then RTM_DELLINK br0.
 *   floor teardown N --nsh-like
 *                      what nsh 0.x does for `ip netns del` x N + `ip link
 *                      del br0`: per ns, enter it, open a socket, dump its
 *                      links, RTM_GETNSID for each veth's peer, unmount;
 *                      then poll each noted peer with RTM_GETLINK (1, 2, 4,
 *                      8, 16 ms apart) until gone; only then delete br0.
 *   floor teardown N --hold
 *                      as `floor teardown N`, each namespace held open (an
 *                      fd, the soft RLIMIT_NOFILE raised for them) until
 *                      exit, so the kernel destroys them only after br0 is
 *                      gone, in one batch, as nsh does: deleting br0 then
 *                      does not wait for the RTNL lock behind that work.
 *   floor verify N     every vethBr<i> enslaved to br0 and up; every ns<i>
 *                      has lo up and vethNs<i> up with its /16 (all checked
 *                      through netlink).  Exit 0 iff all hold.
 *   floor wait [S]     poll host link dumps until no vethBr* link is left
 *                      (namespace teardown is asynchronous); timeout S
 *                      seconds (default 60).
 *   floor addr I       print the address of ns<I> (10.200.X.Y, no prefix).
 *   floor rss CMD…     run CMD (stdout to /dev/null); print its peak RSS
 *                      in MB; exit with its status.
 *
 * Addresses: ns<i> gets 10.200.(1+(i-1)/250).(1+(i-1)%250)/16.
 *
 * Build: cc -O2 -o floor floor.c $(pkg-config --cflags --libs libnl-route-3.0)
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <spawn.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <linux/net_namespace.h>
#include <netlink/netlink.h>
#include <netlink/route/addr.h>
#include <netlink/route/link.h>
#include <netlink/route/link/veth.h>

#define RUN_DIR "/run/netns"
#define BR "br0"

static void die(const char *what, const char *detail)
{
	fprintf(stderr, "floor: %s: %s\n", what, detail);
	exit(2);
}

static void die_nl(const char *what, int err)
{
	die(what, nl_geterror(err));
}

static void die_errno(const char *what)
{
	die(what, strerror(errno));
}

static struct nl_sock *sock_open(void)
{
	struct nl_sock *sk = nl_socket_alloc();
	int err;

	if (!sk)
		die("nl_socket_alloc", "out of memory");
	if ((err = nl_connect(sk, NETLINK_ROUTE)) < 0)
		die_nl("nl_connect", err);
	return sk;
}

static void ns_addr(int i, struct in_addr *a)
{
	char s[32];

	snprintf(s, sizeof(s), "10.200.%d.%d", 1 + (i - 1) / 250,
		 1 + (i - 1) % 250);
	inet_pton(AF_INET, s, a);
}

/* RTM_NEWLINK without NLM_F_CREATE on an existing ifindex: set it up */
static void link_up(struct nl_sock *sk, int ifindex, const char *what)
{
	struct rtnl_link *l = rtnl_link_alloc();
	int err;

	rtnl_link_set_ifindex(l, ifindex);
	rtnl_link_set_flags(l, IFF_UP);
	if ((err = rtnl_link_add(sk, l, 0)) < 0)
		die_nl(what, err);
	rtnl_link_put(l);
}

static void addr_add(struct nl_sock *sk, int ifindex, struct in_addr *in,
		     const char *what)
{
	struct rtnl_addr *a = rtnl_addr_alloc();
	struct nl_addr *local = nl_addr_build(AF_INET, in, sizeof(*in));
	int err;

	nl_addr_set_prefixlen(local, 16);
	rtnl_addr_set_ifindex(a, ifindex);
	rtnl_addr_set_local(a, local);
	if ((err = rtnl_addr_add(sk, a, 0)) < 0)
		die_nl(what, err);
	nl_addr_put(local);
	rtnl_addr_put(a);
}

/* iproute2's netns_add() prologue, once: flock + shared self-bind */
static void run_dir_setup(void)
{
	int lock, made = 0;

	if (mkdir(RUN_DIR, 0755) < 0 && errno != EEXIST)
		die_errno("mkdir " RUN_DIR);
	lock = open(RUN_DIR, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (lock < 0 || flock(lock, LOCK_EX) < 0)
		die_errno("flock " RUN_DIR);
	while (mount("", RUN_DIR, "none", MS_SHARED | MS_REC, NULL)) {
		if (errno != EINVAL || made)
			die_errno("mount --make-shared " RUN_DIR);
		if (mount(RUN_DIR, RUN_DIR, "none", MS_BIND | MS_REC, NULL))
			die_errno("mount --bind " RUN_DIR);
		made = 1;
	}
	close(lock);
}

/* RTM_GETLINK by name, as nsh's link_lookup() does; the answer is unused */
static void lookup(struct nl_sock *sk, const char *name)
{
	struct rtnl_link *l = NULL;

	rtnl_link_get_kernel(sk, 0, name, &l);
	if (l)
		rtnl_link_put(l);
}

static void setns_or_die(int fd)
{
	if (setns(fd, CLONE_NEWNET) < 0)
		die_errno("setns");
}

/*
 * == ip netns add ns<I> (run_dir_setup() done): /run/netns/ns<I>, unshare,
 * bind mount.  Leaves the process in the new namespace; returns an fd of it.
 */
static int netns_add(int i)
{
	char path[64];
	int fd;

	snprintf(path, sizeof(path), RUN_DIR "/ns%d", i);
	fd = open(path, O_RDONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0);
	if (fd < 0)
		die_errno(path);
	close(fd);
	if (unshare(CLONE_NEWNET) < 0)
		die_errno("unshare");
	if (mount("/proc/self/ns/net", path, "none", MS_BIND, NULL))
		die_errno("bind mount");
	fd = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		die_errno("open new ns");
	return fd;
}

/* the per-namespace requests of nsh's six lines (see --nsh-like) */
static void nsh_like(struct nl_sock *host, int hostfd, int brindex, int i)
{
	struct nl_sock *in_ns;
	struct rtnl_link *veth, *peer, *chg;
	struct in_addr in;
	char br_name[32], ns_name[32];
	int nsfd, err;

	/* ip netns add nsI */
	nsfd = netns_add(i);
	setns_or_die(hostfd);

	/* ip link add vethBrI type veth peer name vethNsI netns nsI */
	snprintf(br_name, sizeof(br_name), "vethBr%d", i);
	snprintf(ns_name, sizeof(ns_name), "vethNs%d", i);
	lookup(host, br_name);
	setns_or_die(nsfd);
	in_ns = sock_open();
	setns_or_die(hostfd);
	lookup(in_ns, ns_name);
	veth = rtnl_link_veth_alloc();
	peer = rtnl_link_veth_get_peer(veth);
	rtnl_link_set_name(veth, br_name);
	rtnl_link_set_name(peer, ns_name);
	rtnl_link_set_ns_fd(peer, nsfd);
	if ((err = rtnl_link_add(host, veth, NLM_F_CREATE | NLM_F_EXCL)) < 0)
		die_nl("veth add", err);
	rtnl_link_put(peer);
	rtnl_link_veth_release(veth);

	/* ip link set vethBrI master br0 up */
	lookup(host, br_name);
	lookup(host, BR);
	chg = rtnl_link_alloc();
	rtnl_link_set_name(chg, br_name);
	rtnl_link_set_master(chg, brindex);
	rtnl_link_set_flags(chg, IFF_UP);
	if ((err = rtnl_link_add(host, chg, 0)) < 0)
		die_nl("master up", err);
	rtnl_link_put(chg);

	/* ip -n nsI addr add … dev vethNsI */
	setns_or_die(nsfd);
	lookup(in_ns, ns_name);
	ns_addr(i, &in);
	addr_add(in_ns, 2, &in, "addr add vethNs");
	setns_or_die(hostfd);
	/* ip -n nsI link set vethNsI up */
	setns_or_die(nsfd);
	lookup(in_ns, ns_name);
	link_up(in_ns, 2, "vethNs up");
	setns_or_die(hostfd);
	/* ip -n nsI link set lo up */
	setns_or_die(nsfd);
	lookup(in_ns, "lo");
	link_up(in_ns, 1, "lo up");
	setns_or_die(hostfd);
	close(nsfd);
	nl_socket_free(in_ns);
}

static int build(int n, int like_nsh)
{
	struct nl_sock *host = sock_open();
	struct rtnl_link *br;
	struct in_addr in;
	int err, brindex, hostfd;
	char name[32];	/* N <= 62500: names fit IFNAMSIZ */

	/* br0, up, with its address */
	br = rtnl_link_alloc();
	rtnl_link_set_name(br, BR);
	rtnl_link_set_type(br, "bridge");
	rtnl_link_set_flags(br, IFF_UP);
	if ((err = rtnl_link_add(host, br, NLM_F_CREATE | NLM_F_EXCL)) < 0)
		die_nl("add " BR, err);
	rtnl_link_put(br);
	brindex = if_nametoindex(BR);
	if (!brindex)
		die_errno("if_nametoindex " BR);
	inet_pton(AF_INET, "10.200.0.254", &in);
	addr_add(host, brindex, &in, "addr add " BR);

	hostfd = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
	if (hostfd < 0)
		die_errno("open /proc/self/ns/net");
	run_dir_setup();

	for (int i = 1; like_nsh && i <= n; i++)
		nsh_like(host, hostfd, brindex, i);
	for (int i = 1; !like_nsh && i <= n; i++) {
		struct nl_sock *in_ns;
		struct rtnl_link *veth, *peer;
		int nsfd;

		/* == ip netns add ns<i> */
		nsfd = netns_add(i);

		/* a socket inside; lo up */
		in_ns = sock_open();
		link_up(in_ns, 1, "lo up");
		if (setns(hostfd, CLONE_NEWNET) < 0)
			die_errno("setns back");

		/* one RTM_NEWLINK: vethBr<i> master br0 up, peer in ns<i> */
		veth = rtnl_link_veth_alloc();
		peer = rtnl_link_veth_get_peer(veth);
		snprintf(name, sizeof(name), "vethBr%d", i);
		rtnl_link_set_name(veth, name);
		rtnl_link_set_master(veth, brindex);
		rtnl_link_set_flags(veth, IFF_UP);
		snprintf(name, sizeof(name), "vethNs%d", i);
		rtnl_link_set_name(peer, name);
		rtnl_link_set_ifindex(peer, 2);
		rtnl_link_set_ns_fd(peer, nsfd);
		if ((err = rtnl_link_add(host, veth,
					 NLM_F_CREATE | NLM_F_EXCL)) < 0)
			die_nl("veth add", err);
		rtnl_link_put(peer);
		rtnl_link_veth_release(veth);
		close(nsfd);

		/* address + up from inside */
		ns_addr(i, &in);
		addr_add(in_ns, 2, &in, "addr add vethNs");
		link_up(in_ns, 2, "vethNs up");
		nl_socket_free(in_ns);
	}
	close(hostfd);
	nl_socket_free(host);
	return 0;
}

static int nsid_cb(struct nl_msg *msg, void *arg)
{
	struct nlattr *tb[NETNSA_MAX + 1];

	if (nlmsg_parse(nlmsg_hdr(msg), sizeof(struct rtgenmsg), tb, NETNSA_MAX,
			NULL) >= 0 && tb[NETNSA_NSID])
		*(int *)arg = (int)nla_get_u32(tb[NETNSA_NSID]);
	return NL_OK;
}

/* the nsid the namespace of SK gives the namespace NSFD, or -1 (nsh's) */
static int get_nsid(struct nl_sock *sk, int nsfd)
{
	struct rtgenmsg g = { .rtgen_family = AF_UNSPEC };
	struct nl_msg *msg = nlmsg_alloc_simple(RTM_GETNSID, NLM_F_REQUEST);
	struct nl_cb *cb, *orig;
	int nsid = -1;

	if (nlmsg_append(msg, &g, sizeof(g), NLMSG_ALIGNTO) < 0 ||
	    nla_put_u32(msg, NETNSA_FD, (uint32_t)nsfd) < 0 ||
	    nl_send_auto(sk, msg) < 0)
		die("RTM_GETNSID", "cannot send");
	orig = nl_socket_get_cb(sk);
	cb = nl_cb_clone(orig);
	nl_cb_put(orig);
	nl_cb_set(cb, NL_CB_VALID, NL_CB_CUSTOM, nsid_cb, &nsid);
	if (nl_recvmsgs(sk, cb) >= 0)
		(void)nl_wait_for_ack(sk);
	nl_cb_put(cb);
	nlmsg_free(msg);
	return nsid;
}

static void sleep_round(int round)
{
	struct timespec ts = { 0, 1000000L << (round < 4 ? round : 4) };

	nanosleep(&ts, NULL);
}

static void del_br(struct nl_sock *host)
{
	struct rtnl_link *br = rtnl_link_alloc();
	int err;

	rtnl_link_set_name(br, BR);
	if ((err = rtnl_link_delete(host, br)) < 0)
		die_nl("del " BR, err);
	rtnl_link_put(br);
}

static int teardown_nsh_like(int n)
{
	struct nl_sock *host = sock_open();
	int hostfd = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
	int *pend = calloc((size_t)n * 4 + 4, sizeof(int)), npend = 0;
	char path[64];

	for (int i = 1; i <= n; i++) {
		struct nl_sock *sk;
		struct nl_cache *links;
		int fd;

		snprintf(path, sizeof(path), RUN_DIR "/ns%d", i);
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			die_errno(path);
		setns_or_die(fd);
		sk = sock_open();
		setns_or_die(hostfd);
		if (rtnl_link_alloc_cache(sk, AF_UNSPEC, &links) < 0)
			die("link dump", "in ns");
		for (struct nl_object *o = nl_cache_get_first(links); o;
		     o = nl_cache_get_next(o)) {
			struct rtnl_link *l = (struct rtnl_link *)o;
			const char *kind = rtnl_link_get_type(l);
			int32_t nsid;

			if (!kind || strcmp(kind, "veth") ||
			    rtnl_link_get_link_netnsid(l, &nsid) < 0 ||
			    nsid < 0)
				continue;
			if (get_nsid(sk, hostfd) == nsid && npend < n * 4)
				pend[npend++] = rtnl_link_get_link(l);
		}
		nl_cache_free(links);
		nl_socket_free(sk);
		close(fd);
		umount2(path, MNT_DETACH);
		if (unlink(path) < 0)
			die_errno(path);
	}
	for (int round = 0; npend; round++) {
		int keep = 0;

		for (int k = 0; k < npend; k++) {
			struct rtnl_link *l = NULL;

			if (rtnl_link_get_kernel(host, pend[k], NULL, &l) >= 0)
				pend[keep++] = pend[k];
			if (l)
				rtnl_link_put(l);
		}
		npend = keep;
		if (npend)
			sleep_round(round);
	}
	del_br(host);
	free(pend);
	close(hostfd);
	nl_socket_free(host);
	return 0;
}

static int teardown(int n, int hold)
{
	struct nl_sock *host = sock_open();
	struct rtnl_link *br;
	char path[64];
	int err, rc = 0;
	struct rlimit rl;

	if (hold && getrlimit(RLIMIT_NOFILE, &rl) == 0 &&
	    rl.rlim_cur < (rlim_t)n + 64) {
		rl.rlim_cur = rl.rlim_max;
		if (rl.rlim_cur > (rlim_t)n + 64)
			rl.rlim_cur = (rlim_t)n + 64;
		if (setrlimit(RLIMIT_NOFILE, &rl) < 0)
			die_errno("setrlimit RLIMIT_NOFILE");
	}
	for (int i = 1; i <= n; i++) {
		snprintf(path, sizeof(path), RUN_DIR "/ns%d", i);
		/* kept open until exit, so after br0 is gone */
		if (hold && open(path, O_RDONLY | O_CLOEXEC) < 0)
			die_errno(path);
		umount2(path, MNT_DETACH);
		if (unlink(path) < 0) {
			fprintf(stderr, "floor: unlink %s: %s\n", path,
				strerror(errno));
			rc = 1;
		}
	}
	br = rtnl_link_alloc();
	rtnl_link_set_name(br, BR);
	if ((err = rtnl_link_delete(host, br)) < 0) {
		fprintf(stderr, "floor: del " BR ": %s\n", nl_geterror(err));
		rc = 1;
	}
	rtnl_link_put(br);
	nl_socket_free(host);
	return rc;
}

static int bad(int *nbad, const char *fmt, int i, const char *what)
{
	if ((*nbad)++ < 10) {
		fprintf(stderr, "floor verify: ");
		fprintf(stderr, fmt, i, what);
		fputc('\n', stderr);
	}
	return 0;
}

static int verify(int n)
{
	struct nl_sock *host = sock_open();
	struct nl_cache *links;
	struct rtnl_link *br;
	int err, nbad = 0, brindex, hostfd;
	char name[32], path[64];

	if ((err = rtnl_link_alloc_cache(host, AF_UNSPEC, &links)) < 0)
		die_nl("link dump", err);
	br = rtnl_link_get_by_name(links, BR);
	if (!br) {
		fprintf(stderr, "floor verify: no " BR "\n");
		return 1;
	}
	brindex = rtnl_link_get_ifindex(br);
	if (!(rtnl_link_get_flags(br) & IFF_UP))
		bad(&nbad, "br%d: %s", 0, "down");
	rtnl_link_put(br);
	for (int i = 1; i <= n; i++) {
		struct rtnl_link *l;

		snprintf(name, sizeof(name), "vethBr%d", i);
		l = rtnl_link_get_by_name(links, name);
		if (!l) {
			bad(&nbad, "vethBr%d: %s", i, "missing");
			continue;
		}
		if (rtnl_link_get_master(l) != brindex)
			bad(&nbad, "vethBr%d: %s", i, "not a port of br0");
		if (!(rtnl_link_get_flags(l) & IFF_UP))
			bad(&nbad, "vethBr%d: %s", i, "down");
		rtnl_link_put(l);
	}
	nl_cache_free(links);

	hostfd = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
	for (int i = 1; i <= n; i++) {
		struct nl_sock *sk;
		struct nl_cache *lc, *ac;
		struct rtnl_link *l;
		struct in_addr want;
		int fd, ifindex = 0, found = 0;

		snprintf(path, sizeof(path), RUN_DIR "/ns%d", i);
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0 || setns(fd, CLONE_NEWNET) < 0) {
			bad(&nbad, "ns%d: %s", i, "cannot enter");
			if (fd >= 0)
				close(fd);
			continue;
		}
		close(fd);
		sk = sock_open();
		if (setns(hostfd, CLONE_NEWNET) < 0)
			die_errno("setns back");
		if ((err = rtnl_link_alloc_cache(sk, AF_UNSPEC, &lc)) < 0)
			die_nl("link dump in ns", err);
		l = rtnl_link_get_by_name(lc, "lo");
		if (!l || !(rtnl_link_get_flags(l) & IFF_UP))
			bad(&nbad, "ns%d: %s", i, "lo not up");
		if (l)
			rtnl_link_put(l);
		snprintf(name, sizeof(name), "vethNs%d", i);
		l = rtnl_link_get_by_name(lc, name);
		if (!l)
			bad(&nbad, "ns%d: %s", i, "no vethNs");
		else {
			ifindex = rtnl_link_get_ifindex(l);
			if (!(rtnl_link_get_flags(l) & IFF_UP))
				bad(&nbad, "ns%d: %s", i, "vethNs down");
			rtnl_link_put(l);
		}
		nl_cache_free(lc);
		if ((err = rtnl_addr_alloc_cache(sk, &ac)) < 0)
			die_nl("addr dump in ns", err);
		ns_addr(i, &want);
		for (struct nl_object *o = nl_cache_get_first(ac); o;
		     o = nl_cache_get_next(o)) {
			struct rtnl_addr *a = (struct rtnl_addr *)o;
			struct nl_addr *loc = rtnl_addr_get_local(a);

			if (rtnl_addr_get_family(a) == AF_INET &&
			    rtnl_addr_get_ifindex(a) == ifindex && loc &&
			    nl_addr_get_prefixlen(loc) == 16 &&
			    !memcmp(nl_addr_get_binary_addr(loc), &want, 4))
				found = 1;
		}
		if (!found)
			bad(&nbad, "ns%d: %s", i, "vethNs lacks its /16");
		nl_cache_free(ac);
		nl_socket_free(sk);
	}
	close(hostfd);
	nl_socket_free(host);
	if (nbad)
		fprintf(stderr, "floor verify: %d problem(s) at N=%d\n", nbad,
			n);
	return nbad ? 1 : 0;
}

static int count_vethbr(struct nl_sock *sk)
{
	struct nl_cache *links;
	int err, c = 0;

	if ((err = rtnl_link_alloc_cache(sk, AF_UNSPEC, &links)) < 0)
		die_nl("link dump", err);
	for (struct nl_object *o = nl_cache_get_first(links); o;
	     o = nl_cache_get_next(o))
		if (!strncmp(rtnl_link_get_name((struct rtnl_link *)o),
			     "vethBr", 6))
			c++;
	nl_cache_free(links);
	return c;
}

static int wait_gone(double timeout)
{
	struct nl_sock *sk = sock_open();
	struct timespec t0, t, pause = {0, 1000000};
	int c;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	while ((c = count_vethbr(sk)) > 0) {
		clock_gettime(CLOCK_MONOTONIC, &t);
		if (t.tv_sec - t0.tv_sec + (t.tv_nsec - t0.tv_nsec) / 1e9 >
		    timeout) {
			fprintf(stderr, "floor wait: %d vethBr* left\n", c);
			return 1;
		}
		nanosleep(&pause, NULL);
	}
	nl_socket_free(sk);
	return 0;
}

/*
 * peak_rss - run ARGV (its stdout to /dev/null), print its peak resident
 * set in MB.  posix_spawn shares this small process's memory until the
 * exec, so what the kernel counts before the exec is this process's own
 * RSS (~2 MB), not a copy of a larger parent's.
 */
extern char **environ;

static int peak_rss(char **argv)
{
	posix_spawn_file_actions_t fa;
	struct rusage ru;
	pid_t pid;
	int st, err;

	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	err = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (err) {
		fprintf(stderr, "floor: %s: %s\n", argv[0], strerror(err));
		return 127;
	}
	if (wait4(pid, &st, 0, &ru) < 0)
		die_errno("wait4");
	printf("%.1f\n", ru.ru_maxrss / 1024.0);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

int main(int argc, char **argv)
{
	int n = argc > 2 ? atoi(argv[2]) : 0;

	if (argc >= 2 && !strcmp(argv[1], "nop"))
		return 0;
	if (argc >= 3 && !strcmp(argv[1], "rss"))
		return peak_rss(argv + 2);
	if (argc >= 2 && !strcmp(argv[1], "wait"))
		return wait_gone(argc > 2 ? atof(argv[2]) : 60);
	if (argc == 3 && !strcmp(argv[1], "addr") && n > 0) {
		struct in_addr a;
		char s[INET_ADDRSTRLEN];

		ns_addr(n, &a);
		puts(inet_ntop(AF_INET, &a, s, sizeof(s)));
		return 0;
	}
	if (argc == 4 && !strcmp(argv[1], "build") &&
	    !strcmp(argv[3], "--nsh-like") && n > 0 && n <= 62500)
		return build(n, 1);
	if (argc == 4 && !strcmp(argv[1], "teardown") && n > 0 &&
	    !strcmp(argv[3], "--nsh-like"))
		return teardown_nsh_like(n);
	if (argc == 4 && !strcmp(argv[1], "teardown") && n > 0 &&
	    !strcmp(argv[3], "--hold"))
		return teardown(n, 1);
	if (argc != 3 || n <= 0 || n > 62500) {
		fprintf(stderr, "usage: floor build N [--nsh-like] | "
				"teardown N [--nsh-like|--hold] | "
				"verify N | "
				"wait [SECONDS] | addr I | rss CMD... | nop\n");
		return 2;
	}
	if (!strcmp(argv[1], "build"))
		return build(n, 0);
	if (!strcmp(argv[1], "teardown"))
		return teardown(n, 0);
	if (!strcmp(argv[1], "verify"))
		return verify(n);
	fprintf(stderr, "floor: unknown command '%s'\n", argv[1]);
	return 2;
}
