/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * remote.h - the lab's other hosts: one agent (`nsh --agent`) per host,
 * reached over one long-lived connection (one SSH session), spoken to in
 * JSON lines (jsonl.h).
 *
 * The protocol, one object per line:
 *   agent → nsh, once:  {"agent":"nsh","version":V,"host":HOSTNAME,"pid":P}
 *   nsh → agent:        {"id":N,"line":LINE}   run LINE as nsh would
 *                       {"id":N,"lines":[…]}   a batch: each in turn, the
 *                                              first failure ends it
 *                       …,"after_ok":true      (pipelined) run only if the
 *                                              request before succeeded
 *                       …,"tell":true          (--step) with the changes
 *                                              to the host's model
 *                       …,"watch":true|false   (`watch`) with its changes
 *                                              since the last such request
 *                                              (false: and no more)
 *   agent → nsh:        {"id":N,"status":S,"out":OUT,"err":ERR[,"ran":K]
 *                        [,"at":NS][,"told":LINES][,"skipped":true]}
 * Several objects may come in one write either way (a script's pipelined
 * requests, the replies to them).  End of input ends the agent; the lab
 * it made stays (its journal is that host's, for `cleanup`).
 */
#ifndef NSH_REMOTE_H
#define NSH_REMOTE_H

#include <stdbool.h>
#include <sys/types.h>

struct nsh;

enum host_state {
	HOST_DOWN,	/* declared, no agent (not yet, or closed) */
	HOST_UP,
	HOST_LOST,	/* the agent or its connection ended */
	HOST_STARTING,	/* its transport started, the greeting not read */
};

struct nsh_host {
	struct nsh_host *next;
	char name[64];
	char **argv;		/* how the agent is started (ssh …) */
	char target[256];	/* "ssh root@192.0.2.2 port 2222": for show */
	char *decl;		/* the line that declared it (running-config) */
	char hostname[256];	/* what the agent said */
	char version[64];
	long long agent_pid;
	pid_t pid;		/* the transport (ssh) */
	int to, from;		/* its stdin, its stdout */
	int errfd;		/* its stderr (its last word, when lost) */
	int decl_line;		/* the script line that declared it */
	enum host_state state;
	char why[256];		/* HOST_LOST, HOST_DOWN after a failure */
	char via[64];		/* the underlay link (via-underlay IF) */
	char ssh[128];		/* the agent's SSH_CONNECTION, if any */
	char at[300];		/* the namespace its session is in (enter),
				 * as of its last reply; "" at home */
	/* the underlay as the host sees it (cmds/host_link.c learns it) */
	char ul_dev[16], ul_addr[64];
	int ul_mtu;
	char *in;		/* read, not yet a whole line */
	size_t inlen, incap;
	long long next_id;
	unsigned long requests;	/* sent over this connection */
	/* requests sent and not answered yet (a script's lines, pipelined):
	 * their ids and the script lines they came from */
	struct host_pending *pend;
	int npend, cappend;
	bool piped;		/* the last request was sent by host_send */
	bool tell;		/* requests ask for the model's changes too
				 * (--step narrating a step) */
	int watch;		/* 1: the next request asks for the changes
				 * since the last one (`watch`), 2: and
				 * stops collecting them */
	/* host_send's requests not written yet: they go out together (one
	 * write, one SSH packet, one wake-up of the agent for many lines)
	 * at HOST_BATCH bytes or before anything waits for a reply */
	char *outq;
	size_t outn, outcap;
};

struct host_pending {
	long long id;
	int line;
};

/* a request's result */
struct host_reply {
	int status;		/* the line's exit status */
	char *out, *err;	/* its output (NUL-terminated, maybe empty) */
	char *told;		/* (tell) the changes, as --step's lines */
	long long ran;		/* a batch: how many lines ran */
	long long id;		/* the request's */
	bool skipped;		/* not run: an earlier request failed */
};

/* the host NAME of SH's lab, or NULL */
struct nsh_host *host_find(struct nsh *sh, const char *name);
/* a new host NAME started by ARGV (copied), not connected; -EEXIST,
 * -ENOMEM */
int host_add(struct nsh *sh, const char *name, char *const *argv,
	     const char *target, struct nsh_host **out);
/* start the agent and read its greeting within TIMEOUT_MS: 0, or a
 * negative errno (H->why says what happened) */
int host_connect(struct nsh_host *h, int timeout_ms);
/* the same in two halves, so that several hosts connect at once: start
 * the transport (HOST_STARTING), then read the greeting (HOST_UP) */
int host_start(struct nsh_host *h);
int host_greeted(struct nsh_host *h, int timeout_ms);
/* run LINE (or the N LINES of a batch when LINES) on H: 0 and R filled,
 * or a negative errno (-ENOTCONN: H is not up; -ECONNRESET: it was lost,
 * H->why) */
int host_call(struct nsh_host *h, const char *line, char *const *lines,
	      int n, struct host_reply *r);
void host_reply_free(struct host_reply *r);
/* send LINE without waiting for its reply (H->pend gets it, with the
 * script line LINENO); the agent runs it only if the pipelined request
 * before it (if any, since the last host_call) succeeded, as a script
 * stops at its first failure: 0 or a negative errno (as host_call) */
int host_send(struct nsh_host *h, const char *line, int lineno);
/* H's queued requests written (host_send's batch): 0 or -ECONNRESET */
int host_flush(struct nsh_host *h);
/* the reply to H's oldest pending request, waiting up to TIMEOUT_MS (0:
 * only if it is there, -1: as long as it takes): 0 and R, the pending
 * line in *LINENO; -EAGAIN when not there yet; a negative errno */
int host_next_reply(struct nsh_host *h, int timeout_ms,
		    struct host_reply *r, int *lineno);
/* end H's agent (its lab stays) and forget the connection */
void host_close(struct nsh_host *h);
/* forget H (closed first) */
void host_del(struct nsh *sh, struct nsh_host *h);
/* at the session's end: every agent closed, every host forgotten */
void hosts_fini(struct nsh *sh);
/* TAB after PREFIX where a namespace goes: "HOST:" for each host, and
 * after "HOST:" the namespaces of that host (asked of its agent) */
void hosts_complete_ns(struct nsh *sh, const char *prefix,
		       void (*add)(void *, const char *, const char *),
		       void *ctx);
/* the same where a link goes as NS:IF: "HOST:", "HOST:NS:", then after
 * "HOST:NS:" the links of NS there */
void hosts_complete_nsif(struct nsh *sh, const char *prefix,
			 void (*add)(void *, const char *, const char *),
			 void *ctx);
/* "up", "down", "lost" */
const char *host_state_name(enum host_state s);

#endif
