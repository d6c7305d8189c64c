/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * link.h - `ip link add/set/replace/delete` and its kinds.
 *
 * A link kind is one file, as iproute2's ip/link_veth.c: it declares the
 * words that may follow `type KIND` (an ipl table), puts them into the
 * request's IFLA_INFO_DATA (or IFLA_INFO_SLAVE_DATA for KIND_slave), and
 * prints the kind's details for `ip -d link` in text and JSON.  Adding a
 * kind is that file and one line in link_kinds[] (cmds/link.c).
 *
 * Most kind options are one netlink attribute each: their key is
 * LINK_ATTR(IFLA_X, LA_U32) and link_put_attrs() puts them; the kind's
 * own put() handles the rest (and may call link_put_attrs first).
 */
#ifndef NSH_LINK_H
#define NSH_LINK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cmds.h"
#include "iproute.h"
#include "ipl.h"

struct nl_msg;
struct nl_sock;
struct nlattr;
struct nlmsghdr;

/* ip link's own options (the keys of link_opts, shared by veth's peer) */
enum link_key {
	LK_UP = 1, LK_DOWN, LK_NAME, LK_INDEX, LK_LINK, LK_ADDRESS,
	LK_BROADCAST, LK_TXQLEN, LK_MTU, LK_XDP, LK_NETNS, LK_MULTICAST,
	LK_ALLMULTI, LK_PROMISC, LK_TRAILERS, LK_ARP, LK_CARRIER, LK_VF,
	LK_MASTER, LK_VRF, LK_NOMASTER, LK_DYNAMIC, LK_TYPE, LK_ALIAS,
	LK_GROUP, LK_MODE, LK_STATE, LK_NUMTX, LK_NUMRX, LK_ADDRGENMODE,
	LK_LINK_NETNS, LK_LINK_NETNSID, LK_PROTODOWN, LK_PROTODOWN_REASON,
	LK_GSO_MAX_SIZE, LK_GSO_MAX_SEGS, LK_GRO_MAX_SIZE, LK_PARENTDEV,
	LK_DEV, LK_HELP,
	LK_KIND_HELP = 99,	/* `help` after `type KIND` */
	LK_KIND_BASE = 100,	/* kinds' own keys start here */
};

/* a kind option that is one attribute: LINK_ATTR(IFLA_VXLAN_TTL, LA_U8) */
enum link_attr_type {
	LA_U8 = 1, LA_U16, LA_U32, LA_U64, LA_BE16, LA_FLAG, LA_ONOFF8,
	LA_STR, LA_MAC,
	LA_DEV,		/* a link's name, put as its ifindex (u32) */
	LA_TRUE8,	/* a keyword without value: u8 1 */
	LA_FALSE8,	/* … u8 0 ("nolearning") */
	LA_ZERO32,	/* … u32 0 ("clear_active_slave") */
};
#define LINK_ATTR_MARK 0x40000000
#define LINK_ATTR(attr, type) (LINK_ATTR_MARK | ((type) << 16) | (attr))
#define LINK_ATTR_OF(key) ((key) & 0xffff)
#define LINK_ATTR_TYPE(key) (((key) >> 16) & 0xff)

/* the stages of the kernel's do_setlink a change touches, in its order
 * (a refusal leaves the earlier ones done: cmds/link_undo.c undoes
 * them) */
enum link_stage {
	SG_KIND = 1 << 0,	/* the kind's data (changelink) */
	SG_NETNS = 1 << 1,
	SG_ADDRESS = 1 << 2,
	SG_MTU = 1 << 3,
	SG_GROUP = 1 << 4,
	SG_NAME = 1 << 5,
	SG_ALIAS = 1 << 6,
	SG_FLAGS = 1 << 7,
	SG_MASTER = 1 << 8,
	SG_TXQLEN = 1 << 9,
	SG_OTHER = 1 << 10,
};

struct nsh_ns;

/* the request being built, for a kind's put() */
struct link_req {
	struct nsh *sh;
	struct nl_msg *msg;
	const struct nsh_args *a;
	int from, to;		/* the kind's bindings, [from, to) */
	bool create;		/* add/replace: NLM_F_CREATE */
	const char *dev;	/* the link's name, for messages */
	bool peer;		/* putting a veth's peer */
	/* what the main link's options were, for undo and messages */
	unsigned stages;	/* enum link_stage */
	int addr_len;
	const char *mtu;
	const char *master;
	int master_index;
	int new_index;
	/* where the link and its peer go (netns), NULL: here */
	const struct nsh_ns *ns, *peer_ns;
};

/* the most attributes a kind's data may have (maxattr below) */
#define LINK_KIND_MAXATTR 127

/* the context of `ip link show`, for a kind's print (cmds/link_pr.h) */
struct link_pr;

struct link_kind {
	const char *name;	/* "vxlan" */
	const char *summary;	/* for help and completion */
	const struct ipl_table *opts;	/* the words after `type NAME` */
	/* put the bindings r->from..r->to into the open IFLA_INFO_DATA;
	 * NULL: link_put_attrs does it all.  0, or 1 after reporting */
	int (*put)(struct link_req *r);
	/* -d details of a link of this kind, as iproute2's print_opt: TB
	 * holds the attributes of its IFLA_INFO_DATA (IFLA_INFO_SLAVE_DATA
	 * for a _slave kind) by type up to MAXATTR, or is NULL when there
	 * is none; printed with the pr_* calls below */
	void (*print)(struct link_pr *c, struct nlattr **tb);
	int maxattr;
	const char *driver;	/* the kernel's driver, for its absence */
};

/* the kinds, in help's order (cmds/link.c) */
extern const struct link_kind *const link_kinds[];
const struct link_kind *link_kind_find(const char *name);

/* ip link's option table (for veth's `peer`, which takes all of it) */
extern const struct ipl_table link_opts;

/* put the LINK_ATTR options among r->from..r->to; 0 or 1 */
int link_put_attrs(struct link_req *r);
/*
 * put the generic ip link options among bindings FROM..TO (name, mtu,
 * address, netns …) into the request after the ifinfomsg at IFI (the
 * veth peer's nested one, or the message's own).  0 or 1 after reporting.
 */
struct ifinfomsg;
int link_put_generic(struct link_req *r, int from, int to,
		     struct ifinfomsg *ifi, bool peer);

/* the IFF_* flags of link NAME in the current namespace, by one ioctl:
 * 0, or -1 */
int link_flags(struct nsh *sh, const char *name, unsigned *ret);

/* the driver of link NAME in the current namespace ("bridge", "veth"),
 * by one ioctl (SIOCETHTOOL): 0, or -1 when it does not say */
int link_driver(struct nsh *sh, const char *name, char *buf, size_t len);

/* whether link IFINDEX of the current namespace is of KIND: 1, 0, or -1
 * when it cannot be read */
int link_is_kind(struct nsh *sh, int ifindex, const char *kind);

/* `peer [name] NAME OPTIONS…` (veth, vxcan): the peer's ifinfomsg and
 * attributes nested in ATTR, from the binding of KEY on: 0 or 1 */
int link_put_peer(struct link_req *r, int key, int attr);

/*
 * cmds/link_journal.c: the journal's part of a request.  link_made_begin,
 * before an add or replace is sent (NAME NULL when the kernel chooses
 * it; REPLACE: a link of that name may be there); link_made_send sends
 * it (0 or a libnl error, as nl_send_auto and nl_wait_for_ack); after the
 * kernel's acknowledgement, link_made_note journals the link made, and
 * its peer (PEER its name, if the line gave one); link_made_end frees.
 */
struct link_made {
	struct nsh *sh;
	const struct nsh_ns *ns;	/* where the link is made */
	const char *name, *kind;
	bool create;		/* the request makes a link */
	bool asked;		/* `link?` written for this try */
	int evfd;		/* that namespace's link events, or -1 */
	struct nlmsghdr *msg;	/* the new link's RTM_NEWLINK */
};
void link_made_begin(struct nsh *sh, const struct link_req *r,
		     const char *name, const char *kind, bool replace,
		     struct link_made *m);
int link_made_send(struct nl_sock *sk, struct nl_msg *msg,
		   struct link_made *m);
void link_made_note(struct nsh *sh, const struct link_req *r,
		    const char *name, const char *peer, struct link_made *m);
void link_made_end(struct link_made *m);
/* `ip link set` is about to rename link IFINDEX of the current namespace
 * to NAME, or move it (to r->ns); link_journal_set: it did.  The journal
 * follows the links nsh made */
void link_journal_setting(struct nsh *sh, const struct link_req *r,
			  int ifindex, const char *name);
void link_journal_set(struct nsh *sh, const struct link_req *r, int ifindex,
		      const char *name);

/* keep namespace NS open until the request is sent (IFLA_NET_NS_FD):
 * 0, or 1 after reporting (NS is closed then) */
int link_req_hold(struct link_req *r, struct nsh_ns *ns);

/* every kind table ends with this row: `help` prints its options */
#define LINK_KIND_HELP { "help", IPL_PREFIX | IPL_ALIAS, NULL, LK_KIND_HELP }

/* ip link show (cmds/link_show.c) */
extern const struct ipl_table link_show_opts;
int link_show_cmd(struct nsh *sh, const struct nsh_args *a);

/*
 * The link printer of `ip link show`, `ip address show` and `ip monitor`
 * (iproute2's print_linkinfo; cmds/link_pr.c, cmds/link_print.c): one
 * RTM_NEWLINK message printed in text (-o, -br), -d, -s and -j, filtered
 * as iproute2's struct link_filter says.  FAMILY is the filter's:
 * AF_PACKET for ip link (and ip -0 address), which always shows the
 * link-layer line and under -br the address and flags; -4/-6 leave them
 * to the addresses.
 */
struct link_filter {
	int family;
	bool up;
	long long group;	/* -1: any */
	int master;		/* 0: any, -1: none (nomaster) */
	const char *kind, *slave_kind;
	const char *label;	/* an address label: no link is printed */
};

/*
 * link_pr_new - a show of link messages with filter F; LINKS (kept by the
 * caller) are the messages listed, where the names and flags of other
 * links are looked up first.  DO_LINK: as ip link (the link mode,
 * address generation mode, alias and -s counters), else as ip address.
 * NULL after reporting.
 */
struct link_pr *link_pr_new(struct nsh *sh, struct nl_sock *sk,
			    const struct link_filter *f,
			    const struct msg_list *links, bool do_link);
void link_pr_free(struct link_pr *c);
/* one link: -1 when the filter leaves it out, 0 when nothing is printed
 * (a label filter, or -br: the line is left open), 1 printed */
int link_pr_print(struct link_pr *c, const struct nlmsghdr *n);
/* -s: the counters of link message N (ip address prints them last) */
void link_pr_stats(struct link_pr *c, const struct nlmsghdr *n);

/* RTM_GETLINK of link NAME (or IFINDEX when NAME is NULL) with
 * IFLA_EXT_MASK MASK, its answer as a list of one: 0, or 1 after
 * reporting */
int link_get_list(struct nsh *sh, struct nl_sock *sk, const char *name,
		  int ifindex, uint32_t mask, struct msg_list *ret);
/* the links of FAMILY, with F's master and kind for the kernel to filter
 * on, as iproute2's iplink_filter_req asks (for AF_UNSPEC and AF_PACKET;
 * another family's request has no attributes): 0, or 1 after reporting */
int link_dump(struct nsh *sh, struct nl_sock *sk, int family,
	      const struct link_filter *f, struct msg_list *ret);
/* the link messages saved in PATH, as `ip monitor file PATH` prints them
 * (for tests of the kinds' print) */
int link_print_file(struct nsh *sh, const char *path);

/* an attribute of TB, if present, as iproute2's print_uint & co */
#define PR_ATTR(fn, get, attr, key, fmt)                                       \
	do {                                                                   \
		if (tb[attr])                                                  \
			fn(PR_ANY, key, fmt, get(tb[attr]));                   \
	} while (0)
#define PR_U8(attr, key, fmt) PR_ATTR(pr_uint, nla_get_u8, attr, key, fmt)
#define PR_U16(attr, key, fmt) PR_ATTR(pr_uint, nla_get_u16, attr, key, fmt)
#define PR_U32(attr, key, fmt) PR_ATTR(pr_uint, nla_get_u32, attr, key, fmt)
#define PR_U64(attr, key, fmt) PR_ATTR(pr_u64, nla_get_u64, attr, key, fmt)
#define PR_ONOFF(attr, key, fmt)                                               \
	PR_ATTR(pr_on_off, nla_get_u8, attr, key, fmt)

/* the show's options and lookups, for a kind's print */
struct nsh *link_pr_sh(const struct link_pr *c);
/* the name of link IFINDEX of the namespace shown ("if%u" when unknown,
 * as iproute2's ll_index_to_name) */
const char *link_pr_ifname(struct link_pr *c, unsigned ifindex);

/*
 * link_get_msg - RTM_GETLINK of link IFINDEX (or NAME, when given) on SK,
 * with IFLA_EXT_MASK MASK: 0 and the kernel's answer in *RET (free it),
 * -ENODEV when there is no such link, another -errno otherwise.  Nothing
 * is reported.
 */
int link_get_msg(struct nl_sock *sk, int ifindex, const char *name,
		 uint32_t mask, struct nlmsghdr **ret);

/* the value types of ip link and its kinds (cmds/link_types.c) */
extern const struct nsh_type link_types[];

/* the bond's enumerations, NULL-terminated, in their numbers' order
 * (cmds/link_bond.c) */
extern const char *const link_bond_modes[];
extern const char *const link_bond_arp_validate[];
extern const char *const link_bond_arp_all_targets[];
extern const char *const link_bond_primary_reselect[];
extern const char *const link_bond_fail_over_mac[];
extern const char *const link_bond_xmit_hash_policy[];
extern const char *const link_bond_lacp_active[];
extern const char *const link_bond_lacp_rate[];
extern const char *const link_bond_ad_select[];

/* ------------------------------------------------------------ tunnels */

/*
 * The settings of an IP tunnel (gre, ip6gre, ipip, sit, ip6tnl) as
 * iproute2's parsers hold them: read from the link when it is changed
 * (they send all of them), then changed by the line's options
 * (cmds/link_tunnel.c), then put by the kind.
 */
enum tnl_key {
	TN_KEY = LK_KIND_BASE, TN_SEQ, TN_CSUM, TN_PMTUDISC, TN_REMOTE,
	TN_LOCAL, TN_DEV, TN_TTL, TN_TOS, TN_TCLASS, TN_FLOWLABEL, TN_DSCP,
	TN_NOENCAP, TN_ENCAP, TN_ENCAP_SPORT, TN_ENCAP_DPORT, TN_ENCAP_FLAG,
	TN_EXTERNAL, TN_IGNDF, TN_FWMARK, TN_ALLOWLR, TN_ENCAPLIMIT,
	TN_ERSPAN, TN_ERSPAN_VER, TN_ERSPAN_DIR, TN_ERSPAN_HWID, TN_MODE,
	TN_ISATAP, TN_6RD_PREFIX, TN_6RD_RELAY, TN_6RD_RESET,
};

struct tnl {
	int family;		/* of the endpoints */
	bool have_local, have_remote;
	uint8_t local[16], remote[16];
	uint16_t iflags, oflags;	/* GRE_KEY, GRE_SEQ, GRE_CSUM (be) */
	uint32_t ikey, okey;		/* network order */
	uint8_t pmtudisc, ignore_df, tos, ttl, proto;
	uint32_t link, fwmark;
	uint16_t encap_type, encap_flags, encap_sport, encap_dport;
	bool metadata;
	/* IPv6 tunnels */
	uint8_t encap_limit;
	uint32_t flowinfo, flags;
	/* sit */
	uint16_t sit_flags;
	uint8_t prefix6[16], relay4[4];
	uint16_t prefix6_len, relay4_len;
	bool have_prefix6, have_relay4;
	/* erspan */
	uint32_t erspan_idx;
	uint8_t erspan_ver, erspan_dir;
	uint16_t erspan_hwid;
};

/* the link's own data (IFLA_INFO_DATA) parsed into TB, for `set`: 0, or
 * 1 after reporting; *KEEP holds the message TB points into (free it) */
int tnl_existing(struct link_req *r, struct nlattr **tb, int maxattr,
		 struct nlmsghdr **keep);
/* apply the option bound at I: 0, or 1 after reporting */
int tnl_apply(struct link_req *r, struct tnl *t, int i);
/* "remote 10.0.0.1 " / "any", iproute2's tnl_print_endpoint */
void tnl_print_endpoint(const char *name, struct nlattr *a, int family);
/* "encap fou encap-sport auto …", iproute2's tnl_print_encap */
void tnl_print_encap(struct nlattr **tb, int type, int flags, int sport,
		     int dport);

/* the protocol of a tunnel mode word (ipip, sit, ip6tnl) */
int link_tunnel_mode(const char *w);
/* the GRE printers' shared parts (cmds/link_gre.c): keys, sequence and
 * checksum flags; ERSPAN fields and the encapsulation */
void link_gre_print_common(struct nlattr **tb);
void link_gre_print_erspan(struct nlattr **tb);
/* hoplimit, encaplimit, tclass, flowlabel, dscp of an IPv6 tunnel
 * (cmds/link_gre6.c) */
void link_ip6_tunnel_print(struct nlattr **tb, int ttl_attr, int elim_attr,
			   int flowinfo_attr, uint32_t flags);

/* the kinds (one file each) */
#define KIND(k) extern const struct link_kind k##_kind;
#include "link_kinds.h"
#undef KIND

#endif
