/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * tc_core.c - what the tc lines share (see tc.c): tc_core.c's arithmetic
 * (the kernel's clock from /proc/net/psched, ticks, rate and size
 * tables, estimators), tc's units (rates, sizes, times, percentages) and
 * the placeholder types built on them.
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

#include "tc_priv.h"

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
int tc_size_table(struct tc_sizespec *s, uint16_t **ret)
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
int tc_setup_estimator(unsigned a, unsigned time_const,
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

/* a word PARSE reads as 32 bits into V, or WHY */
static int u32_word(const char *w, struct nsh_val *v,
		    int (*parse)(const char *, uint32_t *), const char *why,
		    const char **ret_err)
{
	uint32_t n;

	if (parse(w, &n) < 0)
		FAIL(why);
	v->num = n;
	return 0;
}

static int t_size(const char *w, struct nsh_val *v, char *errbuf,
		  size_t errlen, const char **ret_err)
{
	return u32_word(w, v, ipr_get_size, "invalid size (like 1500, 1500b, "
			"10kb, 1mb, 32kbit)", ret_err);
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
	return u32_word(w, v, ipr_get_time, "invalid time (like 10ms, 1s, "
			"100us)", ret_err);
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
