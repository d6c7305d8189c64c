/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ns_sock.c - one rtnetlink socket per namespace.
 *
 * A netlink socket talks to the namespace it was opened in, so sockets are
 * cached per namespace (a few, least recently used first out: 1000
 * namespaces must not need 1000 sockets) and dropped when a namespace
 * loses its name, so nsh never pins a deleted namespace.
 */
#include "config.h"

#include <string.h>
#include <sys/socket.h>
#include <netlink/netlink.h>
#include <netlink/socket.h>

#include "nsh.h"

#define SOCK_CACHE 8

static struct {
	struct nl_sock *sk;
	dev_t dev;
	ino_t ino;
	unsigned long used;
} cache[SOCK_CACHE];
static unsigned long cache_clock;

/* close the socket of cache slot I */
static void slot_drop(int i)
{
	nl_socket_free(cache[i].sk);
	cache[i].sk = NULL;
	cache[i].used = 0;
}

/* a connected rtnetlink socket of libnl, set up by nl_sock_setup (extended
 * acks), in the current namespace; NULL with *ERR (-NLE_*) */
static struct nl_sock *nl_sock_open(int *err)
{
	struct nl_sock *sk = nl_socket_alloc();

	if (!sk) {
		*err = -NLE_NOMEM;
		return NULL;
	}
	*err = nl_connect(sk, NETLINK_ROUTE);
	if (*err < 0) {
		nl_socket_free(sk);
		return NULL;
	}
	nl_sock_setup(sk);
	return sk;
}

struct nl_open_args {
	struct nl_sock *sk;
	int err;
};

static int nl_open_cb(void *arg)
{
	struct nl_open_args *a = arg;

	a->sk = nl_sock_open(&a->err);
	return 0;
}

struct nl_sock *ns_nl_sock_fd(struct nsh *sh, int nsfd)
{
	struct nl_open_args a = { NULL, 0 };

	return ns_call_fd(sh, nsfd, nl_open_cb, &a) < 0 ? NULL : a.sk;
}

/* the cached socket of namespace NS, opening it (inside NS) if needed */
static struct nl_sock *sock_get(struct nsh *sh, const struct nsh_ns *ns)
{
	struct nl_open_args a = { NULL, 0 };
	int slot = 0, rc;

	for (int i = 0; i < SOCK_CACHE; i++) {
		if (cache[i].sk && cache[i].dev == ns->dev &&
		    cache[i].ino == ns->ino) {
			cache[i].used = ++cache_clock;
			return cache[i].sk;
		}
		if (!cache[i].sk || cache[i].used < cache[slot].used)
			slot = i;
		if (!cache[i].sk)
			break;
	}
	if (cache[slot].sk)
		slot_drop(slot);	/* the least recently used makes room */
	rc = ns_call(sh, ns, nl_open_cb, &a);
	if (rc < 0) {
		char d[128];

		nsh_err(sh, "cannot enter %s: %s", ns_desc(ns, d, sizeof(d)),
			strerror(-rc));
		return NULL;
	}
	if (!a.sk) {
		if (a.err == -NLE_NOMEM)
			nsh_err(sh, "out of memory");
		else
			nsh_err(sh, "cannot open a netlink socket: %s",
				nl_geterror(a.err));
		return NULL;
	}
	cache[slot].sk = a.sk;
	cache[slot].dev = ns->dev;
	cache[slot].ino = ns->ino;
	cache[slot].used = ++cache_clock;
	return cache[slot].sk;
}

struct nl_sock *ns_sock(struct nsh *sh)
{
	nl_clear_error();
	return sock_get(sh, &sh->cur);
}

struct nl_sock *ns_sock_in(struct nsh *sh, const struct nsh_ns *ns)
{
	nl_clear_error();
	return sock_get(sh, ns);
}

void ns_forget(struct nsh *sh, dev_t dev, ino_t ino)
{
	for (int i = 0; i < SOCK_CACHE; i++)
		if (cache[i].sk && cache[i].dev == dev && cache[i].ino == ino)
			slot_drop(i);
}

void ns_forget_all(void)
{
	for (int i = 0; i < SOCK_CACHE; i++)
		if (cache[i].sk)
			slot_drop(i);
}

void ns_fini(struct nsh *sh)
{
	ns_forget_all();
	ns_close(&sh->cur);
	ns_close(&sh->home);
}
