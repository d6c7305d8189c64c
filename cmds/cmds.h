/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cmds.h - the command families (one file each) and what they share.
 */
#ifndef NSH_CMDS_H
#define NSH_CMDS_H

#include <stdio.h>

#include "nsh.h"

struct nl_cache;
struct nlmsghdr;
struct rtnl_link;

extern const struct nsh_family shell_family;
extern const struct nsh_family netns_family;
extern const struct nsh_family link_family;
extern const struct nsh_family addr_family;
extern const struct nsh_family route_family;
extern const struct nsh_family rule_family;
extern const struct nsh_family bridge_family;
extern const struct nsh_family tc_family;
extern const struct nsh_family sysctl_family;
extern const struct nsh_family batch_family;
extern const struct nsh_family monitor_family;
extern const struct nsh_family show_family;
extern const struct nsh_family spawn_family;
extern const struct nsh_family why_family;
extern const struct nsh_family expect_family;
extern const struct nsh_family config_family;
extern const struct nsh_family cleanup_family;
extern const struct nsh_family neigh_family;
extern const struct nsh_family nexthop_family;
extern const struct nsh_family host_family;
extern const struct nsh_family host_link_family;
/* `HOST: COMMAND…` on a declared host: its status, or -1 (cmds/host.c) */
int host_program(struct nsh *sh, int argc, char **argv);
/* `cleanup` on every host of the lab, a lost one reconnected first; one
 * error line for each host that cannot be reached: 0 or 1 */
int hosts_cleanup(struct nsh *sh, bool dry_run, bool quiet);
/* before each command: the replies the hosts owe (pipelined lines of a
 * script), unless the command is itself a line for a host; ARGC 0: at
 * a script's end.  The first failure's status, or 0 */
int hosts_barrier(struct nsh *sh, int argc, char **argv);
/* a command whose namespace words say HOST:NS (a declared host): run on
 * that host with the words as NS; its status, or -1 when not such a
 * command */
int hosts_remote(struct nsh *sh, int argc, char **argv,
		 const struct nsh_args *a);
/* a live line after `enter HOST:NS`: run there, whole; the context ends
 * when the agent is back home or the host is lost: its status */
int hosts_forward(struct nsh *sh, const char *line);
/* show topology's part for the other hosts: each host's drawing, then the
 * cables between hosts (cmds/host_view.c): 0 or 1 */
int hosts_show_topology(struct nsh *sh);
/* the same for show's tree */
int hosts_show(struct nsh *sh);
/* the running-config's part for the other hosts: their declarations, then
 * each host's running-config as `HOST: LINE` lines: 0 or 1 */
int hosts_running_config(struct nsh *sh, FILE *f);
/* the cables and spanned bridges between hosts, as link and span lines
 * with the cables' addresses (cmds/host_view.c): 0 or 1 */
int hosts_config_cables(struct nsh *sh, FILE *f);
/* show path from HOST:NS (FROM) to TARGET, across a cable to another host
 * if the route leaves by one: its status, or -1 when FROM is no HOST:NS */
int hosts_show_path(struct nsh *sh, const char *from, const char *target,
		    bool json);

/*
 * link_lookup - the link called NAME in SH->cur (a kernel request, not a
 * dump).  On success *RET holds a reference (rtnl_link_put it) and 0 is
 * returned; otherwise "'NAME': no such link in the host namespace" (or the
 * kernel's reason) is reported and 1 returned.
 */
int link_lookup(struct nsh *sh, const char *name, struct rtnl_link **ret);
/* the same in namespace NS; *RET NULL and 0 when QUIET and not found */
int link_lookup_in(struct nsh *sh, const struct nsh_ns *ns, const char *name,
		   bool quiet, struct rtnl_link **ret);

/*
 * link_index - the ifindex of link NAME in SH->cur into *RET, by one
 * SIOCGIFINDEX ioctl on the namespace's netlink socket (no rtnetlink
 * request: for commands that need nothing but the index).  0, or 1 after
 * reporting as link_lookup does.
 */
int link_index(struct nsh *sh, const char *name, int *ret);
/*
 * link_brief - ifindex and flags (IFF_*) of link NAME in SH->cur, by two
 * ioctls: 0; 1 after reporting that NAME does not exist; -1 for anything
 * else.
 */
int link_brief(struct nsh *sh, const char *name, int *ret_index,
	       unsigned *ret_flags);
/* report "'NAME': no such link in <NS>"; returns 1 */
int link_no_such(struct nsh *sh, const struct nsh_ns *ns, const char *name);

/* ip link show (cmds/link_show.c, cmds/link.h) */
/*
 * link_flag_words - the IFF_* FLAGS as iproute2 says them, in its order:
 * NO-CARRIER first (up without IFF_RUNNING), then the names (RUNNING is
 * not said); into WORDS (room for LINK_FLAG_WORDS); how many.  *REST: the
 * bits without a name.
 */
#define LINK_FLAG_WORDS 20
int link_flag_words(unsigned flags, const char **words, unsigned *rest);
/* "<BROADCAST,UP,LOWER_UP> " (a "flags" array in JSON), M-DOWN when MDOWN:
 * ip link's and bridge link's header */
void link_pr_flags(unsigned flags, bool mdown);
/* "UP", "LOWERLAYERDOWN", … for IF_OPER_* ST ("UNKNOWN" when unknown) */
const char *link_operstate_name(unsigned st);

/* the RTM_NEWxxx answers to one RTM_GETxxx dump, copied (cmds/ipr_nl.c) */
struct msg_list {
	struct nlmsghdr **v;
	int n, cap;
	bool oom;
};

/*
 * dump_msgs - send the dump request TYPE (RTM_GETADDR, …) with the header
 * HDR of LEN bytes on SK and collect the answers in *RET (retried when the
 * kernel reports the dump was interrupted by a change).  Returns 0, or 1
 * after reporting "cannot list the WHAT: …".  Free *RET with
 * msg_list_free in either case.
 */
int dump_msgs(struct nsh *sh, struct nl_sock *sk, int type, void *hdr,
	      size_t len, const char *what, struct msg_list *ret);
void msg_list_free(struct msg_list *l);

/*
 * check_once - "dev" and friends given twice are a mistake, not "last one
 * wins": reports "'VALUE': WHAT given twice" and returns 1 when BIND has a
 * second value, else returns 0.
 */
static inline int check_once(struct nsh *sh, const struct nsh_args *a,
			     const char *bind, const char *what)
{
	const struct nsh_val *v = arg_nth(a, bind, 1);

	if (v)
		return nsh_err(sh, "'%s': %s given twice", v->text, what);
	return 0;
}

extern const struct nsh_family mininet_family;
extern const struct nsh_family fail_family;
extern const struct nsh_family capture_family;
extern const struct nsh_family checkpoint_family;

/* cmds/config.c: the lab as a script (show running-config) into F; 0, or
 * 1 after reporting */
int running_config(struct nsh *sh, FILE *f);
/* the same, without the sysctls unless SYSCTLS (cmds/checkpoint.c) */
int config_write(struct nsh *sh, FILE *f, bool with_sysctls);
struct model_ns;
struct model_link;
/* cmds/fail.c: "failed by 'fail link'" when L of NS is down by a fault of
 * this session (FIX: the command undoing it), else NULL */
const char *fail_reason(const struct model_ns *ns, const struct model_link *l,
			char *fix, size_t len);

/* NS:IF, a link of a namespace as one word (cmds/nsif.c) */
struct model;
struct nsif {
	char ns[300];		/* the namespace reference; "" without a ':' */
	const char *ifname;	/* the link's name, in the word */
	bool bare;		/* no ':' at all: IF alone */
};
/* WORD read into *RET: the last ':' splits (link names have none) */
void nsif_read(const char *word, struct nsif *ret);
/* the NSIF placeholder: a namespace reference, ':', a link name, and not
 * an IPv6 or MAC address or a filter's word with brackets or '=' */
int nsif_check(const char *w, struct nsh_val *v, char *eb, size_t el,
	       const char **err);
/* NSIF's completion: "NS:" for each namespace, then NS's links */
void nsif_complete(struct nsh *sh, const char *prefix,
		   void (*add)(void *, const char *, const char *), void *ctx);
/*
 * nsif_find - the link WORD names in M: NS:IF ("host:IF" for the host's
 * when no namespace is called "host"), or with BARE a word without ':' as
 * a link of the namespace nsh is in.  Its namespace into *RET_NS; NULL
 * after reporting "'NS': no such namespace" or "'NS:IF': no such link".
 */
struct model_link *nsif_find(struct nsh *sh, struct model *m,
			     const char *word, bool bare,
			     struct model_ns **ret_ns);

/* `ip netns exec NS …` and `enter NS …`: run ARGV inside NS */
int run_inside(struct nsh *sh, struct nsh_ns *ns, int argc, char **argv);

#endif
