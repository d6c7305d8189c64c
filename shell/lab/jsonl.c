/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * jsonl.c - the agent protocol's messages (jsonl.h): a reader for flat
 * JSON objects and a writer of them, one line each.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>

#include "jsonl.h"
#include "util.h"

/* ------------------------------------------------------------- reading */

struct rd {
	const char *p;
};

static void ws(struct rd *r)
{
	while (*r->p == ' ' || *r->p == '\t' || *r->p == '\r' || *r->p == '\n')
		r->p++;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* \uXXXX at P (after the 'u'): its code point, or -1 */
static long u4(const char *p)
{
	long v = 0;

	for (int i = 0; i < 4; i++) {
		int h = hexval(p[i]);

		if (h < 0)
			return -1;
		v = v * 16 + h;
	}
	return v;
}

/* code point CP as UTF-8 at OUT (a byte if below 0x100: the writer's
 * \u00XX is a raw byte); the bytes written */
static int put_cp(char *out, long cp)
{
	if (cp < 0x100) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	out[0] = (char)(0xe0 | cp >> 12);
	out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[2] = (char)(0x80 | (cp & 0x3f));
	return 3;
}

/* one escape after the backslash at *R->p; the bytes written at OUT or
 * -1 */
static int unescape(struct rd *r, char *out)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	const char *k = *r->p ? strchr(from, *r->p) : NULL;
	long cp;

	if (k) {
		r->p++;
		*out = to[k - from];
		return 1;
	}
	if (*r->p != 'u' || (cp = u4(r->p + 1)) <= 0)
		return -1;	/* \u0000 would end the string early */
	r->p += 5;
	return put_cp(out, cp);
}

/* a string at *R->p (on its '"'): a new NUL-terminated copy, or NULL */
static char *string(struct rd *r)
{
	const char *end;
	char *s, *o;

	if (*r->p != '"')
		return NULL;
	r->p++;
	for (end = r->p; *end && *end != '"'; end++)
		if (*end == '\\' && end[1])
			end++;
	if (!*end || !(s = o = malloc((size_t)(end - r->p) + 1)))
		return NULL;
	while (*r->p != '"') {
		int n = 1;

		if ((unsigned char)*r->p < 0x20)
			n = -1;
		else if (*r->p == '\\') {
			r->p++;
			n = unescape(r, o);
		} else
			*o = *r->p++;
		if (n < 0) {
			free(s);
			return NULL;
		}
		o += n;
	}
	r->p++;
	*o = '\0';
	return s;
}

/* ["a", "b"] into F */
static int array(struct rd *r, struct jsonl_field *f)
{
	r->p++;
	ws(r);
	while (*r->p != ']') {
		char **a, *s;

		if (f->narr && *r->p++ != ',')
			return -EINVAL;
		ws(r);
		if (!(s = string(r)))
			return -EINVAL;
		if (!(a = realloc(f->arr, sizeof(*a) * (size_t)(f->narr + 1)))) {
			free(s);
			return -ENOMEM;
		}
		f->arr = a;
		f->arr[f->narr++] = s;
		ws(r);
	}
	r->p++;
	return 0;
}

static int literal(struct rd *r, struct jsonl_field *f)
{
	static const struct {
		const char *w;
		enum jsonl_type t;
		int v;
	} lits[] = { { "true", JSONL_BOOL, 1 }, { "false", JSONL_BOOL, 0 },
		     { "null", JSONL_NULL, 0 } };

	for (size_t i = 0; i < ARRAY_SIZE(lits); i++)
		if (!strncmp(r->p, lits[i].w, strlen(lits[i].w))) {
			r->p += strlen(lits[i].w);
			f->type = lits[i].t;
			f->num = lits[i].v;
			return 0;
		}
	return -EINVAL;
}

static int value(struct rd *r, struct jsonl_field *f)
{
	char *end;

	if (*r->p == '"') {
		f->type = JSONL_STR;
		return (f->str = string(r)) ? 0 : -EINVAL;
	}
	if (*r->p == '[') {
		f->type = JSONL_ARR;
		return array(r, f);
	}
	if (*r->p == '-' || (*r->p >= '0' && *r->p <= '9')) {
		errno = 0;
		f->num = strtoll(r->p, &end, 10);
		if (errno || end == r->p)
			return -EINVAL;
		r->p = end;
		f->type = JSONL_NUM;
		return 0;
	}
	return literal(r, f);
}

static int members(struct rd *r, struct jsonl_msg *m)
{
	while (*r->p != '}') {
		struct jsonl_field *f;
		int rc;

		if (m->n && *r->p++ != ',')
			return -EINVAL;
		ws(r);
		if (m->n == JSONL_MAX_FIELDS)
			return -E2BIG;
		f = &m->f[m->n++];
		if (!(f->key = string(r)))
			return -EINVAL;
		ws(r);
		if (*r->p++ != ':')
			return -EINVAL;
		ws(r);
		if ((rc = value(r, f)))
			return rc;
		ws(r);
	}
	return 0;
}

int jsonl_parse(const char *line, struct jsonl_msg *m)
{
	struct rd r = { line };
	int rc;

	memset(m, 0, sizeof(*m));
	ws(&r);
	if (*r.p++ != '{')
		return -EINVAL;
	ws(&r);
	rc = members(&r, m);
	if (!rc) {
		r.p++;
		ws(&r);
		rc = *r.p ? -EINVAL : 0;
	}
	if (rc)
		jsonl_free(m);
	return rc;
}

void jsonl_free(struct jsonl_msg *m)
{
	for (int i = 0; i < m->n; i++) {
		free(m->f[i].key);
		free(m->f[i].str);
		for (int k = 0; k < m->f[i].narr; k++)
			free(m->f[i].arr[k]);
		free(m->f[i].arr);
	}
	memset(m, 0, sizeof(*m));
}

const struct jsonl_field *jsonl_get(const struct jsonl_msg *m,
				    const char *key, enum jsonl_type t)
{
	for (int i = 0; i < m->n; i++)
		if (streq(m->f[i].key, key) && m->f[i].type == t)
			return &m->f[i];
	return NULL;
}

const char *jsonl_str(const struct jsonl_msg *m, const char *key)
{
	const struct jsonl_field *f = jsonl_get(m, key, JSONL_STR);

	return f ? f->str : NULL;
}

bool jsonl_num(const struct jsonl_msg *m, const char *key, long long *v)
{
	const struct jsonl_field *f = jsonl_get(m, key, JSONL_NUM);

	if (f)
		*v = f->num;
	return f != NULL;
}

/* ------------------------------------------------------------- writing */

static void add(struct jsonl_out *o, const char *s, size_t n)
{
	if (o->failed)
		return;
	if (o->n + n + 3 > o->cap) {	/* room for "}\n\0" */
		size_t cap = (o->cap ? o->cap * 2 : 256) + n;
		char *p = realloc(o->p, cap);

		if (!p) {
			o->failed = true;
			return;
		}
		o->p = p;
		o->cap = cap;
	}
	memcpy(o->p + o->n, s, n);
	o->n += n;
}

static void add_quoted(struct jsonl_out *o, const char *s, size_t len)
{
	add(o, "\"", 1);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		char e[8];

		if (c == '"' || c == '\\') {
			e[0] = '\\';
			e[1] = (char)c;
			add(o, e, 2);
		} else if (c < 0x20 || c == 0x7f) {
			if (c)	/* a NUL cannot travel */
				add(o, e, (size_t)snprintf(e, sizeof(e),
							   "\\u%04x", c));
		} else {
			add(o, (const char *)&s[i], 1);
		}
	}
	add(o, "\"", 1);
}

static void key(struct jsonl_out *o, const char *k)
{
	add(o, o->n ? "," : "{", 1);
	add_quoted(o, k, strlen(k));
	add(o, ":", 1);
}

void jsonl_put_mem(struct jsonl_out *o, const char *k, const char *val,
		   size_t len)
{
	key(o, k);
	add_quoted(o, val, len);
}

void jsonl_put_str(struct jsonl_out *o, const char *k, const char *val)
{
	jsonl_put_mem(o, k, val, strlen(val));
}

void jsonl_put_num(struct jsonl_out *o, const char *k, long long v)
{
	char b[32];

	key(o, k);
	add(o, b, (size_t)snprintf(b, sizeof(b), "%lld", v));
}

void jsonl_put_bool(struct jsonl_out *o, const char *k, bool v)
{
	key(o, k);
	add(o, v ? "true" : "false", v ? 4 : 5);
}

void jsonl_put_arr(struct jsonl_out *o, const char *k, char *const *v, int n)
{
	key(o, k);
	add(o, "[", 1);
	for (int i = 0; i < n; i++) {
		if (i)
			add(o, ",", 1);
		add_quoted(o, v[i], strlen(v[i]));
	}
	add(o, "]", 1);
}

int jsonl_close(struct jsonl_out *o)
{
	if (!o->n)
		add(o, "{", 1);
	add(o, "}\n", 2);
	if (o->failed)
		return -ENOMEM;
	o->p[o->n] = '\0';
	return 0;
}

void jsonl_out_free(struct jsonl_out *o)
{
	free(o->p);
	memset(o, 0, sizeof(*o));
}

int jsonl_send(int fd, const char *p, size_t n)
{
	bool sock = true;

	while (n) {
		ssize_t w = sock ? send(fd, p, n, MSG_NOSIGNAL) :
				   write(fd, p, n);

		if (w < 0 && errno == ENOTSOCK && sock) {
			sock = false;
			continue;
		}
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -errno;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}
