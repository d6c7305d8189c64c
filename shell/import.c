/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * import.c - other tools' labs as .nsh labs (issue 16): `nsh --import
 * kathara DIR` and `nsh --import clab FILE.clab.yml` (import_clab.c).
 *
 * A Kathara lab is DIR/lab.conf (devices and their interfaces:
 * `pc1[0]="A"` puts pc1's eth0 on collision domain A, `/MAC` after the
 * domain sets its address; `pc1[sysctl]="KEY=VALUE"` a sysctl) and the
 * devices' DEVICE.startup files (shared.startup first), run inside each
 * device.  It becomes: a namespace per device, a bridge per collision
 * domain (kd-NAME), a veth per interface (ethN inside the device, DEV-ethN
 * on the bridge), each device's lo and interfaces up and Kathara's
 * defaults for every device (ip_forward on, rp_filter off), then each
 * startup file's lines inside the device (`enter DEV` … `leave`).
 *
 * What has no equivalent (a daemon started from the device's image, a
 * file of the device's filesystem, an option nsh does not know) is
 * written as a `# not imported:` comment and listed on stderr with its
 * file and line: nothing is dropped silently.
 */
#include "config.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core.h"
#include "import.h"

#define MAX_DEV 256
#define MAX_IF 32
#define MAX_CD 256

struct kdev {
	char name[64];
	char cd[MAX_IF][64];	/* collision domain of ethN, "" none */
	char mac[MAX_IF][32];
	int nif;
	char sysctl[8][128];
	int nsysctl;
};

struct klab {
	const char *dir;
	struct kdev dev[MAX_DEV];
	int ndev;
	char cd[MAX_CD][64];
	int ncd;
	int unmapped;
};

/* ------------------------------------------------------------ names */

static bool word_ok(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && !strchr("_-.", *s))
			return false;
	return true;
}

/* a link name of at most 15 bytes for PREFIX-NAME: as is when it fits,
 * else shortened with a hash of the whole so names stay distinct */
void import_ifname(char *buf, size_t len, const char *a, const char *b)
{
	unsigned h = 5381;
	char full[160];

	snprintf(full, sizeof(full), "%s%s", a, b);
	if (strlen(full) <= 15) {
		snprintf(buf, len, "%s", full);
		return;
	}
	for (const char *p = full; *p; p++)
		h = h * 33 + (unsigned char)*p;
	snprintf(buf, len, "%.9s%05x", full, h & 0xfffff);
}

void import_skip(int *count, const char *file, int line, const char *text,
		 const char *why)
{
	char esc[600];

	(*count)++;
	if (line)
		fprintf(stderr, "%s:%d: not imported: %s (%s)\n", file, line,
			str_escape(text, esc, sizeof(esc)), why);
	else
		fprintf(stderr, "%s: not imported (%s)\n", file, why);
	printf("# not imported: %s (%s)\n",
	       line ? str_escape(text, esc, sizeof(esc)) : file, why);
}

/* ------------------------------------------------------------ lab.conf */

static struct kdev *kdev_get(struct klab *k, const char *name)
{
	for (int i = 0; i < k->ndev; i++)
		if (streq(k->dev[i].name, name))
			return &k->dev[i];
	if (k->ndev == MAX_DEV)
		return NULL;
	snprintf(k->dev[k->ndev].name, sizeof(k->dev[0].name), "%s", name);
	return &k->dev[k->ndev++];
}

static void cd_add(struct klab *k, const char *cd)
{
	for (int i = 0; i < k->ncd; i++)
		if (streq(k->cd[i], cd))
			return;
	if (k->ncd < MAX_CD)
		snprintf(k->cd[k->ncd++], sizeof(k->cd[0]), "%s", cd);
}

/* VALUE without its quotes (in place) */
static char *unquote(char *v)
{
	size_t n = strlen(v);

	while (n && isspace((unsigned char)v[n - 1]))
		v[--n] = '\0';
	if (n >= 2 && (v[0] == '"' || v[0] == '\'') && v[n - 1] == v[0]) {
		v[n - 1] = '\0';
		v++;
	}
	return v;
}

/* one `dev[key]=value` line: 0 taken, 1 not mapped (said) */
static int conf_device(struct klab *k, const char *file, int ln, char *line,
		       char *dev, char *key, char *val)
{
	struct kdev *d = word_ok(dev) ? kdev_get(k, dev) : NULL;
	char *end;
	long n = strtol(key, &end, 10);

	if (!d) {
		import_skip(&k->unmapped, file, ln, line, "not a device name");
		return 1;
	}
	if (!*end && end != key && n >= 0 && n < MAX_IF) {
		char *slash = strchr(val, '/');

		if (slash)
			*slash++ = '\0';
		if (!word_ok(val)) {
			import_skip(&k->unmapped, file, ln, line,
				    "not a collision domain name");
			return 1;
		}
		snprintf(d->cd[n], sizeof(d->cd[0]), "%s", val);
		snprintf(d->mac[n], sizeof(d->mac[0]), "%s",
			 slash ? slash : "");
		if (n >= d->nif)
			d->nif = (int)n + 1;
		cd_add(k, val);
		return 0;
	}
	if (streq(key, "image"))
		return 0;	/* the container image: namespaces have none */
	if (streq(key, "sysctl") && strchr(val, '=') &&
	    d->nsysctl < (int)ARRAY_SIZE(d->sysctl)) {
		snprintf(d->sysctl[d->nsysctl++], sizeof(d->sysctl[0]), "%s",
			 val);
		return 0;
	}
	import_skip(&k->unmapped, file, ln, line,
		    "a device option nsh has no equivalent for");
	return 1;
}

static int read_conf(struct klab *k)
{
	char path[4096], line[1024];
	FILE *f;
	int ln = 0;

	snprintf(path, sizeof(path), "%s/lab.conf", k->dir);
	if (!(f = fopen(path, "re"))) {
		fprintf(stderr, "nsh: %s: %s\n", path, strerror(errno));
		return 1;
	}
	while (fgets(line, sizeof(line), f)) {
		char *p = line, *eq, *lb, *rb;

		ln++;
		line[strcspn(line, "\r\n")] = '\0';
		p += strspn(p, " \t");
		if (!*p || *p == '#')
			continue;
		eq = strchr(p, '=');
		lb = strchr(p, '[');
		rb = lb ? strchr(lb, ']') : NULL;
		if (!eq || !lb || !rb || rb > eq || lb > eq) {
			if (eq && !strncmp(p, "LAB_", 4))
				printf("# %s\n", p);	/* LAB_DESCRIPTION=… */
			else
				import_skip(&k->unmapped, path, ln, p,
					    "not a device line");
			continue;
		}
		char copy[1024];

		snprintf(copy, sizeof(copy), "%s", p);
		*lb = *rb = *eq = '\0';
		conf_device(k, path, ln, copy, p, lb + 1, unquote(eq + 1));
	}
	fclose(f);
	return 0;
}

/* ------------------------------------------------------------ output */

static void emit_topology(const struct klab *k)
{
	char br[32], host[32], eth[16];

	printf("\n## the devices (one namespace each)\n");
	for (int i = 0; i < k->ndev; i++)
		printf("ip netns add %s\n", k->dev[i].name);
	printf("\n## the collision domains (one bridge each)\n");
	for (int i = 0; i < k->ncd; i++) {
		import_ifname(br, sizeof(br), "kd-", k->cd[i]);
		printf("ip link add %s type bridge\nip link set %s up\n", br,
		       br);
	}
	printf("\n## the interfaces (ethN in the device, DEV-ethN on the "
	       "bridge)\n");
	for (int i = 0; i < k->ndev; i++) {
		const struct kdev *d = &k->dev[i];

		for (int n = 0; n < d->nif; n++) {
			if (!d->cd[n][0])
				continue;
			snprintf(eth, sizeof(eth), "-eth%d", n);
			import_ifname(host, sizeof(host), d->name, eth);
			import_ifname(br, sizeof(br), "kd-", d->cd[n]);
			printf("ip link add %s type veth peer name eth%d netns "
			       "%s\n", host, n, d->name);
			printf("ip link set %s master %s\nip link set %s up\n",
			       host, br, host);
			if (d->mac[n][0])
				printf("ip -n %s link set eth%d address %s\n",
				       d->name, n, d->mac[n]);
		}
	}
}

/* programs a startup line may run besides nsh's own commands */
bool import_program_ok(const char *w)
{
	static const char *const ok[] = { "echo", "ping", "ping6", "sleep",
					  "true", "false", "cat" };

	for (size_t i = 0; i < ARRAY_SIZE(ok); i++)
		if (streq(w, ok[i]))
			return true;
	return cmdtree_is_root(w);
}

/* FILE's lines inside the device; 0 if there is no such file */
static void emit_startup(struct klab *k, const char *file)
{
	char line[4096];
	FILE *f = fopen(file, "re");
	int ln = 0;

	if (!f)
		return;
	printf("# %s\n", file);
	while (fgets(line, sizeof(line), f)) {
		char *p = line, w[64];
		size_t n;

		ln++;
		line[strcspn(line, "\r\n")] = '\0';
		p += strspn(p, " \t");
		if (!strncmp(p, "sudo ", 5))
			p += 5 + strspn(p + 5, " \t");
		n = strcspn(p, " \t;|&<>");
		snprintf(w, sizeof(w), "%.*s", (int)(n < 63 ? n : 63), p);
		if (!*p || *p == '#' || import_program_ok(w))
			printf("%s\n", line);
		else
			import_skip(&k->unmapped, file, ln, line,
				    "a program of the device's image, not "
				    "here");
	}
	fclose(f);
}

static void emit_device(struct klab *k, const struct kdev *d)
{
	char path[4096];
	struct stat st;

	printf("\n## %s\nenter %s\nip link set lo up\n", d->name, d->name);
	/* Kathara's defaults for every device */
	printf("sysctl -qw net.ipv4.ip_forward=1\n"
	       "sysctl -qw net.ipv4.conf.all.rp_filter=0\n"
	       "sysctl -qw net.ipv4.conf.default.rp_filter=0\n");
	for (int i = 0; i < d->nsysctl; i++)
		printf("sysctl -qw %s\n", d->sysctl[i]);
	for (int n = 0; n < d->nif; n++)
		if (d->cd[n][0])
			printf("ip link set eth%d up\n", n);
	snprintf(path, sizeof(path), "%s/shared.startup", k->dir);
	emit_startup(k, path);
	snprintf(path, sizeof(path), "%s/%s.startup", k->dir, d->name);
	emit_startup(k, path);
	printf("leave\n");
	snprintf(path, sizeof(path), "%s/%s", k->dir, d->name);
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		import_skip(&k->unmapped, path, 0, NULL,
			    "the files of the device's filesystem: a "
			    "namespace shares the host's");
}

/* devices that have only a startup file */
static void startup_devices(struct klab *k)
{
	DIR *dir = opendir(k->dir);
	struct dirent *e;

	while (dir && (e = readdir(dir))) {
		size_t n = strlen(e->d_name);
		char name[64];

		if (n <= 8 || strcmp(e->d_name + n - 8, ".startup") ||
		    n - 8 >= sizeof(name))
			continue;
		snprintf(name, sizeof(name), "%.*s", (int)(n - 8), e->d_name);
		if (!streq(name, "shared") && word_ok(name))
			(void)kdev_get(k, name);
	}
	if (dir)
		closedir(dir);
}

static int import_kathara(const char *dir)
{
	struct klab *k = calloc(1, sizeof(*k));
	int rc;

	if (!k)
		return 1;
	k->dir = dir;
	printf("# imported from the Kathara lab %s by nsh --import kathara\n",
	       dir);
	rc = read_conf(k);
	if (!rc) {
		startup_devices(k);
		emit_topology(k);
		for (int i = 0; i < k->ndev; i++)
			emit_device(k, &k->dev[i]);
		if (k->unmapped)
			fprintf(stderr, "nsh: %s: %d thing%s not imported "
					"(listed above)\n",
				dir, k->unmapped, k->unmapped == 1 ? "" : "s");
	}
	free(k);
	return rc;
}

int import_run(const char *kind, const char *path)
{
	if (streq(kind, "kathara"))
		return import_kathara(path);
	if (streq(kind, "clab") || streq(kind, "containerlab"))
		return import_clab(path);
	fprintf(stderr, "nsh: --import: '%s': unknown kind (kathara or "
			"clab)\n",
		kind);
	return 2;
}
