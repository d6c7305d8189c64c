/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * journal_priv.h - what the journal's files (journal.c, the writer;
 * journal_parse.c, the reader; journal_load.c, the sessions for cleanup)
 * share and no other file uses.
 */
#ifndef NSH_JOURNAL_PRIV_H
#define NSH_JOURNAL_PRIV_H

#include "nsh.h"

/* journal.c: the text of this session's journal (free it), NULL if none */
char *journal_own_text(void);
/* the journal is kept in memory only (--sandbox) */
bool journal_in_memory(void);
/* this session's start time (proc_starttime) */
unsigned long long journal_start(void);
/* the inode of this process's mount namespace (0: unknown) */
unsigned long long journal_self_mnt(void);
/* what this session made is gone: its journal removed and closed */
void journal_own_remove(void);

/* journal_parse.c: the whole text of FD, read from its start (free it);
 * NULL without memory */
char *journal_read_fd(int fd);
/* one more session in J, zeroed: its index, or -1 */
int journal_add_session(struct journal *j);
/* the journal text BUF (cut up) of session number SESS into J */
void journal_parse(struct journal *j, int sess, char *buf);

#endif
