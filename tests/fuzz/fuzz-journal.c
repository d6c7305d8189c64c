/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fuzz-journal.c - the journal reader (shell/lab/journal_parse.c
 * journal_parse(), which `cleanup` runs over every dead session's
 * /run/nsh/PID.journal).
 *
 * The reader's helpers are static: this file includes journal_parse.c
 * itself, so they are in reach by their own names and journal_parse.c is
 * left as it is (its object in libnshcore.a is then not linked: every
 * symbol it defines is defined here).  The input is split in two at the
 * first form feed: two sessions' journals, the second a dead session's,
 * so records that refer across lines and pairs are exercised.  Only
 * parsing: nothing is removed, no file is opened (journal_load, which
 * reads /run/nsh, is not called).
 */
#include "../../shell/lab/journal_parse.c"

#include <stdint.h>

#include "guard.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_guard();
	fuzz_guard_check();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(size + 1);
	struct journal j;
	char *second;
	int s;

	if (!buf)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	second = strchr(buf, '\f');
	if (second)
		*second++ = '\0';
	memset(&j, 0, sizeof(j));
	s = journal_add_session(&j);
	if (s >= 0) {
		j.sess[s].self = true;
		journal_parse(&j, s, buf);
	}
	if (second && (s = journal_add_session(&j)) >= 0)
		journal_parse(&j, s, second);
	for (int i = 0; i < j.n; i++)	/* every record names a session */
		if (j.rec[i].sess < 0 || j.rec[i].sess >= j.nsess)
			abort();
	journal_free(&j);
	free(buf);
	return 0;
}
