/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * view.h - the model read the way every view reads it: namespaces and
 * links in display order, veth peers, the carrier a link has (inferred
 * from the states of the links), and the words for addresses and routes.
 * Pure computations over the model (shell/lab/model.h): nothing here
 * prints or asks the kernel.  Pointers into the model are valid until the
 * model next changes (model_get, model_ready).
 */
#ifndef NSH_VIEW_H
#define NSH_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"

/* the namespaces in display order: the host, the named ones by name,
 * then the ones only a process holds, by PID (free the array) */
struct model_ns **show_namespaces(struct model *m);
/* NS's links sorted by name or by ifindex (free the array) */
struct model_link **show_links(struct model_ns *ns, bool by_name);
/* L is up with a carrier (see view.c for why this is inferred) */
bool show_carrier(struct model *m, struct model_ns *ns,
		  const struct model_link *l);
/* the other end of veth L: false when L is no veth or its peer is in no
 * namespace of the model */
bool show_peer(struct model *m, struct model_ns *ns,
	       const struct model_link *l, struct model_ns **ret_ns,
	       struct model_link **ret);

const char *show_ip(int family, const unsigned char *a, char *buf, size_t len);
/* an IPv6 link-local address (fe80::/10) */
bool show_link_local(const struct model_addr *a);
/* the addresses of link IFINDEX in NS, "a/n" joined by SEP (not the IPv6
 * link-local ones unless ALL), into BUF; returns BUF */
const char *show_addrs(const struct model_ns *ns, int ifindex, bool all,
		       const char *sep, char *buf, size_t len);
/*
 * show_addr_flags - the words iproute2 says for an address's IFA_F_* FLAGS,
 * in its order ("dynamic" when IFA_F_PERMANENT is absent, "temporary" for
 * IFA_F_SECONDARY in IPv6): into NAMES (room for SHOW_ADDR_FLAGS); how many
 */
#define SHOW_ADDR_FLAGS 12
int show_addr_flags(unsigned flags, int family, const char **names);
/* a route's destination: "default" or "10.0.0.0/24" (BUF of 64 bytes) */
const char *show_route_dst(const struct model_route *r, char *buf,
			   size_t len);
/* "default via 10.0.0.1 dev v1", "10.0.0.0/24 dev v1 table 100", … */
const char *show_route_text(struct model_ns *ns, const struct model_route *r,
			    bool with_dev, char *buf, size_t len);
/* the first PLEN bits of A and B agree */
bool show_same_prefix(const unsigned char *a, const unsigned char *b,
		      int plen);

#endif
