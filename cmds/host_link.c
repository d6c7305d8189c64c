/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * host_link.c - cables across hosts: `link H1:NS1[:IF] H2:NS2[:IF]` is a
 * pair of VXLAN devices, one in each namespace, that behaves as a veth
 * pair stretched over the underlay; `span BRIDGE H1[:NS] H2[:NS]…` gives
 * the bridge a VXLAN port on every host, with a flood entry towards each
 * other host (`bridge fdb append 00:00:00:00:00:00 … dst`), so the
 * bridges are one.
 *
 * This nsh (the controller) allocates what must not collide, once for
 * the whole lab: the VNIs, the UDP port, the MTU.  The MTU rule: the
 * inner MTU is the underlay's less the 50 bytes of VXLAN over IPv4
 * (14 + 20 + 8 + 8), and at most 1500, so that a host whose underlay
 * carries 1550 bytes or more gives the lab a standard 1500; it is stated
 * in one note line.  Each step is a line run by the host's agent, with
 * nsh's own `ip` (so it is in that host's journal, for `cleanup`).
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmds.h"
#include "host.h"

#define VXLAN_OVERHEAD 50	/* Ethernet 14, IPv4 20, UDP 8, VXLAN 8 */
#define VXLAN_PORT 4789		/* IANA's */
#define VNI_FIRST 1000
#define SPAN_MAX 64		/* hosts a bridge spans */

/* one end: HOST:NS[:IF] (or HOST[:NS] for span) */
struct end {
	struct nsh_host *h;
	char ns[256];
	char ifname[16];
};

/* the word after KEY in TEXT ("dev eth0 src …"), into BUF */
static bool word_after(const char *text, const char *key, char *buf,
		       size_t len)
{
	size_t k = strlen(key);

	for (const char *p = text; (p = strstr(p, key)); p += k)
		if ((p == text || p[-1] == ' ') && p[k] == ' ') {
			p += k + 1;
			snprintf(buf, len, "%.*s", (int)strcspn(p, " /\n"), p);
			return buf[0] != '\0';
		}
	return false;
}

/* H's underlay device and address: via-underlay, or the way back to the
 * controller (the client address of the agent's SSH session) */
static int underlay_dev(struct nsh *sh, struct nsh_host *h)
{
	_cleanup_free_ char *out = NULL;
	char client[64];

	if (h->via[0]) {
		snprintf(h->ul_dev, sizeof(h->ul_dev), "%.15s", h->via);
		if (host_runf(sh, h, &out, "ip -4 -o addr show dev '%s'",
			      h->via))
			return -1;
		if (!word_after(out, "inet", h->ul_addr, sizeof(h->ul_addr)))
			return nsh_err(sh, "'%s': its underlay %s has no IPv4 "
					   "address", h->name, h->via), -1;
		return 0;
	}
	if (sscanf(h->ssh, "%63s", client) != 1)
		return nsh_err(sh, "'%s': which link is its underlay? (host "
				   "%s … via-underlay IF)", h->name, h->name),
		       -1;
	if (host_runf(sh, h, &out, "ip -4 -o route get '%s'", client))
		return -1;
	if (!word_after(out, "dev", h->ul_dev, sizeof(h->ul_dev)) ||
	    !word_after(out, "src", h->ul_addr, sizeof(h->ul_addr)))
		return nsh_err(sh, "'%s': no route back to %s: say its "
				   "underlay (via-underlay IF)", h->name,
			       client), -1;
	return 0;
}

static int underlay(struct nsh *sh, struct nsh_host *h)
{
	_cleanup_free_ char *out = NULL;
	char mtu[16];

	if (h->ul_mtu)
		return 0;
	if (underlay_dev(sh, h) < 0 ||
	    host_runf(sh, h, &out, "ip -o link show dev '%s'", h->ul_dev))
		return -1;
	if (!word_after(out, "mtu", mtu, sizeof(mtu)) || atoi(mtu) <= 0)
		return nsh_err(sh, "'%s': cannot read the MTU of %s", h->name,
			       h->ul_dev), -1;
	h->ul_mtu = atoi(mtu);
	return 0;
}

/* WORD as HOST:NS[:IF] (NEED_NS: NS required) into E */
static int parse_end(struct nsh *sh, const char *word, bool need_ns,
		     struct end *e)
{
	char host[64] = "";
	const char *c = strchr(word, ':'), *c2;
	size_t n = c ? (size_t)(c - word) : strlen(word);

	memset(e, 0, sizeof(*e));
	if (n && n < sizeof(host))
		snprintf(host, sizeof(host), "%.*s", (int)n, word);
	if (!(e->h = host_find(sh, host)))
		return nsh_err(sh, "'%s': no such host '%s' (HOST:NS, after "
				   "host HOST ssh …)", word, host), -1;
	if (!c || !c[1]) {
		if (need_ns)
			return nsh_err(sh, "'%s': HOST:NS[:IF] expected",
				       word), -1;
		return 0;
	}
	c2 = strchr(c + 1, ':');
	snprintf(e->ns, sizeof(e->ns), "%.*s",
		 (int)(c2 ? (size_t)(c2 - c - 1) : strlen(c + 1)), c + 1);
	if (c2 && (strlen(c2 + 1) < 1 || strlen(c2 + 1) > 15))
		return nsh_err(sh, "'%s': an interface name is 1 to 15 bytes",
			       word), -1;
	if (c2)
		snprintf(e->ifname, sizeof(e->ifname), "%s", c2 + 1);
	return check_netns_ref(e->ns) ?
		       nsh_err(sh, "'%s': %s", word,
			       check_netns_ref(e->ns)), -1 : 0;
}

/* the inner MTU over the underlays of A and B (MTU if asked) */
static int inner_mtu(const struct nsh_host *a, const struct nsh_host *b)
{
	int u = a->ul_mtu < b->ul_mtu ? a->ul_mtu : b->ul_mtu;

	return u - VXLAN_OVERHEAD > 1500 ? 1500 : u - VXLAN_OVERHEAD;
}

/* does TEXT (ip -d -o link output) show a VXLAN device of VNI? */
static bool vni_listed(const char *text, unsigned vni)
{
	char key[32];
	size_t k = (size_t)snprintf(key, sizeof(key), "vxlan id %u", vni);

	for (const char *p = text; (p = strstr(p, key)); p += k)
		if (p[k] == ' ' || p[k] == '\n' || !p[k])
			return true;
	return false;
}

/*
 * The next VNI no device on the N hosts of E uses (whatever session made
 * it: the hosts are asked, in every named namespace too), from this
 * session's counter on: 0 after an error.
 */
static unsigned next_vni(struct nsh *sh, const struct end *e, int n)
{
	char *used[SPAN_MAX] = { NULL };
	unsigned vni = 0;
	bool taken = true;

	for (int i = 0; i < n; i++)
		if (host_run(sh, e[i].h, "ip -d -o link show type vxlan; "
				       "ip -all netns exec ip -d -o link show "
				       "type vxlan", &used[i]))
			goto out;
	if (sh->vni_next < VNI_FIRST)
		sh->vni_next = VNI_FIRST;
	while (taken && sh->vni_next < (1u << 24)) {
		vni = sh->vni_next++;
		taken = false;
		for (int i = 0; i < n && !taken; i++)
			taken = vni_listed(used[i], vni);
	}
	if (taken)
		vni = 0;
out:
	for (int i = 0; i < n; i++)
		free(used[i]);
	return vni;
}

/* a VXLAN device TMP on E's host towards REMOTE (NULL: none, span) */
static int vxlan_add(struct nsh *sh, const struct end *e, const char *tmp,
		     unsigned vni, unsigned port, const char *remote)
{
	return host_runf(sh, e->h, NULL,
			 "ip link add '%s' type vxlan id %u%s%s local %s "
			 "dstport %u dev '%s'",
			 tmp, vni, remote ? " remote " : "",
			 remote ? remote : "", e->h->ul_addr, port,
			 e->h->ul_dev);
}

/* TMP into E's namespace as NAME, MTU, up (and a port of MASTER) */
static int vxlan_place(struct nsh *sh, const struct end *e, const char *tmp,
		       const char *name, int mtu, const char *master)
{
	char n[300] = "";

	if (e->ns[0] &&
	    host_runf(sh, e->h, NULL, "ip link set '%s' netns '%s'", tmp,
		      e->ns))
		return 1;
	if (e->ns[0])
		snprintf(n, sizeof(n), "-n '%s' ", e->ns);
	return host_runf(sh, e->h, NULL,
			 "ip %slink set '%s' name '%s' mtu %d%s%s%s up", n,
			 tmp, name, mtu, master ? " master '" : "",
			 master ? master : "", master ? "'" : "");
}

/* DEV gone from E's namespace, or from its host's (a device not yet
 * moved); quietly: the step that failed has said why */
static void vxlan_undo(struct nsh *sh, const struct end *e, const char *dev)
{
	char n[300] = "";

	if (e->ns[0])
		snprintf(n, sizeof(n), "-n '%s' ", e->ns);
	(void)host_runf(sh, e->h, NULL,
			"ip %slink del '%s' 2>/dev/null || "
			"ip link del '%s' 2>/dev/null", n, dev, dev);
}

/* one end of a link: its VXLAN device made, named, up */
static int link_end(struct nsh *sh, const struct end *e,
		    const struct end *peer, unsigned vni, unsigned port,
		    int mtu)
{
	char tmp[16];
	int rc;

	snprintf(tmp, sizeof(tmp), "nshvx%u", vni);
	if ((rc = vxlan_add(sh, e, tmp, vni, port, peer->h->ul_addr)))
		return rc;
	if ((rc = vxlan_place(sh, e, tmp, e->ifname, mtu, NULL)))
		vxlan_undo(sh, e, tmp);
	return rc;
}

static void default_ifname(struct end *e, const struct end *peer)
{
	if (!e->ifname[0])
		snprintf(e->ifname, sizeof(e->ifname), "to-%.12s", peer->ns);
}

static int cmd_link(struct nsh *sh, const struct nsh_args *a)
{
	struct end e[2];
	unsigned vni, port;
	int mtu, rc;

	if (parse_end(sh, arg_str(a, "a"), true, &e[0]) < 0 ||
	    parse_end(sh, arg_str(a, "b"), true, &e[1]) < 0)
		return 1;
	if (e[0].h == e[1].h)
		return nsh_err(sh, "'%s': both ends on one host: use ip link "
				   "add … type veth", e[0].h->name);
	if (underlay(sh, e[0].h) < 0 || underlay(sh, e[1].h) < 0)
		return 1;
	default_ifname(&e[0], &e[1]);
	default_ifname(&e[1], &e[0]);
	vni = arg_has(a, "vni") ? (unsigned)arg_val(a, "vni")->num :
				  next_vni(sh, e, 2);
	if (!vni)
		return 1;
	port = arg_has(a, "port") ? (unsigned)arg_val(a, "port")->num :
				    VXLAN_PORT;
	mtu = arg_has(a, "mtu") ? (int)arg_val(a, "mtu")->num :
				  inner_mtu(e[0].h, e[1].h);
	if ((rc = link_end(sh, &e[0], &e[1], vni, port, mtu)))
		return rc;
	if ((rc = link_end(sh, &e[1], &e[0], vni, port, mtu))) {
		vxlan_undo(sh, &e[0], e[0].ifname);
		return rc;
	}
	nsh_note(sh, "%s:%s:%s <-> %s:%s:%s: VXLAN %u, UDP %u, over %s %s "
		     "<-> %s %s; MTU %d (%s)",
		 e[0].h->name, e[0].ns, e[0].ifname, e[1].h->name, e[1].ns,
		 e[1].ifname, vni, port, e[0].h->ul_dev, e[0].h->ul_addr,
		 e[1].h->ul_dev, e[1].h->ul_addr, mtu,
		 arg_has(a, "mtu") ? "as asked" :
		 mtu < 1500 ? "the underlay's less 50 for VXLAN" :
			      "the underlay carries 1500 + 50 for VXLAN");
	return 0;
}

/* ------------------------------------------------------------------ span */

/* on E: bridge BR (made if missing, up), with vx port VX towards every
 * other end's host */
static int span_end(struct nsh *sh, const struct end *e, const char *br,
		    const char *vx, unsigned vni, int mtu,
		    const struct end *all, int n)
{
	char nsopt[300] = "", tmp[16];

	if (e->ns[0])
		snprintf(nsopt, sizeof(nsopt), "-n '%s' ", e->ns);
	if (host_runf(sh, e->h, NULL, "ip %slink show '%s' >/dev/null 2>&1 "
				      "|| ip %slink add '%s' type bridge",
		      nsopt, br, nsopt, br) ||
	    host_runf(sh, e->h, NULL, "ip %slink set '%s' up", nsopt, br))
		return 1;
	snprintf(tmp, sizeof(tmp), "nshvx%u", vni);
	if (vxlan_add(sh, e, tmp, vni, VXLAN_PORT, NULL))
		return 1;
	if (vxlan_place(sh, e, tmp, vx, mtu, br)) {
		vxlan_undo(sh, e, tmp);
		return 1;
	}
	for (int i = 0; i < n; i++)
		if (all[i].h != e->h &&
		    host_runf(sh, e->h, NULL,
			      "bridge %sfdb append 00:00:00:00:00:00 dev '%s' "
			      "dst %s", nsopt, vx, all[i].h->ul_addr))
			return 1;
	return 0;
}

static int cmd_span(struct nsh *sh, const struct nsh_args *a)
{
	const char *br = arg_str(a, "bridge");
	struct end e[SPAN_MAX];
	unsigned vni;
	char vx[16];
	int n = a->nrest, mtu = 1500;

	if (n < 2 || n > SPAN_MAX)
		return nsh_err(sh, "'%s': 2 to %d hosts", br, SPAN_MAX);
	if (strlen(br) > 15)
		return nsh_err(sh, "'%s': a bridge name is at most 15 bytes",
			       br);
	for (int i = 0; i < n; i++) {
		if (parse_end(sh, a->rest[i], false, &e[i]) < 0 ||
		    underlay(sh, e[i].h) < 0)
			return 1;
		for (int k = 0; k < i; k++)
			if (e[k].h == e[i].h)
				return nsh_err(sh, "'%s': host named twice",
					       a->rest[i]);
		if (inner_mtu(e[i].h, e[i].h) < mtu)
			mtu = inner_mtu(e[i].h, e[i].h);
	}
	if (!(vni = next_vni(sh, e, n)))
		return 1;
	snprintf(vx, sizeof(vx), "vx-%.12s", br);
	for (int i = 0; i < n; i++)
		if (span_end(sh, &e[i], br, vx, vni, mtu, e, n))
			return 1;
	nsh_note(sh, "%s spans %d hosts: port %s on each, VXLAN %u, UDP %u, "
		     "MTU %d (%s)",
		 br, n, vx, vni, VXLAN_PORT, mtu,
		 mtu < 1500 ? "the underlay's less 50 for VXLAN: links on "
			      "the bridge need it too" :
			      "the underlay carries 1500 + 50 for VXLAN");
	return 0;
}

static void complete_hostns(struct nsh *sh, const char *prefix,
			    void (*add)(void *, const char *, const char *),
			    void *ctx)
{
	hosts_complete_ns(sh, prefix, add, ctx);
}

static const struct nsh_type host_link_types[] = {
	{ "HOSTNS", "a namespace on one of the lab's hosts, and the link's "
		    "name there: HOST:NS[:IF] (h1:ns1:eth1)", NULL,
	  complete_hostns },
	{ NULL },
};

static const struct nsh_cmd host_link_cmds[] = {
	{ "link HOSTNS$a HOSTNS$b [ { vni UINT$vni | dstport UINT$port | "
	  "mtu UINT$mtu } ... ]",
	  "a cable between namespaces of two hosts: a VXLAN pair over the "
	  "underlay (HOST:NS[:IF])",
	  cmd_link, NSH_CMD_HOSTS, "link h1:ns1:eth1 h2:ns5:eth1" },
	{ "span WORD$bridge ARGS...",
	  "one bridge over several hosts: a VXLAN port on each, flooding "
	  "to the others (HOST[:NS]…)",
	  cmd_span, NSH_CMD_HOSTS, "span br0 h1 h2 h3" },
	{ NULL },
};

const struct nsh_family host_link_family = {
	"host-link", "links and bridges across hosts: link, span",
	host_link_cmds, host_link_types,
};
