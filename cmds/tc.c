/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * tc.c - iproute2's `tc qdisc` (add, change, replace, link, delete, show)
 * and `tc class` (add, change, replace, delete, show), natively, with
 * tc/tc_qdisc.c's and tc/tc_class.c's grammar, requests and output; the
 * kinds are one file each (cmds/tc_*.c, listed in tc_kinds[]).
 *
 * A line is one RTM_NEWQDISC (RTM_DELQDISC, RTM_NEWTCLASS…): a tcmsg
 * (device, handle, parent), TCA_KIND, TCA_RATE (estimator), the blocks,
 * the kind's TCA_OPTIONS, TCA_STAB, in tc's order.  Rates, sizes and
 * times follow tc's unit grammar; rate tables and ticks are computed as
 * tc_core.c computes them, from the kernel's clock (/proc/net/psched).
 * A kind nsh does not know is left to the real tc; a kind the kernel
 * lacks is refused in one line ("netem: this kernel has no netem
 * scheduler").
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/gen_stats.h>
#include <linux/pkt_sched.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/msg.h>
#include <netlink/attr.h>

#include "tc.h"

DEFINE_PUTP(struct nl_msg, nlmsg_free)

#ifndef MIN
#define MIN(a, b) ((a) < (b) ? (a) : (b))
#endif
#ifndef TCA_DUMP_INVISIBLE
#define TCA_DUMP_INVISIBLE 10
#endif

/* ------------------------------------------------------------ kinds */

static const struct tc_kind *const tc_kinds[] = {
	&tbf_kind, &htb_kind, &pfifo_kind, &bfifo_kind,
	&pfifo_head_drop_kind, &pfifo_fast_kind, &prio_kind, &netem_kind,
	&sfq_kind, &fq_codel_kind, &ingress_kind, &clsact_kind, NULL,
};

const struct tc_kind *tc_kind_find(const char *name)
{
	for (int i = 0; tc_kinds[i]; i++)
		if (streq(tc_kinds[i]->name, name))
			return tc_kinds[i];
	return NULL;
}

int tc_err(struct tc_req *r, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	return nsh_err(r->sh, "%s: %s", r->kind, buf);
}

int tc_full(struct tc_req *r)
{
	return nsh_err(r->sh, "%s: the request is too large", r->kind);
}

/* ------------------------------------------------------------ tc_core */

static struct {
	bool done;
	double tick_in_usec;
	double clock_factor;
	unsigned hz;
} clk = { .tick_in_usec = 1, .clock_factor = 1 };

/* /proc/net/psched: ticks per microsecond and the clock, as tc reads it */
static void clock_init(void)
{
	unsigned t2us, us2t, res, hz_den;
	const char *env = getenv("HZ");
	FILE *f;
	int n = 0;

	if (clk.done)
		return;
	clk.done = true;
	clk.hz = 100;
	f = fopen("/proc/net/psched", "re");
	if (f) {
		n = fscanf(f, "%08x%08x%08x%08x", &t2us, &us2t, &res, &hz_den);
		fclose(f);
	}
	if (n >= 3 && us2t) {
		/* a nanosecond clock advertises 1000 ticks per
		 * microsecond for old tc binaries: it means 1 */
		if (res == 1000000000)
			t2us = us2t;
		clk.clock_factor = (double)res / TIME_UNITS_PER_SEC;
		clk.tick_in_usec = (double)t2us / us2t * clk.clock_factor;
	}
	if (n == 4 && res == 1000000)
		clk.hz = hz_den;
	if (env)
		clk.hz = atoi(env) ? (unsigned)atoi(env) : 100;
}

unsigned tc_time2tick(unsigned usec)
{
	clock_init();
	return (unsigned)(usec * clk.tick_in_usec);
}

unsigned tc_tick2time(unsigned tick)
{
	clock_init();
	return (unsigned)(tick / clk.tick_in_usec);
}

bool tc_time2big(unsigned usec)
{
	uint64_t t = usec;

	clock_init();
	t = (uint64_t)(t * clk.tick_in_usec);
	return (t >> 32) != 0;
}

unsigned tc_get_hz(void)
{
	clock_init();
	return clk.hz;
}

unsigned tc_xmittime(uint64_t rate, unsigned size)
{
	/* two truncations, as tc's: to microseconds, then to ticks */
	return tc_time2tick((unsigned)(TIME_UNITS_PER_SEC *
				       ((double)size / (double)rate)));
}

unsigned tc_xmitsize(uint64_t rate, unsigned ticks)
{
	return (unsigned)(((double)rate * tc_tick2time(ticks)) /
			  TIME_UNITS_PER_SEC);
}

/* the bytes a packet of SZ takes on the link: at least MPU, whole ATM
 * cells (48 bytes of payload in 53) */
static unsigned adjust_size(unsigned sz, unsigned mpu, unsigned linklayer)
{
	if (sz < mpu)
		sz = mpu;
	if (linklayer == TC_LL_ATM)
		return (sz / 48 + (sz % 48 ? 1 : 0)) * 53;
	return sz;
}

int tc_rtable(struct tc_ratespec *r, uint32_t *rtab, int cell_log,
	      unsigned mtu, unsigned linklayer)
{
	if (!mtu)
		mtu = 2047;
	if (cell_log < 0)
		for (cell_log = 0; (mtu >> cell_log) > 255; cell_log++)
			;
	for (int i = 0; i < 256; i++)
		rtab[i] = tc_xmittime(r->rate,
				      adjust_size((unsigned)(i + 1) << cell_log,
						  r->mpu, linklayer));
	r->cell_align = -1;
	r->cell_log = (unsigned char)cell_log;
	r->linklayer = (unsigned char)(linklayer & TC_LINKLAYER_MASK);
	return cell_log;
}

/* tc_calc_size_table: the stab's table, or none (ethernet, no mpu) */
static int size_table(struct tc_sizespec *s, uint16_t **ret)
{
	*ret = NULL;
	if (s->linklayer <= TC_LL_ETHERNET && !s->mpu) {
		s->mtu = s->tsize = 0;
		s->cell_log = 0;
		s->cell_align = 0;
		return 0;
	}
	if (!s->mtu)
		s->mtu = 2047;
	if (!s->tsize)
		s->tsize = 512;
	for (s->cell_log = 0; (s->mtu >> s->cell_log) > s->tsize - 1;
	     s->cell_log++)
		;
	*ret = calloc(s->tsize, sizeof(**ret));
	if (!*ret)
		return -1;
again:
	for (int i = (int)s->tsize - 1; i >= 0; i--) {
		unsigned sz = adjust_size((unsigned)(i + 1) << s->cell_log,
					  s->mpu, s->linklayer);

		if ((sz >> s->size_log) > UINT16_MAX) {
			s->size_log++;
			goto again;
		}
		(*ret)[i] = (uint16_t)(sz >> s->size_log);
	}
	s->cell_align = -1;
	return 0;
}

/* tc_setup_estimator: INTERVAL and TIME_CONST (microseconds) */
static int setup_estimator(unsigned a, unsigned time_const,
			   struct tc_estimator *est)
{
	for (est->interval = 0; est->interval <= 5; est->interval++)
		if (a <= (1u << est->interval) * (TIME_UNITS_PER_SEC / 4))
			break;
	if (est->interval > 5)
		return -1;
	est->interval -= 2;
	for (est->ewma_log = 1; est->ewma_log < 32; est->ewma_log++) {
		double w = 1.0 - 1.0 / (1u << est->ewma_log);

		if (a / (-log(w)) > time_const)
			break;
	}
	est->ewma_log--;
	if (est->ewma_log == 0 || est->ewma_log >= 31)
		return -1;
	return 0;
}

uint32_t tc_percent_scaled(double fraction)
{
	return (uint32_t)rint(fraction * UINT32_MAX);
}

int tc_parse_percent(const char *s, double *ret)
{
	char *p;

	*ret = strtod(s, &p) / 100.;
	if (*ret > 1.0 || *ret < 0.0)
		return -1;
	if (*p && strcmp(p, "%"))
		return -1;
	return 0;
}

int tc_rate_of(struct tc_req *r, const struct nsh_val *v, uint64_t *ret)
{
	char path[300], rate[64];
	double perc;
	long mbit = 0;
	FILE *f;

	if (v->special != 1) {
		*ret = (uint64_t)v->num;
		return 0;
	}
	if (!r->dev)
		return tc_err(r, "'%s': no device to take a percentage of "
				 "(dev DEV)", v->text);
	snprintf(path, sizeof(path), "/sys/class/net/%s/speed", r->dev);
	f = fopen(path, "re");
	if (!f || fscanf(f, "%ld", &mbit) != 1 || mbit <= 0) {
		if (f)
			fclose(f);
		return tc_err(r, "'%s': the speed of '%s' is unknown", v->text,
			      r->dev);
	}
	fclose(f);
	if (tc_parse_percent(v->text, &perc) < 0)
		return tc_err(r, "'%s': invalid rate: between 0%% and 100%%",
			      v->text);
	/* tc prints the rate in bits and reads it back */
	snprintf(rate, sizeof(rate), "%lf", perc * mbit * 1000 * 1000);
	if (ipr_get_rate64(rate, ret) < 0)
		return tc_err(r, "'%s': invalid rate", v->text);
	return 0;
}

/* ------------------------------------------------------------ print */

void tc_print_rate(struct tc_show *s, enum pr_out t, const char *key,
		   const char *fmt, unsigned long long rate)
{
	pr_rate(t, key, fmt, rate, s->iec);
}

const char *tc_linklayer_name(unsigned ll)
{
	switch (ll) {
	case TC_LL_UNSPEC: return "unspec";
	case TC_LL_ETHERNET: return "ethernet";
	case TC_LL_ATM: return "atm";
	default: return "unknown";
	}
}

const char *tc_sprint_ticks(unsigned ticks, char *buf)
{
	return ipr_sprint_time(tc_tick2time(ticks), buf);
}

/* print_tc_classid */
static const char *classid_str(uint32_t h, char *buf, size_t len)
{
	if (h == TC_H_ROOT)
		snprintf(buf, len, "root");
	else if (h == TC_H_UNSPEC)
		snprintf(buf, len, "none");
	else if (TC_H_MAJ(h) == 0)
		snprintf(buf, len, ":%x", TC_H_MIN(h));
	else if (TC_H_MIN(h) == 0)
		snprintf(buf, len, "%x:", TC_H_MAJ(h) >> 16);
	else
		snprintf(buf, len, "%x:%x", TC_H_MAJ(h) >> 16, TC_H_MIN(h));
	return buf;
}

/* ------------------------------------------------------------ types */

#define FAIL(msg)                                                              \
	do {                                                                   \
		*ret_err = (msg);                                              \
		return -1;                                                     \
	} while (0)

static int t_rate(const char *w, struct nsh_val *v, char *errbuf,
		  size_t errlen, const char **ret_err)
{
	uint64_t r;
	double d;

	if (strchr(w, '%')) {
		if (tc_parse_percent(w, &d) < 0)
			FAIL("invalid rate: a percentage is 0% to 100%");
		v->special = 1;
		return 0;
	}
	if (ipr_get_rate64(w, &r) < 0)
		FAIL("invalid rate (like 1mbit, 100kbit, 10mbps, 1gbit)");
	v->num = (long)r;
	return 0;
}

static int t_size(const char *w, struct nsh_val *v, char *errbuf,
		  size_t errlen, const char **ret_err)
{
	uint32_t s;

	if (ipr_get_size(w, &s) < 0)
		FAIL("invalid size (like 1500, 1500b, 10kb, 1mb, 32kbit)");
	v->num = s;
	return 0;
}

/* get_size_and_cell: SIZE[/CELL], CELL a power of two */
static int t_sizecell(const char *w, struct nsh_val *v, char *errbuf,
		      size_t errlen, const char **ret_err)
{
	const char *slash = strchr(w, '/');
	char size[64];
	uint32_t s;

	snprintf(size, sizeof(size), "%.*s",
		 slash ? (int)(slash - w) : (int)strlen(w), w);
	if (ipr_get_size(size, &s) < 0)
		FAIL("invalid size (like 1500, 10kb, 32kb/8)");
	v->num = s;
	v->special = -1;
	if (slash) {
		char *end;
		long cell = strtol(slash + 1, &end, 0);

		if (!slash[1] || *end)
			FAIL("invalid cell size after '/'");
		for (int i = 0; i < 32; i++)
			if (1L << i == cell) {
				v->special = i;
				return 0;
			}
		FAIL("the cell size after '/' is a power of two");
	}
	return 0;
}

static int t_time(const char *w, struct nsh_val *v, char *errbuf,
		  size_t errlen, const char **ret_err)
{
	uint32_t t;

	if (ipr_get_time(w, &t) < 0)
		FAIL("invalid time (like 10ms, 1s, 100us)");
	v->num = t;
	return 0;
}

static int t_time64(const char *w, struct nsh_val *v, char *errbuf,
		    size_t errlen, const char **ret_err)
{
	long long t;

	if (ipr_get_time64(w, &t) < 0)
		FAIL("invalid time (like 10ms, 1s, 100us, 500ns)");
	v->num = (long)t;
	return 0;
}

/* get_linklayer: any abbreviation of ethernet, atm, adsl */
static int t_linklayer(const char *w, struct nsh_val *v, char *errbuf,
		       size_t errlen, const char **ret_err)
{
	if (ipl_matches(w, "ethernet"))
		v->num = TC_LL_ETHERNET;
	else if (ipl_matches(w, "atm") || ipl_matches(w, "adsl"))
		v->num = TC_LL_ATM;
	else
		FAIL("invalid linklayer (ethernet, atm or adsl)");
	return 0;
}

/* a number in BASE up to MAX, all of the word (get_u32 & co) */
static int base_num(const char *w, int base, unsigned long max,
		    struct nsh_val *v, const char **ret_err)
{
	char *end;
	unsigned long n;

	if (!*w || *w == '-' || *w == '+')
		FAIL("not a number");
	errno = 0;
	n = strtoul(w, &end, base);
	if (*end || errno)
		FAIL(base == 16 ? "not a hexadecimal number" :
		     base == 10 ? "not a decimal number" : "not a number");
	if (n > max)
		FAIL("number too large");
	v->num = (long)n;
	return 0;
}

static int t_dec(const char *w, struct nsh_val *v, char *errbuf,
		 size_t errlen, const char **ret_err)
{
	return base_num(w, 10, UINT32_MAX, v, ret_err);
}

static int t_dec16(const char *w, struct nsh_val *v, char *errbuf,
		   size_t errlen, const char **ret_err)
{
	return base_num(w, 10, UINT16_MAX, v, ret_err);
}

static int t_hex32(const char *w, struct nsh_val *v, char *errbuf,
		   size_t errlen, const char **ret_err)
{
	return base_num(w, 16, UINT32_MAX, v, ret_err);
}

static int t_unum(const char *w, struct nsh_val *v, char *errbuf,
		  size_t errlen, const char **ret_err)
{
	return base_num(w, 0, UINT32_MAX, v, ret_err);
}

/* a signed number (get_integer / get_s32, base 0) */
static int t_sint(const char *w, struct nsh_val *v, char *errbuf,
		  size_t errlen, const char **ret_err)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(w, &end, 0);
	if (!*w || *end || errno || n < INT32_MIN || n > INT32_MAX)
		FAIL("not a number");
	v->num = n;
	return 0;
}

static int t_percent(const char *w, struct nsh_val *v, char *errbuf,
		     size_t errlen, const char **ret_err)
{
	double d;

	if (tc_parse_percent(w, &d) < 0)
		FAIL("invalid percentage (0 to 100, like 10%)");
	return 0;
}

/* get_qdisc_handle: "1:", "1", "none" */
static int t_qhandle(const char *w, struct nsh_val *v, char *errbuf,
		     size_t errlen, const char **ret_err)
{
	unsigned long maj;
	char *p;

	if (streq(w, "none")) {
		v->num = 0;
		return 0;
	}
	maj = strtoul(w, &p, 16);
	if (p == w || maj >= 1 << 16 || (*p != ':' && *p))
		FAIL("invalid qdisc ID (like 1: or ffff:)");
	v->num = (long)(maj << 16);
	return 0;
}

/* get_tc_classid: "1:10", ":10", "1:", "root", "none" */
static int t_classid(const char *w, struct nsh_val *v, char *errbuf,
		     size_t errlen, const char **ret_err)
{
	unsigned long maj, min;
	char *p;

	if (streq(w, "root")) {
		v->num = TC_H_ROOT;
		return 0;
	}
	if (streq(w, "none")) {
		v->num = 0;
		return 0;
	}
	maj = strtoul(w, &p, 16);
	if (p == w) {
		maj = 0;
		if (*p != ':')
			goto bad;
	}
	if (*p == ':') {
		if (maj >= 1 << 16)
			goto bad;
		maj <<= 16;
		min = strtoul(p + 1, &p, 16);
		if (*p || min >= 1 << 16)
			goto bad;
		maj |= min;
	} else if (*p) {
		goto bad;
	}
	v->num = (long)maj;
	return 0;
bad:
	FAIL("invalid class ID (like 1:10, 1: or root)");
}

const struct nsh_type tc_types[] = {
	{ "RATE", "a rate: 1mbit, 100kbit, 10mbps, 1gbit, or N% of the "
		  "device's speed", t_rate },
	{ "SIZE", "a size in bytes: 1500, 10kb, 1mb, 32kbit", t_size },
	{ "SIZECELL", "a size, optionally /CELL: 32kb, 1600/8", t_sizecell },
	{ "TIME", "a time: 10ms, 1s, 100us (a bare number: us)", t_time },
	{ "TIME64", "a time: 10ms, 1s, 100us, 500ns", t_time64 },
	{ "LINKLAYER", "ethernet, atm or adsl", t_linklayer },
	{ "DEC", "a decimal number", t_dec },
	{ "DEC16", "a decimal number up to 65535", t_dec16 },
	{ "HEX32", "a hexadecimal number (10 is 0x10)", t_hex32 },
	{ "UNUM", "a number", t_unum },
	{ "SINT", "a signed number", t_sint },
	{ "PERCENT", "a percentage: 10%, 0.5%", t_percent },
	{ "QHANDLE", "a qdisc handle: 1:, ffff:", t_qhandle },
	{ "CLASSID", "a class ID: 1:10, 1:, root", t_classid },
	{ NULL },
};

/* ------------------------------------------------------------ grammar */

enum tc_key {
	Q_DEV = 1, Q_HANDLE, Q_ROOT, Q_CLSACT, Q_INGRESS, Q_PARENT, Q_EST,
	Q_STAB, Q_IBLOCK, Q_EBLOCK, Q_HELP, Q_KIND, Q_CLASSID, Q_CHANDLE,
	Q_QDISC, Q_INVISIBLE,
	S_MTU, S_MPU, S_OVERHEAD, S_TSIZE, S_LINKLAYER,
};

/* "tbf|htb|…", for completion */
static const char *kind_choices(void)
{
	static char buf[256];
	size_t n = 0;

	if (buf[0])
		return buf;
	for (int i = 0; tc_kinds[i] && n < sizeof(buf); i++)
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%s%s",
				      i ? "|" : "", tc_kinds[i]->name);
	return buf;
}

/* KIND [ARGS]: the kind's table takes the rest of the line; a kind nsh
 * does not know is the real tc's */
static int parse_kind_any(struct ipl_parse *p, const struct ipl_opt *o,
			  bool class)
{
	struct nsh_bind b = { .name = o->kw, .opt = o, .tok = p->i };
	const struct tc_kind *k;
	const struct ipl_table *t;
	const char *w = ipl_need(p, o, kind_choices());

	if (!w)
		return p->completing ? -2 : -1;
	b.v.text = w;
	if (p->a->nbind == NSH_MAX_BIND)
		return ipl_fail(p, p->i, "too many words");
	p->a->bind[p->a->nbind++] = b;
	p->i++;
	k = tc_kind_find(w);
	if (!k) {
		ipl_fallback(p);
		return 0;
	}
	t = class ? k->copts : k->qopts;
	if (class && !k->cput)
		return ipl_fail(p, p->i - 1, "'%s': qdisc \"%s\" is classless",
				w, w);
	if (!t) {
		if (p->i < p->argc)
			return ipl_fail(p, p->i, "'%s': qdisc '%s' does not "
					"support option parsing",
					p->argv[p->i], w);
		return 0;
	}
	return ipl_walk(p, t, false);
}

static int parse_qkind(struct ipl_parse *p, const struct ipl_opt *o)
{
	return parse_kind_any(p, o, false);
}

static int parse_ckind(struct ipl_parse *p, const struct ipl_opt *o)
{
	return parse_kind_any(p, o, true);
}

/* `ingress` and `clsact`: the parent and the kind; the rest is theirs */
static int parse_special(struct ipl_parse *p, const struct ipl_opt *o)
{
	const struct tc_kind *k = o->key == Q_INGRESS ? &ingress_kind :
							 &clsact_kind;

	return ipl_walk(p, k->qopts, false);
}

static const struct ipl_opt stab_rows[] = {
	{ "mtu", IPL_PREFIX | IPL_ONCE, "DEC", S_MTU,
	  "the largest packet the table covers {2047}" },
	{ "mpu", IPL_PREFIX | IPL_ONCE, "DEC", S_MPU, "minimum packet size" },
	{ "overhead", IPL_PREFIX | IPL_ONCE, "SINT", S_OVERHEAD,
	  "per-packet overhead" },
	{ "tsize", IPL_PREFIX | IPL_ONCE, "DEC", S_TSIZE,
	  "slots of the table {512}" },
	{ "linklayer", IPL_PREFIX | IPL_ONCE, "LINKLAYER", S_LINKLAYER,
	  "ethernet, atm or adsl" },
	{ NULL },
};

static const struct ipl_table stab_opts = { "stab", stab_rows };

/* tc_qdisc_modify's keywords, in its order */
static const struct ipl_opt qdisc_rows[] = {
	{ "dev", IPL_ONCE, "DEV", Q_DEV, "the device" },
	{ "handle", IPL_ONCE, "QHANDLE", Q_HANDLE, "the qdisc's handle" },
	{ "root", 0, NULL, Q_ROOT, "the device's root qdisc" },
	{ "clsact", IPL_REST, NULL, Q_CLSACT, "the clsact qdisc", NULL,
	  parse_special },
	{ "ingress", IPL_REST, NULL, Q_INGRESS, "the ingress qdisc", NULL,
	  parse_special },
	{ "parent", 0, "CLASSID", Q_PARENT, "the parent class" },
	{ "estimator", IPL_PREFIX, "TIME TIME", Q_EST,
	  "rate estimator: interval and time constant" },
	{ "stab", IPL_PREFIX, NULL, Q_STAB, "a size table", &stab_opts },
	{ "ingress_block", IPL_PREFIX, "DEC", Q_IBLOCK,
	  "shared ingress filter block" },
	{ "egress_block", IPL_PREFIX, "DEC", Q_EBLOCK,
	  "shared egress filter block" },
	{ "help", IPL_PREFIX | IPL_ALIAS, NULL, Q_HELP },
	{ "KIND", IPL_DEFAULT | IPL_NOKW | IPL_REST, "KIND", Q_KIND,
	  "the kind (tbf, htb, pfifo, netem…) and its options", NULL,
	  parse_qkind },
	{ NULL },
};

static const struct ipl_table qdisc_opts = { "tc qdisc", qdisc_rows };

/* tc class refuses `handle` at once */
static int parse_chandle(struct ipl_parse *p, const struct ipl_opt *o)
{
	(void)o;
	return ipl_fail(p, p->i - 1, "'handle': try \"classid\" instead of "
			"\"handle\"");
}

static const struct ipl_opt class_rows[] = {
	{ "dev", IPL_ONCE, "DEV", Q_DEV, "the device" },
	{ "classid", IPL_ONCE, "CLASSID", Q_CLASSID, "the class's ID" },
	{ "handle", IPL_ALIAS, NULL, Q_CHANDLE, NULL, NULL, parse_chandle },
	{ "root", 0, NULL, Q_ROOT, "a root class" },
	{ "parent", 0, "CLASSID", Q_PARENT, "the parent (qdisc or class)" },
	{ "estimator", IPL_PREFIX, "TIME TIME", Q_EST,
	  "rate estimator: interval and time constant" },
	{ "help", IPL_PREFIX | IPL_ALIAS, NULL, Q_HELP },
	{ "KIND", IPL_DEFAULT | IPL_NOKW | IPL_REST, "KIND", Q_KIND,
	  "the kind (htb) and its options", NULL, parse_ckind },
	{ NULL },
};

static const struct ipl_table class_opts = { "tc class", class_rows };

/* ------------------------------------------------------------ modify */

/* what a line of tc qdisc/class add… says */
struct tc_line {
	struct tcmsg t;
	const char *dev;
	const char *kind;
	int kind_at;		/* the kind's binding, or -1 */
	struct tc_estimator est;
	struct tc_sizespec stab;
	bool has_stab;
	uint32_t iblock, eblock;
};

static int set_parent(struct nsh *sh, struct tc_line *l, uint32_t parent,
		      const char *word)
{
	if (l->t.tcm_parent) {
		if (streq(word, "parent"))
			return nsh_err(sh, "'parent': given twice");
		return nsh_err(sh, "'%s': a duplicate parent ID", word);
	}
	l->t.tcm_parent = parent;
	return 0;
}

static int read_line(struct nsh *sh, const struct nsh_args *a,
		     struct tc_line *l)
{
	memset(l, 0, sizeof(*l));
	l->t.tcm_family = AF_UNSPEC;
	l->kind_at = -1;
	for (int i = 0; i < a->nbind; i = ipl_next(a, i)) {
		const struct ipl_opt *o = a->bind[i].opt;
		const struct nsh_val *v = ipl_arg(a, i, 0);

		if (!o || o->key >= IPL_KEY_GLOBAL)
			continue;
		switch (o->key) {
		case Q_DEV: l->dev = v->text; break;
		case Q_HANDLE:
		case Q_CLASSID:
			l->t.tcm_handle = (uint32_t)v->num;
			break;
		case Q_CHANDLE:
			return nsh_err(sh, "'handle': try \"classid\" instead "
					   "of \"handle\"");
		case Q_ROOT:
			if (set_parent(sh, l, TC_H_ROOT, "root"))
				return 1;
			break;
		case Q_PARENT:
			if (set_parent(sh, l, (uint32_t)v->num, "parent"))
				return 1;
			break;
		case Q_INGRESS:
		case Q_CLSACT:
			if (set_parent(sh, l, TC_H_INGRESS, o->kw))
				return 1;
			l->kind = o->kw;
			l->kind_at = i;
			l->t.tcm_handle = TC_H_MAKE(TC_H_INGRESS, 0);
			return 0;	/* the rest is the kind's */
		case Q_EST: {
			const struct nsh_val *v2 = ipl_arg(a, i, 1);

			if (l->est.ewma_log)
				return nsh_err(sh, "'estimator': given twice");
			if (setup_estimator((unsigned)v->num,
					    (unsigned)v2->num, &l->est) < 0)
				return nsh_err(sh, "'estimator': parameters "
						   "out of range");
			break;
		}
		case Q_STAB:
			l->has_stab = true;
			memset(&l->stab, 0, sizeof(l->stab));
			break;
		case S_MTU: l->stab.mtu = (unsigned)v->num; break;
		case S_MPU: l->stab.mpu = (unsigned)v->num; break;
		case S_OVERHEAD: l->stab.overhead = (int)v->num; break;
		case S_TSIZE: l->stab.tsize = (unsigned)v->num; break;
		case S_LINKLAYER:
			l->stab.linklayer = (unsigned)v->num;
			break;
		case Q_IBLOCK:
		case Q_EBLOCK:
			if (!v->num)
				return nsh_err(sh, "'%s': invalid %s block "
						   "index value", v->text,
					       o->key == Q_IBLOCK ? "ingress" :
								    "egress");
			*(o->key == Q_IBLOCK ? &l->iblock : &l->eblock) =
				(uint32_t)v->num;
			break;
		case Q_HELP:
			return -1;
		case Q_KIND:
			l->kind = v->text;
			l->kind_at = i;
			return 0;
		}
	}
	return 0;
}

/* a stab with no linklayer, mpu or overhead is a mistake (tc refuses it
 * silently) */
static bool stab_given(const struct tc_sizespec *s)
{
	return s->linklayer >= TC_LL_ETHERNET || s->mpu || s->overhead;
}

static int put_stab(struct nsh *sh, struct nl_msg *msg, struct tc_sizespec *s)
{
	_cleanup_free_ uint16_t *data = NULL;
	struct nlattr *nest;

	if (size_table(s, &data) < 0)
		return nsh_err(sh, "stab: failed to calculate the size table");
	nest = ipr_nest(msg, TCA_STAB);
	if (!nest || nla_put(msg, TCA_STAB_BASE, sizeof(*s), s) < 0 ||
	    (data && nla_put(msg, TCA_STAB_DATA,
			     (int)(s->tsize * sizeof(*data)), data) < 0))
		return nsh_err(sh, "stab: the request is too large");
	ipr_nest_end(msg, nest);
	return 0;
}

/* explain the kernel's refusal in one line */
static int tc_refused(struct nsh *sh, const struct tc_line *l, int err)
{
	char why[256];
	int e = nl_last_errno();

	nl_reason(err, why, sizeof(why));
	if (l->kind && e == ENOENT && strstr(why, "kind is unknown"))
		return nsh_err(sh, "%s: this kernel has no %s scheduler",
			       l->kind, l->kind);
	return nsh_err(sh, "'%s': %s", l->dev ? l->dev : l->kind ? l->kind :
								   "tc",
		       why);
}

static int tc_modify(struct nsh *sh, const struct nsh_args *a, int type,
		     int flags, bool class)
{
	_cleanup_(nlmsg_freep) struct nl_msg *msg = NULL;
	const struct tc_kind *k;
	struct tc_line l;
	struct tc_req r = { .sh = sh, .a = a };
	int rc, err, idx;

	rc = read_line(sh, a, &l);
	if (rc < 0) {
		ipl_usage(a->cmd, stdout);
		return 0;
	}
	if (rc)
		return rc;
	if (l.has_stab && !stab_given(&l.stab))
		return nsh_err(sh, "'stab': needs overhead, mpu or linklayer");
	/* room for netem's distribution tables, as tc's TCA_BUF_MAX */
	msg = nlmsg_alloc_size(64 * 1024);
	if (!msg ||
	    !nlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, type, 0,
		       NLM_F_REQUEST | flags) ||
	    nlmsg_append(msg, &l.t, sizeof(l.t), NLMSG_ALIGNTO) < 0)
		return nsh_err(sh, "out of memory");
	if ((l.kind && nla_put_string(msg, TCA_KIND, l.kind) < 0) ||
	    (l.est.ewma_log &&
	     nla_put(msg, TCA_RATE, sizeof(l.est), &l.est) < 0) ||
	    (l.iblock && nla_put_u32(msg, TCA_INGRESS_BLOCK, l.iblock) < 0) ||
	    (l.eblock && nla_put_u32(msg, TCA_EGRESS_BLOCK, l.eblock) < 0))
		return nsh_err(sh, "the request is too large");
	k = l.kind ? tc_kind_find(l.kind) : NULL;
	if (k) {
		int (*put)(struct tc_req *) = class ? k->cput : k->qput;

		r.msg = msg;
		r.from = ipl_next(a, l.kind_at);
		r.to = a->nbind;
		r.dev = l.dev;
		r.kind = l.kind;
		if (put && put(&r))
			return 1;
	}
	if (l.has_stab && put_stab(sh, msg, &l.stab))
		return 1;
	if (l.dev) {
		if (link_index(sh, l.dev, &idx))
			return 1;
		((struct tcmsg *)nlmsg_data(nlmsg_hdr(msg)))->tcm_ifindex =
			idx;
	}
	err = ipr_talk(sh, msg);
	if (err > 0)
		return 1;
	return err < 0 ? tc_refused(sh, &l, err) : 0;
}

static int qdisc_add(struct nsh *sh, const struct nsh_args *a)
{
	return tc_modify(sh, a, RTM_NEWQDISC, NLM_F_EXCL | NLM_F_CREATE,
			 false);
}

static int qdisc_change(struct nsh *sh, const struct nsh_args *a)
{
	return tc_modify(sh, a, RTM_NEWQDISC, 0, false);
}

static int qdisc_replace(struct nsh *sh, const struct nsh_args *a)
{
	return tc_modify(sh, a, RTM_NEWQDISC, NLM_F_CREATE | NLM_F_REPLACE,
			 false);
}

static int qdisc_link(struct nsh *sh, const struct nsh_args *a)
{
	return tc_modify(sh, a, RTM_NEWQDISC, NLM_F_REPLACE, false);
}

static int qdisc_delete(struct nsh *sh, const struct nsh_args *a)
{
	return tc_modify(sh, a, RTM_DELQDISC, 0, false);
}

static int class_add(struct nsh *sh, const struct nsh_args *a)
{
	return tc_modify(sh, a, RTM_NEWTCLASS, NLM_F_EXCL | NLM_F_CREATE,
			 true);
}

static int class_change(struct nsh *sh, const struct nsh_args *a)
{
	return tc_modify(sh, a, RTM_NEWTCLASS, 0, true);
}

static int class_replace(struct nsh *sh, const struct nsh_args *a)
{
	return tc_modify(sh, a, RTM_NEWTCLASS, NLM_F_CREATE, true);
}

static int class_delete(struct nsh *sh, const struct nsh_args *a)
{
	return tc_modify(sh, a, RTM_DELTCLASS, 0, true);
}

/* ------------------------------------------------------------ stats */

/* print_tcstats2_attr & print_tcstats_attr: " Sent … backlog …"; the
 * application's statistics into *XSTATS */
static void print_stats(struct tc_show *s, struct nlattr **tb,
			const char *prefix, struct nlattr **xstats)
{
	struct nlattr *st[TCA_STATS_MAX + 1];
	struct gnet_stats_queue q = { 0 };

	if (!tb[TCA_STATS2])
		goto compat;
	if (nla_parse_nested(st, TCA_STATS_MAX, tb[TCA_STATS2], NULL) < 0)
		return;
	if (st[TCA_STATS_QUEUE])
		memcpy(&q, nla_data(st[TCA_STATS_QUEUE]),
		       MIN((size_t)nla_len(st[TCA_STATS_QUEUE]), sizeof(q)));
	if (st[TCA_STATS_BASIC]) {
		struct gnet_stats_basic bs = { 0 };
		uint64_t p64 = st[TCA_STATS_PKT64] ?
				       nla_get_u64(st[TCA_STATS_PKT64]) :
				       0;

		memcpy(&bs, nla_data(st[TCA_STATS_BASIC]),
		       MIN((size_t)nla_len(st[TCA_STATS_BASIC]), sizeof(bs)));
		pr_string(PR_FP, NULL, "%s", prefix);
		pr_u64(PR_ANY, "bytes", "Sent %llu bytes",
			(unsigned long long)bs.bytes);
		if (p64)
			pr_u64(PR_ANY, "packets", " %llu pkt",
				(unsigned long long)p64);
		else
			pr_uint(PR_ANY, "packets", " %u pkt", bs.packets);
	}
	if (st[TCA_STATS_QUEUE]) {
		pr_uint(PR_ANY, "drops", " (dropped %u", q.drops);
		pr_uint(PR_ANY, "overlimits", ", overlimits %u",
			 q.overlimits);
		pr_uint(PR_ANY, "requeues", " requeues %u) ", q.requeues);
	}
	if (st[TCA_STATS_BASIC_HW]) {
		struct gnet_stats_basic hw = { 0 }, bs = { 0 };

		memcpy(&hw, nla_data(st[TCA_STATS_BASIC_HW]),
		       MIN((size_t)nla_len(st[TCA_STATS_BASIC_HW]),
			   sizeof(hw)));
		if (hw.bytes || hw.packets) {
			if (st[TCA_STATS_BASIC]) {
				memcpy(&bs, nla_data(st[TCA_STATS_BASIC]),
				       MIN((size_t)nla_len(
						   st[TCA_STATS_BASIC]),
					   sizeof(bs)));
				if (bs.bytes >= hw.bytes &&
				    bs.packets >= hw.packets) {
					pr_nl();
					pr_string(PR_FP, NULL, "%s", prefix);
					pr_u64(PR_ANY, "sw_bytes",
						"Sent software %llu bytes",
						(unsigned long long)(bs.bytes -
								     hw.bytes));
					pr_uint(PR_ANY, "sw_packets",
						 " %u pkt",
						 bs.packets - hw.packets);
				}
			}
			pr_nl();
			pr_string(PR_FP, NULL, "%s", prefix);
			pr_u64(PR_ANY, "hw_bytes", "Sent hardware %llu bytes",
				(unsigned long long)hw.bytes);
			pr_uint(PR_ANY, "hw_packets", " %u pkt", hw.packets);
		}
	}
	if (st[TCA_STATS_RATE_EST64]) {
		struct gnet_stats_rate_est64 re = { 0 };

		memcpy(&re, nla_data(st[TCA_STATS_RATE_EST64]),
		       MIN((size_t)nla_len(st[TCA_STATS_RATE_EST64]),
			   sizeof(re)));
		pr_string(PR_FP, NULL, "\n%s", prefix);
		pr_u64(PR_JSON, "rate", NULL, (unsigned long long)re.bps);
		tc_print_rate(s, PR_FP, NULL, "rate %s", re.bps);
		pr_u64(PR_ANY, "pps", " %llupps", (unsigned long long)re.pps);
	} else if (st[TCA_STATS_RATE_EST]) {
		struct gnet_stats_rate_est re = { 0 };

		memcpy(&re, nla_data(st[TCA_STATS_RATE_EST]),
		       MIN((size_t)nla_len(st[TCA_STATS_RATE_EST]),
			   sizeof(re)));
		pr_string(PR_FP, NULL, "\n%s", prefix);
		pr_uint(PR_JSON, "rate", NULL, re.bps);
		tc_print_rate(s, PR_FP, NULL, "rate %s", re.bps);
		pr_uint(PR_ANY, "pps", " %upps", re.pps);
	}
	if (st[TCA_STATS_QUEUE]) {
		/* tc looks at the 32-bit estimate only, here */
		if (!st[TCA_STATS_RATE_EST])
			pr_nl();
		pr_string(PR_FP, NULL, "%s", prefix);
		pr_size(PR_ANY, "backlog", "backlog %s", q.backlog);
		pr_uint(PR_ANY, "qlen", " %up", q.qlen);
		pr_uint(PR_FP, NULL, " requeues %u", q.requeues);
	}
	if (xstats)
		*xstats = st[TCA_STATS_APP];
	if (xstats && !*xstats)
		goto compat_xstats;
	return;
compat:
	if (tb[TCA_STATS]) {
		struct tc_stats ts = { 0 };
		char b[IPR_SPRINT];

		memcpy(&ts, nla_data(tb[TCA_STATS]),
		       MIN((size_t)nla_len(tb[TCA_STATS]), sizeof(ts)));
		printf("%sSent %llu bytes %u pkts (dropped %u, overlimits %u) ",
		       prefix, (unsigned long long)ts.bytes, ts.packets,
		       ts.drops, ts.overlimits);
		if (ts.bps || ts.pps || ts.qlen || ts.backlog) {
			printf("\n%s", prefix);
			if (ts.bps || ts.pps) {
				printf("rate ");
				if (ts.bps)
					tc_print_rate(s, PR_FP, NULL, "%s ",
						      ts.bps);
				if (ts.pps)
					printf("%upps ", ts.pps);
			}
			if (ts.qlen || ts.backlog) {
				printf("backlog ");
				if (ts.backlog)
					printf("%s ", ipr_sprint_size(
							      ts.backlog, b));
				if (ts.qlen)
					printf("%up ", ts.qlen);
			}
		}
	}
compat_xstats:
	if (tb[TCA_XSTATS] && xstats)
		*xstats = tb[TCA_XSTATS];
}

/* ------------------------------------------------------------ qdisc show */

enum { QS_DEV = 1, QS_ROOT, QS_INGRESS, QS_PARENT, QS_HANDLE, QS_HELP,
       QS_INVISIBLE, QS_QDISC, QS_CLASSID };

static const struct ipl_opt qshow_rows[] = {
	{ "dev", 0, "DEV", QS_DEV, "only this device's" },
	{ "root", 0, NULL, QS_ROOT, "only the root qdisc" },
	{ "ingress", 0, NULL, QS_INGRESS, "only the ingress qdisc" },
	{ "clsact", IPL_ALIAS, NULL, QS_INGRESS },
	{ "parent", IPL_PREFIX, "CLASSID", QS_PARENT,
	  "only the qdisc of this parent" },
	{ "handle", IPL_PREFIX, "QHANDLE", QS_HANDLE,
	  "only the qdisc of this handle" },
	{ "help", IPL_PREFIX | IPL_ALIAS, NULL, QS_HELP },
	{ "invisible", 0, NULL, QS_INVISIBLE, "also the invisible ones" },
	{ NULL },
};

static const struct ipl_table qshow_opts = { "tc qdisc show", qshow_rows };

static void show_init(struct tc_show *s, struct nsh *sh,
		      const struct nsh_args *a)
{
	memset(s, 0, sizeof(*s));
	s->sh = sh;
	s->details = sh->o.details;
	s->stats = sh->o.stats;
	s->iec = sh->o.iec;
	/* -raw has no field of its own in nsh_opts */
	for (int i = 0; i < a->nbind; i = ipl_next(a, i))
		if (a->bind[i].opt && a->bind[i].opt->key >= IPL_KEY_GLOBAL &&
		    streq(a->bind[i].opt->kw, "-raw"))
			s->raw = true;
}

/* print_size_table */
static void print_stab(struct nlattr *stab)
{
	struct nlattr *tb[TCA_STAB_MAX + 1];
	struct tc_sizespec sz = { 0 };

	if (nla_parse_nested(tb, TCA_STAB_MAX, stab, NULL) < 0 ||
	    !tb[TCA_STAB_BASE])
		return;
	memcpy(&sz, nla_data(tb[TCA_STAB_BASE]),
	       MIN((size_t)nla_len(tb[TCA_STAB_BASE]), sizeof(sz)));
	pr_obj_open("stab");
	pr_string(PR_FP, NULL, "%s", " ");
	if (sz.linklayer)
		pr_string(PR_ANY, "linklayer", "linklayer %s ",
			   tc_linklayer_name(sz.linklayer));
	if (sz.overhead)
		pr_int(PR_ANY, "overhead", "overhead %d ", sz.overhead);
	if (sz.mpu)
		pr_uint(PR_ANY, "mpu", "mpu %u ", sz.mpu);
	if (sz.mtu)
		pr_uint(PR_ANY, "mtu", "mtu %u ", sz.mtu);
	if (sz.tsize)
		pr_uint(PR_ANY, "tsize", "tsize %u ", sz.tsize);
	pr_obj_close();
}

/* a qdisc nsh does not know: what tc's stand-in prints */
static void print_unknown(struct nlattr *opt)
{
	if (opt && nla_len(opt))
		printf("[Unknown qdisc, optlen=%u] ", (unsigned)nla_len(opt));
}

struct qfilter {
	int ifindex;
	uint32_t parent, handle;
};

static void print_qdisc(struct tc_show *s, struct nlmsghdr *nlh,
			const struct qfilter *f)
{
	struct tcmsg *t = nlmsg_data(nlh);
	struct nlattr *tb[TCA_MAX + 1], *xstats = NULL;
	const struct tc_kind *k;
	const char *kind;
	char buf[64];

	if (nlh->nlmsg_type != RTM_NEWQDISC && nlh->nlmsg_type != RTM_DELQDISC)
		return;
	if ((f->ifindex && f->ifindex != t->tcm_ifindex) ||
	    (f->handle && f->handle != t->tcm_handle) ||
	    (f->parent && f->parent != t->tcm_parent))
		return;
	if (nlmsg_parse(nlh, sizeof(*t), tb, TCA_MAX, NULL) < 0 ||
	    !tb[TCA_KIND])
		return;
	kind = nla_get_string(tb[TCA_KIND]);
	pr_obj_open(NULL);
	pr_string(PR_ANY, "kind", "qdisc %s", kind);
	snprintf(buf, sizeof(buf), "%x:", t->tcm_handle >> 16);
	pr_string(PR_ANY, "handle", " %s", buf);
	if (s->raw) {
		snprintf(buf, sizeof(buf), "[%08x]", t->tcm_handle);
		pr_string(PR_FP, NULL, "%s", buf);
	}
	pr_string(PR_FP, NULL, "%s", " ");
	if (!f->ifindex) {
		pr_string(PR_FP, NULL, "%s", "dev ");
		pr_string(PR_ANY, "dev", "%s ",
			   ipr_ifname(s->sh, t->tcm_ifindex));
	}
	if (t->tcm_parent == TC_H_ROOT)
		pr_bool(PR_ANY, "root", "root ", true);
	else if (t->tcm_parent)
		pr_string(PR_ANY, "parent", "parent %s ",
			   classid_str(t->tcm_parent, buf, sizeof(buf)));
	if (t->tcm_info != 1)
		pr_uint(PR_ANY, "refcnt", "refcnt %u ", t->tcm_info);
	if (tb[TCA_HW_OFFLOAD] && nla_get_u8(tb[TCA_HW_OFFLOAD]))
		pr_bool(PR_ANY, "offloaded", "offloaded ", true);
	if (tb[TCA_INGRESS_BLOCK] && nla_len(tb[TCA_INGRESS_BLOCK]) >= 4 &&
	    nla_get_u32(tb[TCA_INGRESS_BLOCK]))
		pr_uint(PR_ANY, "ingress_block", "ingress_block %u ",
			 nla_get_u32(tb[TCA_INGRESS_BLOCK]));
	if (tb[TCA_EGRESS_BLOCK] && nla_len(tb[TCA_EGRESS_BLOCK]) >= 4 &&
	    nla_get_u32(tb[TCA_EGRESS_BLOCK]))
		pr_uint(PR_ANY, "egress_block", "egress_block %u ",
			 nla_get_u32(tb[TCA_EGRESS_BLOCK]));
	/* pfifo_fast prints as prio does */
	k = tc_kind_find(streq(kind, "pfifo_fast") ? "prio" : kind);
	pr_obj_open("options");
	if (tb[TCA_OPTIONS]) {
		if (k && k->print)
			k->print(s, tb[TCA_OPTIONS]);
		else if (!k)
			print_unknown(tb[TCA_OPTIONS]);
	}
	pr_obj_close();
	pr_nl();
	if (s->details && tb[TCA_STAB]) {
		print_stab(tb[TCA_STAB]);
		pr_nl();
	}
	if (s->stats) {
		if (tb[TCA_STATS] || tb[TCA_STATS2] || tb[TCA_XSTATS]) {
			print_stats(s, tb, " ", &xstats);
			pr_nl();
		}
		if (k && xstats && k->xstats) {
			k->xstats(s, xstats);
			pr_nl();
		}
	}
	pr_obj_close();
}

static int tc_dump(struct nsh *sh, int type, struct tcmsg *t, bool invisible,
		   struct msg_list *l)
{
	_cleanup_(nlmsg_freep) struct nl_msg *msg = NULL;
	char why[256];
	int err;

	msg = nlmsg_alloc_simple(type, NLM_F_REQUEST);
	if (!msg || nlmsg_append(msg, t, sizeof(*t), NLMSG_ALIGNTO) < 0 ||
	    (invisible && nla_put_flag(msg, TCA_DUMP_INVISIBLE) < 0))
		return nsh_err(sh, "out of memory");
	err = ipr_dump(ns_sock(sh), msg, false, l);
	if (err > 0)
		return 1;
	if (err < 0) {
		msg_list_free(l);
		return nsh_err(sh, "cannot list the %s: %s",
			       type == RTM_GETQDISC ? "qdiscs" : "classes",
			       nl_reason(err, why, sizeof(why)));
	}
	return 0;
}

/* a second filter of the show: tc refuses it */
static int filter_twice(struct nsh *sh, const struct qfilter *f,
			const char *word)
{
	if (f->parent)
		return nsh_err(sh, "'%s': parent is already specified", word);
	if (f->handle)
		return nsh_err(sh, "'%s': handle is already specified", word);
	return 0;
}

/* the line's words again, for the real tc: "tc", the global options,
 * OBJECT VERB, the row's words */
static int run_real_tc(struct nsh *sh, const struct nsh_args *a,
		       const char *object, const char *verb)
{
	char *argv[NSH_MAX_BIND + 4];
	int n = 0;

	argv[n++] = (char *)"tc";
	for (int pass = 0; pass < 2; pass++) {
		if (pass) {
			argv[n++] = (char *)object;
			argv[n++] = (char *)verb;
		}
		for (int i = 0; i < a->nbind; i++) {
			const struct ipl_opt *o = a->bind[i].opt;
			bool global = o && o->key >= IPL_KEY_GLOBAL;

			if (global == !pass && a->bind[i].v.text &&
			    n < (int)ARRAY_SIZE(argv) - 1)
				argv[n++] = (char *)a->bind[i].v.text;
		}
	}
	argv[n] = NULL;
	fprintf(stderr, "nsh: tc %s %s: not native, ran the real tc\n",
		object, verb);
	return ns_exec(sh, argv);
}

/*
 * Does the dump hold a kind nsh cannot print as tc would (one tc knows
 * and nsh does not, with options or statistics of its own)?  Then the
 * real tc prints the show.
 */
static bool needs_real_tc(const struct msg_list *l)
{
	for (int i = 0; i < l->n; i++) {
		struct nlattr *tb[TCA_MAX + 1];

		if (nlmsg_parse(l->v[i], sizeof(struct tcmsg), tb, TCA_MAX,
				NULL) < 0 ||
		    !tb[TCA_KIND] || tc_kind_find(nla_get_string(tb[TCA_KIND])))
			continue;
		if ((tb[TCA_OPTIONS] && nla_len(tb[TCA_OPTIONS])) ||
		    tb[TCA_XSTATS])
			return true;
		if (tb[TCA_STATS2]) {
			struct nlattr *st[TCA_STATS_MAX + 1];

			if (nla_parse_nested(st, TCA_STATS_MAX, tb[TCA_STATS2],
					     NULL) == 0 && st[TCA_STATS_APP])
				return true;
		}
	}
	return false;
}

static int qdisc_show(struct nsh *sh, const struct nsh_args *a)
{
	struct tcmsg t = { .tcm_family = AF_UNSPEC };
	struct msg_list l = { 0 };
	struct qfilter f = { 0 };
	struct tc_show s;
	const char *dev = NULL;
	bool invisible = false;

	show_init(&s, sh, a);
	for (int i = 0; i < a->nbind; i = ipl_next(a, i)) {
		const struct ipl_opt *o = a->bind[i].opt;
		const struct nsh_val *v = ipl_arg(a, i, 0);

		switch (o ? o->key : 0) {
		case QS_DEV: dev = v->text; break;
		case QS_ROOT:
		case QS_INGRESS:
		case QS_PARENT:
			if (filter_twice(sh, &f, a->bind[i].v.text))
				return 1;
			f.parent = o->key == QS_ROOT ? TC_H_ROOT :
				   o->key == QS_INGRESS ? TC_H_INGRESS :
							  (uint32_t)v->num;
			break;
		case QS_HANDLE:
			if (filter_twice(sh, &f, a->bind[i].v.text))
				return 1;
			f.handle = (uint32_t)v->num;
			break;
		case QS_INVISIBLE: invisible = true; break;
		case QS_HELP:
			ipl_usage(a->cmd, stdout);
			return 0;
		default: break;
		}
	}
	ipr_ifname_reset();
	if (dev) {
		if (link_index(sh, dev, &t.tcm_ifindex))
			return 1;
		f.ifindex = t.tcm_ifindex;
	}
	if (tc_dump(sh, RTM_GETQDISC, &t, invisible, &l))
		return 1;
	if (needs_real_tc(&l)) {
		msg_list_free(&l);
		return run_real_tc(sh, a, "qdisc", "show");
	}
	pr_begin(sh->o.json, sh->o.pretty, sh->o.oneline, true);
	for (int i = 0; i < l.n; i++)
		print_qdisc(&s, l.v[i], &f);
	pr_end();
	msg_list_free(&l);
	return 0;
}

/* ------------------------------------------------------------ class show */

static const struct ipl_opt cshow_rows[] = {
	{ "dev", IPL_ONCE, "DEV", QS_DEV, "only this device's" },
	{ "qdisc", IPL_ONCE, "QHANDLE", QS_QDISC, "only this qdisc's" },
	{ "classid", IPL_ONCE, "CLASSID", QS_CLASSID, "only this class" },
	{ "root", 0, NULL, QS_ROOT, "only the root classes" },
	{ "parent", 0, "CLASSID", QS_PARENT, "only this parent's classes" },
	{ "help", IPL_PREFIX | IPL_ALIAS, NULL, QS_HELP },
	{ NULL },
};

static const struct ipl_table cshow_opts = { "tc class show", cshow_rows };

struct cfilter {
	int ifindex;
	uint32_t qdisc, classid;
};

/* print_class: text only (tc prints classes with fprintf, also with -j) */
static void print_class(struct tc_show *s, struct nlmsghdr *nlh,
			const struct cfilter *f)
{
	struct tcmsg *t = nlmsg_data(nlh);
	struct nlattr *tb[TCA_MAX + 1], *xstats = NULL;
	const struct tc_kind *k;
	char buf[64] = "";

	if (nlh->nlmsg_type != RTM_NEWTCLASS &&
	    nlh->nlmsg_type != RTM_DELTCLASS)
		return;
	if ((f->qdisc && TC_H_MAJ(t->tcm_handle ^ f->qdisc)) ||
	    (f->classid && t->tcm_handle != f->classid))
		return;
	if (nlmsg_parse(nlh, sizeof(*t), tb, TCA_MAX, NULL) < 0 ||
	    !tb[TCA_KIND])
		return;
	if (t->tcm_handle)
		classid_str(f->qdisc ? TC_H_MIN(t->tcm_handle) : t->tcm_handle,
			    buf, sizeof(buf));
	printf("class %s %s ", nla_get_string(tb[TCA_KIND]), buf);
	if (!f->ifindex)
		printf("dev %s ", ipr_ifname(s->sh, t->tcm_ifindex));
	if (t->tcm_parent == TC_H_ROOT)
		printf("root ");
	else
		printf("parent %s ",
		       classid_str(f->qdisc ? TC_H_MIN(t->tcm_parent) :
					      t->tcm_parent,
				   buf, sizeof(buf)));
	if (t->tcm_info)
		printf("leaf %x: ", t->tcm_info >> 16);
	k = tc_kind_find(nla_get_string(tb[TCA_KIND]));
	if (tb[TCA_OPTIONS]) {
		if (k && k->cprint)
			k->cprint(s, tb[TCA_OPTIONS]);
		else
			fprintf(stderr, "[cannot parse class parameters]");
	}
	printf("\n");
	if (s->stats) {
		if (tb[TCA_STATS] || tb[TCA_STATS2]) {
			print_stats(s, tb, " ", &xstats);
			printf("\n");
		}
		if (k && (xstats || tb[TCA_XSTATS]) && k->xstats) {
			k->xstats(s, xstats ? xstats : tb[TCA_XSTATS]);
			printf("\n");
		}
	}
}

static int class_show(struct nsh *sh, const struct nsh_args *a)
{
	struct tcmsg t = { .tcm_family = AF_UNSPEC };
	struct msg_list l = { 0 };
	struct cfilter f = { 0 };
	struct tc_show s;
	const char *dev = NULL;

	/* -graph's tree is the real tc's */
	for (int i = 0; i < a->nbind; i = ipl_next(a, i))
		if (a->bind[i].opt && streq(a->bind[i].opt->kw, "-graph"))
			return run_real_tc(sh, a, "class", "show");
	show_init(&s, sh, a);
	for (int i = 0; i < a->nbind; i = ipl_next(a, i)) {
		const struct ipl_opt *o = a->bind[i].opt;
		const struct nsh_val *v = ipl_arg(a, i, 0);

		switch (o ? o->key : 0) {
		case QS_DEV: dev = v->text; break;
		case QS_QDISC: f.qdisc = (uint32_t)v->num; break;
		case QS_CLASSID: f.classid = (uint32_t)v->num; break;
		case QS_ROOT:
		case QS_PARENT:
			if (t.tcm_parent)
				return nsh_err(sh, "'%s': a duplicate parent "
						   "ID", a->bind[i].v.text);
			t.tcm_parent = o->key == QS_ROOT ? TC_H_ROOT :
							   (uint32_t)v->num;
			break;
		case QS_HELP:
			ipl_usage(a->cmd, stdout);
			return 0;
		default: break;
		}
	}
	ipr_ifname_reset();
	if (dev) {
		if (link_index(sh, dev, &t.tcm_ifindex))
			return 1;
		f.ifindex = t.tcm_ifindex;
	}
	if (tc_dump(sh, RTM_GETTCLASS, &t, false, &l))
		return 1;
	if (needs_real_tc(&l)) {
		msg_list_free(&l);
		return run_real_tc(sh, a, "class", "show");
	}
	/* the kinds' printers print text: no JSON context */
	pr_begin(false, false, sh->o.oneline, true);
	for (int i = 0; i < l.n; i++)
		print_class(&s, l.v[i], &f);
	pr_end();
	fflush(stdout);
	msg_list_free(&l);
	return 0;
}

/* ------------------------------------------------------------ family */

static int tc_batch(struct nsh *sh, const struct nsh_args *a)
{
	return ipr_batch(sh, a, "tc");
}

/* in tc's order (do_qdisc, do_class) */
static const struct nsh_cmd tc_cmds[] = {
	{ "tc qdisc add", "add a queueing discipline",
	  qdisc_add, NSH_CMD_MUTATES,
	  "tc qdisc add dev veth1 root tbf rate 1mbit burst 32kb latency "
	  "50ms", NULL, &qdisc_opts },
	{ "tc qdisc change", "change a queueing discipline",
	  qdisc_change, NSH_CMD_MUTATES,
	  NULL, NULL, &qdisc_opts },
	{ "tc qdisc replace", "add or replace a queueing discipline",
	  qdisc_replace, NSH_CMD_MUTATES,
	  "tc qdisc replace dev veth1 root pfifo limit 100",
	  NULL, &qdisc_opts },
	{ "tc qdisc link", "link a queueing discipline", qdisc_link, 0, NULL,
	  NULL, &qdisc_opts },
	{ "tc qdisc delete", "delete a queueing discipline",
	  qdisc_delete, NSH_CMD_MUTATES,
	  "tc qdisc del dev veth1 root", NULL, &qdisc_opts },
	{ "tc qdisc show/list/lst", "list the queueing disciplines",
	  qdisc_show, 0, "tc -s qdisc show dev veth1", NULL, &qshow_opts },
	{ "tc qdisc", "list the queueing disciplines", qdisc_show },
	{ "tc class add", "add a class", class_add, NSH_CMD_MUTATES,
	  "tc class add dev veth1 parent 1: classid 1:10 htb rate 10mbit",
	  NULL, &class_opts },
	{ "tc class change", "change a class", class_change, NSH_CMD_MUTATES,
	  NULL, NULL,
	  &class_opts },
	{ "tc class replace", "add or replace a class",
	  class_replace, NSH_CMD_MUTATES,
	  NULL, NULL, &class_opts },
	{ "tc class delete", "delete a class", class_delete, NSH_CMD_MUTATES,
	  NULL, NULL,
	  &class_opts },
	{ "tc class show/list/lst", "list the classes", class_show, 0,
	  "tc class show dev veth1", NULL, &cshow_opts },
	{ "tc class", "list the classes", class_show },
	{ "tc -batch", "run the tc commands of a file", tc_batch,
	  NSH_CMD_HIDDEN },
	{ NULL },
};

const struct nsh_family tc_family = {
	"tc", "tc qdisc, class: queueing disciplines and their classes",
	tc_cmds, tc_types,
};
