/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * jsonl.h - the messages nsh and its agents exchange: one JSON object per
 * line, flat (string, integer, boolean and string-array values).
 *
 * Strings carry any byte but NUL: control characters travel as \u00XX,
 * bytes of 0x80 and above as they are (a program's output need not be
 * UTF-8; both ends are nsh).
 */
#ifndef NSH_JSONL_H
#define NSH_JSONL_H

#include <stdbool.h>
#include <stddef.h>

enum jsonl_type { JSONL_STR, JSONL_NUM, JSONL_BOOL, JSONL_NULL, JSONL_ARR };

struct jsonl_field {
	char *key;
	enum jsonl_type type;
	char *str;		/* JSONL_STR */
	long long num;		/* JSONL_NUM, JSONL_BOOL (0/1) */
	char **arr;		/* JSONL_ARR: NARR strings */
	int narr;
};

#define JSONL_MAX_FIELDS 16

struct jsonl_msg {
	struct jsonl_field f[JSONL_MAX_FIELDS];
	int n;
};

/* LINE (no newline needed) into M: 0, or -EINVAL (M is then empty) */
int jsonl_parse(const char *line, struct jsonl_msg *m);
void jsonl_free(struct jsonl_msg *m);
/* the field KEY of type T, or NULL */
const struct jsonl_field *jsonl_get(const struct jsonl_msg *m,
				    const char *key, enum jsonl_type t);
/* the string KEY, or NULL */
const char *jsonl_str(const struct jsonl_msg *m, const char *key);
/* the integer KEY into *V: true when there is one */
bool jsonl_num(const struct jsonl_msg *m, const char *key, long long *v);

/* a message being written: jsonl_put_* then jsonl_close ("}\n") */
struct jsonl_out {
	char *p;
	size_t n, cap;
	bool failed;		/* out of memory: the message is lost */
};

void jsonl_put_str(struct jsonl_out *o, const char *key, const char *val);
/* a string of LEN bytes (NULs in it are dropped) */
void jsonl_put_mem(struct jsonl_out *o, const char *key, const char *val,
		   size_t len);
void jsonl_put_num(struct jsonl_out *o, const char *key, long long v);
void jsonl_put_bool(struct jsonl_out *o, const char *key, bool v);
void jsonl_put_arr(struct jsonl_out *o, const char *key, char *const *v,
		   int n);
/* ends the object: 0 and O->p/O->n the line with its newline, or -ENOMEM */
int jsonl_close(struct jsonl_out *o);
void jsonl_out_free(struct jsonl_out *o);
/* the N bytes at P (lines made here) written whole to FD, a socket (no
 * SIGPIPE: a peer gone is -EPIPE) or a pipe: 0 or a negative errno */
int jsonl_send(int fd, const char *p, size_t n);

#endif
