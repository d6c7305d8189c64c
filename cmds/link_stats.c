/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * link_stats.c - the counters of `ip -s link` (and `ip -s address`), as
 * iproute2's print_stats64 prints them: the RX and TX tables (with their
 * error lines under -s -s) in text, "stats64" (or "stats") in JSON; the
 * IPv6 counters of an AF_INET6 link message in their place.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <linux/if_link.h>
#include <linux/snmp.h>
#include <netlink/netlink.h>
#include <netlink/attr.h>

#include "link_pr.h"

/* widen COLS to the widths of the N counters that follow (not in human
 * units) */
static void stats_columns(unsigned *cols, bool human, int n, ...)
{
	va_list ap;

	va_start(ap, n);
	for (int i = 0; i < n; i++) {
		uint64_t v = va_arg(ap, uint64_t);
		unsigned len;

		if (human)
			continue;
		for (len = 1; v > 9; len++, v /= 10)
			;
		if (len > cols[i])
			cols[i] = len;
	}
	va_end(ap);
}

/* -s -j: "stats64" (WHAT) with "rx" and "tx" */
static void print_stats_json(const struct link_pr *c,
			     const struct rtnl_link_stats64 *s,
			     const struct nlattr *cc, const char *what)
{
	int more = c->sh->o.stats > 1;

	pr_obj_open(what);
	pr_obj_open("rx");
	pr_u64(PR_JSON, "bytes", NULL, s->rx_bytes);
	pr_u64(PR_JSON, "packets", NULL, s->rx_packets);
	pr_u64(PR_JSON, "errors", NULL, s->rx_errors);
	pr_u64(PR_JSON, "dropped", NULL, s->rx_dropped);
	pr_u64(PR_JSON, "over_errors", NULL, s->rx_over_errors);
	pr_u64(PR_JSON, "multicast", NULL, s->multicast);
	if (s->rx_compressed)
		pr_u64(PR_JSON, "compressed", NULL, s->rx_compressed);
	if (more) {
		pr_u64(PR_JSON, "length_errors", NULL, s->rx_length_errors);
		pr_u64(PR_JSON, "crc_errors", NULL, s->rx_crc_errors);
		pr_u64(PR_JSON, "frame_errors", NULL, s->rx_frame_errors);
		pr_u64(PR_JSON, "fifo_errors", NULL, s->rx_fifo_errors);
		pr_u64(PR_JSON, "missed_errors", NULL, s->rx_missed_errors);
		if (s->rx_nohandler)
			pr_u64(PR_JSON, "nohandler", NULL, s->rx_nohandler);
		if (s->rx_otherhost_dropped)
			pr_u64(PR_JSON, "otherhost", NULL,
			       s->rx_otherhost_dropped);
	}
	pr_obj_close();
	pr_obj_open("tx");
	pr_u64(PR_JSON, "bytes", NULL, s->tx_bytes);
	pr_u64(PR_JSON, "packets", NULL, s->tx_packets);
	pr_u64(PR_JSON, "errors", NULL, s->tx_errors);
	pr_u64(PR_JSON, "dropped", NULL, s->tx_dropped);
	pr_u64(PR_JSON, "carrier_errors", NULL, s->tx_carrier_errors);
	pr_u64(PR_JSON, "collisions", NULL, s->collisions);
	if (s->tx_compressed)
		pr_u64(PR_JSON, "compressed", NULL, s->tx_compressed);
	if (more) {
		pr_u64(PR_JSON, "aborted_errors", NULL, s->tx_aborted_errors);
		pr_u64(PR_JSON, "fifo_errors", NULL, s->tx_fifo_errors);
		pr_u64(PR_JSON, "window_errors", NULL, s->tx_window_errors);
		pr_u64(PR_JSON, "heartbeat_errors", NULL,
		       s->tx_heartbeat_errors);
		if (cc)
			pr_u64(PR_JSON, "carrier_changes", NULL,
			       nla_get_u32((struct nlattr *)cc));
	}
	pr_obj_close();
	pr_obj_close();
}

/* a -s table: its column widths and how numbers are said */
struct stats_tab {
	unsigned cols[8];
	bool human, iec;
	const char *sl;		/* the line break (-o: none) */
};

/* counter V in column COL */
static void put_num(const struct stats_tab *t, int col, uint64_t v)
{
	pr_num(t->cols[col], v, t->human, t->iec);
}

/* the columns widened to the counters' widths (human units: iproute2's
 * minimums); NC the carrier changes */
static void stats_widths(struct stats_tab *t, bool more,
			 const struct rtnl_link_stats64 *s, uint64_t nc)
{
	unsigned *cols = t->cols;
	bool h = t->human;
	uint64_t z = 0;

	stats_columns(cols, h, 8, s->rx_bytes, s->rx_packets, s->rx_errors,
		      s->rx_dropped, s->rx_missed_errors, s->multicast,
		      s->rx_compressed, z);
	if (more)
		stats_columns(cols, h, 8, z, s->rx_length_errors,
			      s->rx_crc_errors, s->rx_frame_errors,
			      s->rx_fifo_errors, s->rx_over_errors,
			      s->rx_nohandler, s->rx_otherhost_dropped);
	stats_columns(cols, h, 8, s->tx_bytes, s->tx_packets, s->tx_errors,
		      s->tx_dropped, s->tx_carrier_errors, s->collisions,
		      s->tx_compressed, z);
	if (more)
		stats_columns(cols, h, 8, z, z, s->tx_aborted_errors,
			      s->tx_fifo_errors, s->tx_window_errors,
			      s->tx_heartbeat_errors, nc, z);
}

/* "    RX:  bytes packets …" and its numbers */
static void print_rx_text(const struct stats_tab *t,
			  const struct rtnl_link_stats64 *s)
{
	const unsigned *cols = t->cols;

	printf("    RX: %*s %*s %*s %*s %*s %*s %*s%s", (int)cols[0] - 4,
	       "bytes", (int)cols[1], "packets", (int)cols[2], "errors",
	       (int)cols[3], "dropped", (int)cols[4], "missed", (int)cols[5],
	       "mcast", (int)cols[6], s->rx_compressed ? "compressed" : "",
	       t->sl);
	printf("    ");
	put_num(t, 0, s->rx_bytes);
	put_num(t, 1, s->rx_packets);
	put_num(t, 2, s->rx_errors);
	put_num(t, 3, s->rx_dropped);
	put_num(t, 4, s->rx_missed_errors);
	put_num(t, 5, s->multicast);
	if (s->rx_compressed)
		put_num(t, 6, s->rx_compressed);
}

/* -s -s: "    RX errors: length crc …" and its numbers */
static void print_rx_errors_text(const struct stats_tab *t,
				 const struct rtnl_link_stats64 *s)
{
	const unsigned *cols = t->cols;

	printf("%s", t->sl);
	printf("    RX errors:%*s %*s %*s %*s %*s %*s%*s%*s%s",
	       (int)cols[0] - 10, "", (int)cols[1], "length",
	       (int)cols[2], "crc", (int)cols[3], "frame",
	       (int)cols[4], "fifo", (int)cols[5], "overrun",
	       s->rx_nohandler ? (int)cols[6] + 1 : 0,
	       s->rx_nohandler ? " nohandler" : "",
	       s->rx_otherhost_dropped ? (int)cols[7] + 1 : 0,
	       s->rx_otherhost_dropped ? " otherhost" : "", t->sl);
	printf("%*s", (int)cols[0] + 5, "");
	put_num(t, 1, s->rx_length_errors);
	put_num(t, 2, s->rx_crc_errors);
	put_num(t, 3, s->rx_frame_errors);
	put_num(t, 4, s->rx_fifo_errors);
	put_num(t, 5, s->rx_over_errors);
	if (s->rx_nohandler)
		put_num(t, 6, s->rx_nohandler);
	if (s->rx_otherhost_dropped)
		put_num(t, 7, s->rx_otherhost_dropped);
}

/* "    TX:  bytes packets …" and its numbers */
static void print_tx_text(const struct stats_tab *t,
			  const struct rtnl_link_stats64 *s)
{
	const unsigned *cols = t->cols;

	printf("%s", t->sl);
	printf("    TX: %*s %*s %*s %*s %*s %*s %*s%s", (int)cols[0] - 4,
	       "bytes", (int)cols[1], "packets", (int)cols[2], "errors",
	       (int)cols[3], "dropped", (int)cols[4], "carrier",
	       (int)cols[5], "collsns", (int)cols[6],
	       s->tx_compressed ? "compressed" : "", t->sl);
	printf("    ");
	put_num(t, 0, s->tx_bytes);
	put_num(t, 1, s->tx_packets);
	put_num(t, 2, s->tx_errors);
	put_num(t, 3, s->tx_dropped);
	put_num(t, 4, s->tx_carrier_errors);
	put_num(t, 5, s->collisions);
	if (s->tx_compressed)
		put_num(t, 6, s->tx_compressed);
}

/* -s -s: "    TX errors: aborted fifo …" and its numbers; CC the carrier
 * changes, if the link says */
static void print_tx_errors_text(const struct stats_tab *t,
				 const struct rtnl_link_stats64 *s,
				 const struct nlattr *cc)
{
	const unsigned *cols = t->cols;

	printf("%s", t->sl);
	printf("    TX errors:%*s %*s %*s %*s %*s %*s%s",
	       (int)cols[0] - 10, "", (int)cols[1], "aborted",
	       (int)cols[2], "fifo", (int)cols[3], "window",
	       (int)cols[4], "heartbt", (int)cols[5],
	       cc ? "transns" : "", t->sl);
	printf("%*s", (int)cols[0] + 5, "");
	put_num(t, 1, s->tx_aborted_errors);
	put_num(t, 2, s->tx_fifo_errors);
	put_num(t, 3, s->tx_window_errors);
	put_num(t, 4, s->tx_heartbeat_errors);
	if (cc)
		put_num(t, 5, nla_get_u32((struct nlattr *)cc));
}

/* the RX and TX tables of -s (and their error lines with -s -s) */
static void print_stats_text(const struct link_pr *c,
			     const struct rtnl_link_stats64 *s,
			     const struct nlattr *cc)
{
	struct stats_tab t = { .cols = { 10, 7, 6, 7, 7, 7, 10, 9 },
			       .human = c->sh->o.human, .iec = c->sh->o.iec,
			       .sl = pr_sl() };
	bool more = c->sh->o.stats > 1;

	stats_widths(&t, more, s, cc ? nla_get_u32((struct nlattr *)cc) : 0);
	print_rx_text(&t, s);
	if (more)
		print_rx_errors_text(&t, s);
	print_tx_text(&t, s);
	if (more)
		print_tx_errors_text(&t, s, cc);
}

/* the I-th 64-bit counter at P (netlink aligns attributes to 4 bytes
 * only: no uint64_t loads) */
static uint64_t mib_at(const void *p, int i)
{
	uint64_t v;

	memcpy(&v, (const char *)p + (size_t)i * sizeof(v), sizeof(v));
	return v;
}

/* the IPv6 counters an AF_INET6 link message has (ip -6 address -s) in
 * place of the link's, as iproute2's get_snmp_counters */
static void snmp_counters(struct rtnl_link_stats64 *s, struct nlattr *info)
{
	struct nlattr *tb[IFLA_INET6_MAX + 1];
	const void *mib;

	if (nla_parse_nested(tb, IFLA_INET6_MAX, info, NULL) < 0 ||
	    !tb[IFLA_INET6_STATS] ||
	    nla_len(tb[IFLA_INET6_STATS]) <
		    (int)(IPSTATS_MIB_CSUMERRORS + 1) * 8)
		return;
	mib = nla_data(tb[IFLA_INET6_STATS]);
	s->rx_packets = mib_at(mib, IPSTATS_MIB_INPKTS);
	s->rx_bytes = mib_at(mib, IPSTATS_MIB_INOCTETS);
	s->tx_packets = mib_at(mib, IPSTATS_MIB_OUTPKTS);
	s->tx_bytes = mib_at(mib, IPSTATS_MIB_OUTOCTETS);
	s->rx_errors = mib_at(mib, IPSTATS_MIB_INDISCARDS);
	s->tx_errors = mib_at(mib, IPSTATS_MIB_OUTDISCARDS);
	s->multicast = mib_at(mib, IPSTATS_MIB_INMCASTPKTS);
	s->rx_frame_errors = mib_at(mib, IPSTATS_MIB_CSUMERRORS);
}

void link_pr_counters(const struct link_pr *c, struct nlattr **tb)
{
	struct rtnl_link_stats64 s = { 0 };
	const char *what = "stats64";
	struct nlattr *a = tb[IFLA_STATS64];

	if (a) {
		memcpy(&s, nla_data(a), (size_t)nla_len(a) < sizeof(s) ?
						(size_t)nla_len(a) :
						sizeof(s));
	} else if (tb[IFLA_STATS]) {
		struct rtnl_link_stats o = { 0 };
		uint32_t *from = (uint32_t *)&o;
		uint64_t *to = (uint64_t *)&s;

		a = tb[IFLA_STATS];
		memcpy(&o, nla_data(a), (size_t)nla_len(a) < sizeof(o) ?
						(size_t)nla_len(a) :
						sizeof(o));
		for (size_t i = 0; i < sizeof(o) / sizeof(*from); i++)
			to[i] = from[i];
		what = "stats";
	} else if (tb[IFLA_PROTINFO]) {
		snmp_counters(&s, tb[IFLA_PROTINFO]);
	} else {
		return;
	}
	if (pr_json())
		print_stats_json(c, &s, tb[IFLA_CARRIER_CHANGES], what);
	else
		print_stats_text(c, &s, tb[IFLA_CARRIER_CHANGES]);
}

void link_pr_stats(struct link_pr *c, const struct nlmsghdr *n)
{
	struct nlattr *tb[IFLA_MAX + 1];

	link_pr_parse(n, tb);
	link_pr_counters(c, tb);
	pr_nl();
}
