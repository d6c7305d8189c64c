/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * import.h - other tools' labs as .nsh labs (shell/import.c, the Kathara
 * reader; shell/import_clab.c, containerlab's).  The lab is written to
 * standard output; what cannot be mapped is listed on standard error.
 */
#ifndef NSH_IMPORT_H
#define NSH_IMPORT_H

/* `nsh --import KIND PATH`: 0, 1 when PATH cannot be read, 2 bad KIND */
int import_run(const char *kind, const char *path);
int import_clab(const char *file);

/* a line run inside a device may use this program (nsh's own commands
 * and a few plain ones); others belong to the device's image */
bool import_program_ok(const char *word);
/* a link name of at most 15 bytes for A followed by B */
void import_ifname(char *buf, size_t len, const char *a, const char *b);
/* say (stderr) and write (a comment) that TEXT at FILE:LINE (or FILE,
 * LINE 0) was not imported, and why; counts it in *COUNT */
void import_skip(int *count, const char *file, int line, const char *text,
		 const char *why);

#endif
