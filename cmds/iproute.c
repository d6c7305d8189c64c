/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * iproute.c - iproute2's units, link names and -batch, for the iproute2
 * families (see iproute.h).
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <net/if.h>
#include <linux/netlink.h>
#include <netlink/netlink.h>
#include <netlink/errno.h>
#include <netlink/msg.h>
#include <netlink/socket.h>

#include "iproute.h"
#include "ipl.h"

#ifndef NETLINK_GET_STRICT_CHK
#define NETLINK_GET_STRICT_CHK 12
#endif

/* ------------------------------------------------------------ units */

const char *ipr_sprint_size(uint32_t sz, char *buf)
{
	const double kilo = 1024, mega = 1024 * 1024;
	double d = sz;

	if (sz >= mega && fabs(mega * rint(d / mega) - sz) < 1024)
		snprintf(buf, IPR_SPRINT, "%gMb", rint(d / mega));
	else if (sz >= kilo && fabs(kilo * rint(d / kilo) - sz) < 16)
		snprintf(buf, IPR_SPRINT, "%gKb", rint(d / kilo));
	else
		snprintf(buf, IPR_SPRINT, "%ub", sz);
	return buf;
}

const char *ipr_sprint_time(uint32_t usec, char *buf)
{
	double d = usec;

	if (d >= 1000000)
		snprintf(buf, IPR_SPRINT, "%.3gs", d / 1000000);
	else if (d >= 1000)
		snprintf(buf, IPR_SPRINT, "%.3gms", d / 1000);
	else
		snprintf(buf, IPR_SPRINT, "%uus", usec);
	return buf;
}

const char *ipr_sprint_time64(long long nsec, char *buf)
{
	double d = (double)nsec;

	if (nsec >= 1000000000LL)
		snprintf(buf, IPR_SPRINT, "%.3gs", d / 1e9);
	else if (nsec >= 1000000LL)
		snprintf(buf, IPR_SPRINT, "%.3gms", d / 1e6);
	else if (nsec >= 1000LL)
		snprintf(buf, IPR_SPRINT, "%.3gus", d / 1e3);
	else
		snprintf(buf, IPR_SPRINT, "%lldns", nsec);
	return buf;
}

/* a number as strtod reads it, and the rest: -1 when there is none or it
 * is negative (iproute2 would wrap it) */
static int number(const char *s, double *ret, const char **rest)
{
	char *end;

	errno = 0;
	*ret = strtod(s, &end);
	if (end == s || *ret < 0 || isnan(*ret))
		return -1;
	*rest = end;
	return 0;
}

/* get_rate's suffixes, in its order (matched ignoring case) */
static const struct {
	const char *name;
	double scale;
} rate_units[] = {
	{ "bit", 1. }, { "Kibit", 1024. }, { "kbit", 1000. },
	{ "mibit", 1024. * 1024. }, { "mbit", 1000000. },
	{ "gibit", 1024. * 1024. * 1024. }, { "gbit", 1000000000. },
	{ "tibit", 1024. * 1024. * 1024. * 1024. },
	{ "tbit", 1000000000000. },
	{ "Bps", 8. }, { "KiBps", 8. * 1024. }, { "KBps", 8000. },
	{ "MiBps", 8. * 1024 * 1024 }, { "MBps", 8000000. },
	{ "GiBps", 8. * 1024. * 1024. * 1024. }, { "GBps", 8000000000. },
	{ "TiBps", 8. * 1024. * 1024. * 1024. * 1024. },
	{ "TBps", 8000000000000. },
};

int ipr_get_rate64(const char *s, uint64_t *ret)
{
	const char *p;
	double bps;
	size_t i;

	if (number(s, &bps, &p))
		return -1;
	if (*p) {
		for (i = 0; i < ARRAY_SIZE(rate_units); i++)
			if (strcasecmp(rate_units[i].name, p) == 0)
				break;
		if (i == ARRAY_SIZE(rate_units))
			return -1;
		bps *= rate_units[i].scale;
	}
	bps /= 8;
	if (bps >= 18446744073709551616.0)
		return -1;
	*ret = (uint64_t)bps;
	return 0;
}

int ipr_get_size(const char *s, uint32_t *ret)
{
	static const struct {
		const char *name;
		double scale;
	} units[] = {
		{ "kb", 1024 }, { "k", 1024 },
		{ "gb", 1024. * 1024 * 1024 }, { "g", 1024. * 1024 * 1024 },
		{ "gbit", 1024 * 1024 * (1024 / 8) },
		{ "mb", 1024 * 1024 }, { "m", 1024 * 1024 },
		{ "mbit", 1024 * (1024 / 8) }, { "kbit", 1024 / 8 },
		{ "b", 1 },
	};
	const char *p;
	double sz;
	size_t i;

	if (number(s, &sz, &p))
		return -1;
	if (*p) {
		for (i = 0; i < ARRAY_SIZE(units); i++)
			if (strcasecmp(units[i].name, p) == 0)
				break;
		if (i == ARRAY_SIZE(units))
			return -1;
		sz *= units[i].scale;
	}
	if (sz >= 4294967296.0)
		return -1;	/* iproute2's overflow check */
	*ret = (uint32_t)sz;
	return 0;
}

/* "s", "sec", "secs" and the like: the suffix of a time */
static bool time_unit(const char *p, const char *u)
{
	char s1[8], s2[8];

	snprintf(s1, sizeof(s1), "%s", u);
	snprintf(s2, sizeof(s2), "%s%s", u[0] == 's' ? "sec" : u,
		 u[0] == 's' ? "" : "ec");
	if (strcasecmp(p, s1) == 0)
		return true;
	if (u[0] == 's')
		return strcasecmp(p, "sec") == 0 || strcasecmp(p, "secs") == 0;
	snprintf(s2, sizeof(s2), "%csec", u[0]);
	if (strcasecmp(p, s2) == 0)
		return true;
	snprintf(s2, sizeof(s2), "%csecs", u[0]);
	return strcasecmp(p, s2) == 0;
}

int ipr_get_time(const char *s, uint32_t *ret)
{
	const char *p;
	double t;

	if (number(s, &t, &p))
		return -1;
	if (*p) {
		if (time_unit(p, "s"))
			t *= 1000000;
		else if (time_unit(p, "ms"))
			t *= 1000;
		else if (!time_unit(p, "us"))
			return -1;
	}
	if (t >= 4294967296.0)
		return -1;
	*ret = (uint32_t)t;
	return 0;
}

int ipr_get_time64(const char *s, long long *ret)
{
	const char *p;
	double t;

	if (number(s, &t, &p))
		return -1;
	if (*p) {
		if (time_unit(p, "s"))
			t *= 1e9;
		else if (time_unit(p, "ms"))
			t *= 1e6;
		else if (time_unit(p, "us"))
			t *= 1e3;
		else if (!time_unit(p, "ns"))
			return -1;
	}
	if (t >= 9223372036854775808.0)
		return -1;
	*ret = (long long)t;
	return 0;
}

/* ------------------------------------------------------------ links */

/* the links a command asked about, by index */
static struct {
	int index;
	int up;			/* -1: no such link */
	char name[IFNAMSIZ + 4];
} names[64];
static int nnames;

void ipr_ifname_reset(void)
{
	nnames = 0;
}

/* one SIOCGIFxxx ioctl through SH->cur's netlink socket (it lives in that
 * namespace): 0 or -1 */
static int sioc(struct nsh *sh, unsigned long req, struct ifreq *ifr)
{
	struct nl_sock *sk = ns_sock(sh);

	if (!sk)
		return -1;
	return ioctl(nl_socket_get_fd(sk), req, ifr);
}

static int lookup(struct nsh *sh, int ifindex)
{
	struct ifreq ifr;
	int i;

	for (i = 0; i < nnames; i++)
		if (names[i].index == ifindex)
			return i;
	i = nnames < (int)ARRAY_SIZE(names) ? nnames++ : 0;
	names[i].index = ifindex;
	names[i].up = -1;
	snprintf(names[i].name, sizeof(names[i].name), "if%u",
		 (unsigned)ifindex);
	memset(&ifr, 0, sizeof(ifr));
	ifr.ifr_ifindex = ifindex;
	if (sioc(sh, SIOCGIFNAME, &ifr) < 0)
		return i;
	snprintf(names[i].name, sizeof(names[i].name), "%.*s", IFNAMSIZ,
		 ifr.ifr_name);
	if (sioc(sh, SIOCGIFFLAGS, &ifr) == 0)
		names[i].up = !!(ifr.ifr_flags & IFF_UP);
	return i;
}

const char *ipr_ifname(struct nsh *sh, int ifindex)
{
	if (ifindex == 0)
		return "*";
	return names[lookup(sh, ifindex)].name;
}

int ipr_ifup(struct nsh *sh, int ifindex)
{
	return ifindex ? names[lookup(sh, ifindex)].up : -1;
}

/* ------------------------------------------------------------ batch */

/* the global options of A as words for each line, without -batch FILE,
 * -force and -netns NS (the handler already acts inside NS) */
static void batch_prefix(const struct nsh_args *a, char *buf, size_t len)
{
	size_t used = 0;

	buf[0] = '\0';
	for (int i = 0; i < a->nbind; i = ipl_next(a, i)) {
		const struct ipl_opt *o = a->bind[i].opt;

		if (!o || o->key < IPL_KEY_GLOBAL || streq(o->kw, "-batch") ||
		    streq(o->kw, "-force") || streq(o->kw, "-netns"))
			continue;
		for (int j = i; j < ipl_next(a, i) && used < len; j++)
			used += (size_t)snprintf(buf + used, len - used, " %s",
						 a->bind[j].v.text);
	}
}

/* one logical line of F (a backslash-newline joins the next), read with
 * the buffer *LINE of *CAP bytes, the lines counted in *LINENO: to free,
 * or NULL at the end */
static char *batch_read(FILE *f, char **line, size_t *cap, int *lineno)
{
	char *text = NULL;
	size_t n = 0;

	for (;;) {
		ssize_t got = getline(line, cap, f);
		char *more;

		if (got < 0)
			break;
		(*lineno)++;
		(*line)[strcspn(*line, "\n")] = '\0';
		more = realloc(text, n + strlen(*line) + 2);
		if (!more)
			break;
		text = more;
		ANALYZER_KEEP(text);
		n += (size_t)sprintf(text + n, "%s", *line);
		if (n && text[n - 1] == '\\') {
			text[--n] = ' ';
			n++;
			continue;
		}
		break;
	}
	return text;
}

/* run CMD as line FIRST of FILE: its status */
static int batch_run(struct nsh *sh, const char *file, int first,
		     const char *cmd)
{
	const char *saved_file = sh->file;
	int saved_line = sh->line, rc;

	sh->file = file;
	sh->line = first;
	rc = nsh_run_plain(sh, cmd, NSH_RUN);
	sh->file = saved_file;
	sh->line = saved_line;
	return rc;
}

int ipr_batch(struct nsh *sh, const struct nsh_args *a, const char *root)
{
	const char *file = sh->o.batch;
	bool force = sh->o.force;
	int lineno = 0, failed = 0;
	char prefix[512], *line = NULL, *cmd = NULL;
	size_t cap = 0;
	FILE *f;

	if (!file)
		return nsh_err(sh, "missing the file after '-batch'");
	f = streq(file, "-") ? stdin : fopen(file, "re");
	if (!f)
		return nsh_err(sh, "'%s': cannot open: %s", file,
			       strerror(errno));
	batch_prefix(a, prefix, sizeof(prefix));
	for (;;) {
		int first = lineno + 1;
		_cleanup_free_ char *text = batch_read(f, &line, &cap,
						       &lineno);

		if (!text)
			break;
		text[strcspn(text, "#")] = '\0';
		if (!text[strspn(text, " \t")])
			continue;
		free(cmd);
		if (asprintf(&cmd, "%s%s %s", root, prefix, text) < 0) {
			cmd = NULL;
			failed = nsh_err(sh, "out of memory");
			break;
		}
		if (batch_run(sh, file, first, cmd)) {
			failed = 1;
			if (!force)
				break;
		}
	}
	free(cmd);
	free(line);
	if (f != stdin)
		fclose(f);
	return failed;
}
