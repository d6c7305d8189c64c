/* SPDX-License-Identifier: GPL-3.0-or-later */
/* record.c - record FILE (being written) */
#include "config.h"

#include "core.h"
