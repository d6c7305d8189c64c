/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * capture.c - packets you can watch: `capture NS:IF [NS:IF…]
 * [-w FILE.pcapng] [-c N] [FILTER…]` and `capture path NS1 NS2 …`.
 *
 * One AF_PACKET socket per interface, opened inside the interface's
 * namespace (nsh enters it, opens the socket, comes back: a packet socket
 * belongs to the namespace it was made in) and bound to its ifindex.
 * Nothing runs or is installed in the namespaces; no tcpdump.  The socket
 * is made with protocol 0 (it receives nothing), given its filter, and
 * only then bound to ETH_P_ALL and the link: no packet the filter refuses
 * slips in before it is attached.
 *
 * A poll loop reads every socket; each packet carries the kernel's
 * timestamp (SO_TIMESTAMP) and its direction (sll_pkttype), and
 * PACKET_AUXDATA gives back the VLAN tag the kernel took off.  The packets
 * wait in a short reorder window (REORDER_MS), sorted by time, so the
 * stream of all interfaces comes out in time order: one line each
 * (capture_decode.c), and/or the pcapng file (capture_pcapng.c).  The
 * capture ends after -c N packets, on Ctrl-C, SIGTERM or SIGHUP.
 *
 * A FILTER in tcpdump's syntax is compiled by libpcap (pcap_open_dead +
 * pcap_compile: no device is opened by libpcap) into classic BPF and
 * attached to every socket (SO_ATTACH_FILTER).
 *
 * This file picks the links (NS:IF words, read by cmds/nsif.c, or the
 * hops of a path), reads the options, compiles the filter and runs the
 * command; the sockets, the poll loop and the reorder window are in
 * capture_read.c.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <pcap/pcap.h>

#include "cmds.h"
#include "capture.h"
#include "model.h"
#include "show.h"

static void capture_free(struct capture *c)
{
	for (int i = 0; i < c->nifs; i++) {
		free(c->ifs[i].name);
		if (c->ifs[i].fd >= 0)
			close(c->ifs[i].fd);
	}
	for (int i = 0; i < c->nq; i++)
		free(c->q[i].data);
	free(c->q);
	if (c->has_prog)
		pcap_freecode(&c->prog);
	if (c->out && c->out != stdout)
		fclose(c->out);
}

/* ------------------------------------------------------------ which links */

/* add link L of NS (skipping one already there); 0 or 1 after reporting */
static int add_if(struct nsh *sh, struct capture *c, struct model *m,
		  struct model_ns *ns, const struct model_link *l)
{
	char a[300], b[64];

	for (int i = 0; i < c->nifs; i++)
		if (c->ifs[i].ns == ns && c->ifs[i].ifindex == l->ifindex)
			return 0;
	if (c->nifs == MAX_IFS)
		return nsh_err(sh, "more than %d links at once", MAX_IFS);
	str_escape(model_ns_label(ns), a, sizeof(a));
	if (asprintf(&c->ifs[c->nifs].name, "%s:%s", a,
		     str_escape(l->name, b, sizeof(b))) < 0)
		return nsh_err(sh, "out of memory");
	c->ifs[c->nifs].ns = ns;
	c->ifs[c->nifs].ifindex = l->ifindex;
	c->ifs[c->nifs++].fd = -1;
	return 0;
}

/* the link NS:IF names ("host:IF" for the host's); 0 or 1 */
static int add_word(struct nsh *sh, struct capture *c, struct model *m,
		    const char *word)
{
	struct model_ns *ns;
	struct model_link *l = nsif_find(sh, m, word, false, &ns);

	return l ? add_if(sh, c, m, ns, l) : 1;
}

/* every link on `show path FROM TO`'s hops */
static int add_path(struct nsh *sh, struct capture *c, struct model *m,
		    const char *fromref, const char *target)
{
	struct model_ns *from, *to;
	struct nsh_prefix x;
	struct path p;
	char buf[2048];
	int rc = 0;

	if (!(from = show_ns_ref(sh, m, fromref)) ||
	    show_target(sh, m, from, target, &to, &x))
		return 1;
	path_find(m, from, to, to ? NULL : &x, show_state, &p);
	if (!p.nhops)
		rc = nsh_err(sh, "'%s': no path from %s (%s)", target, fromref,
			     p.nbrk ? p.brk[0].line : "show path says why");
	for (int i = 0; !rc && i < p.nhops; i++)
		rc = add_if(sh, c, m, p.hops[i].ns, p.hops[i].link);
	if (!rc && p.nbrk)
		nsh_warn(sh, "the path is broken (%s): capturing on %s",
			 p.brk[0].line, path_text(m, &p, buf, sizeof(buf)));
	path_free(&p);
	return rc;
}

/* ------------------------------------------------------------ options */

/* -c N and -w FILE, declared or among the filter's words (tcpdump takes
 * them before the filter; nsh anywhere), and NS:IF words before the
 * filter's first word (without path); the other words join the filter
 * into *RET (free it) */
static int options(struct nsh *sh, const struct nsh_args *a,
		   struct capture *c, struct model *m, char **ret)
{
	const char *cnt = arg_str(a, "count");
	size_t n = 1;
	char *f, esc[300];

	c->file = arg_str(a, "file");
	for (int i = 0; i < a->nrest; i++)
		n += strlen(a->rest[i]) + 1;
	if (!(*ret = f = calloc(1, n)))
		return nsh_err(sh, "out of memory");
	ANALYZER_KEEP(f);	/* the caller's _cleanup_free_ */
	for (int i = 0; i < a->nrest; i++) {
		bool opt = (streq(a->rest[i], "-c") || streq(a->rest[i], "-w"))
			   && i + 1 < a->nrest;
		struct nsh_val v;
		const char *err;

		if (opt && a->rest[i][1] == 'c') {
			cnt = a->rest[++i];
		} else if (opt) {
			c->file = a->rest[++i];
		} else if (!*f && !arg_has(a, "path") &&
			   nsif_check(a->rest[i], &v, NULL, 0, &err) == 0) {
			if (add_word(sh, c, m, a->rest[i]))
				return 1;
		} else {
			strcat(strcat(f, *f ? " " : ""), a->rest[i]);
		}
	}
	if (cnt) {
		char *end;

		errno = 0;
		c->count = strtol(cnt, &end, 10);
		if (*end || end == cnt || c->count <= 0 || errno)
			return nsh_err(sh, "'%s': -c wants a number of packets "
				       "(1 or more)",
				       str_escape(cnt, esc, sizeof(esc)));
	}
	return 0;
}

/* FILTER into classic BPF, by libpcap: 0, or 1 after its message */
static int compile(struct nsh *sh, struct capture *c, const char *filter)
{
	pcap_t *p;
	int r;

	if (!*filter)
		return 0;
	if (!(p = pcap_open_dead(DLT_EN10MB, SNAPLEN)))
		return nsh_err(sh, "libpcap: out of memory");
	r = pcap_compile(p, &c->prog, filter, 1, PCAP_NETMASK_UNKNOWN);
	if (r < 0) {
		char esc[300];

		nsh_err(sh, "'%s': %s", str_escape(filter, esc, sizeof(esc)),
			pcap_geterr(p));
	}
	pcap_close(p);
	c->has_prog = r == 0;
	return r < 0;
}

/* ------------------------------------------------------------ the command */

static int run(struct nsh *sh, struct capture *c, struct model *m,
	       const char *filter)
{
	char *names[MAX_IFS];
	unsigned long drops;
	int rc = 0;

	if (compile(sh, c, filter))
		return 1;
	c->lines = !c->file || !streq(c->file, "-");
	if (c->file && streq(c->file, "-") && isatty(1))
		return nsh_err(sh, "'-': standard output is a terminal: pipe "
			       "it (| wireshark -k -i -) or give a file");
	if (c->file && streq(c->file, "-"))
		c->out = stdout;
	else if (c->file && !(c->out = fopen(c->file, "we")))
		return nsh_err(sh, "'%s': %s", c->file, strerror(errno));
	for (int i = 0; i < c->nifs; i++)
		if (capture_open(sh, c, m, i))
			return 1;
	for (int i = 0; i < c->nifs; i++)
		names[i] = c->ifs[i].name;
	if (c->out && pcapng_begin(c->out, names, c->nifs, SNAPLEN) < 0)
		return nsh_err(sh, "'%s': %s", c->file, strerror(errno));
	fflush(stdout);
	rc = capture_loop(sh, c);
	nsh_interrupted = 0;
	fprintf(stderr, "%ld packet%s captured", c->shown,
		c->shown == 1 ? "" : "s");
	if ((drops = capture_drops(c)))
		fprintf(stderr, ", %lu dropped by the kernel (a full socket "
			"buffer)", drops);
	fputc('\n', stderr);
	return rc;
}

static int cmd_capture(struct nsh *sh, const struct nsh_args *a)
{
	_cleanup_free_ char *filter = NULL;
	struct capture c = { 0 };
	struct model *m = model_get(sh);
	const struct nsh_val *v;
	int rc = 1;

	if (!m)
		return 1;
	if (arg_has(a, "path")) {
		if (add_path(sh, &c, m, arg_str(a, "from"), arg_str(a, "to")))
			goto out;
	} else {
		for (int i = 0; (v = arg_nth(a, "nsif", i)); i++)
			if (add_word(sh, &c, m, v->text))
				goto out;
	}
	if (options(sh, a, &c, m, &filter))
		goto out;
	if (!c.nifs) {
		rc = nsh_err(sh, "which links? (NS:IF …, or 'capture path NS1 "
			     "NS2')");
		goto out;
	}
	rc = run(sh, &c, m, filter);
out:
	capture_free(&c);
	return rc;
}

static const struct nsh_type capture_types[] = {
	{ "NSIF", "a link as NS:IF (ns1:veth-ns1; host:IF for the host's)",
	  nsif_check, nsif_complete },
	{ "FILTER", "a filter in tcpdump's syntax (pcap-filter(7)): icmp, "
		    "arp or port 53, …", NULL, NULL, true },
	{ NULL },
};

static const struct nsh_cmd capture_cmds[] = {
	{ "capture { NSIF$nsif | -w FILE$file | -c UINT$count } ... "
	  "[ FILTER... ]",
	  "watch the packets crossing links of any namespaces, in time "
	  "order (tcpdump's lines, or pcapng with -w; a tcpdump filter)",
	  cmd_capture, 0, "capture ns1:veth-ns1 host:veth-br1 -c 4 icmp",
	  "ip netns exec NS tcpdump -n -e -i IF FILTER   (for each link)" },
	{ "capture path NSREF$from NSREF$to "
	  "[ { -w FILE$file | -c UINT$count } ... ] [ FILTER... ]",
	  "watch the packets on every link of 'show path FROM TO'",
	  cmd_capture, 0, "capture path ns1 ns2 -c 8",
	  "ip netns exec NS tcpdump -n -e -i IF   (for each link of the "
	  "path)" },
	{ NULL },
};

const struct nsh_family capture_family = {
	"capture", "packets you can watch: capture, capture path",
	capture_cmds, capture_types,
};
