/*
 * verbatim.h
 *		Declarations shared by the PostgreSQL glue of verbatim.
 *
 * The glue is thin: it checks what PostgreSQL hands it, calls the text core
 * (vb_*.h, which knows nothing of PostgreSQL) and turns the core's results
 * into SQL values.
 */
#ifndef VERBATIM_H
#define VERBATIM_H

#include "postgres.h"

/* Every entry point that reads article text calls this first. */
extern void VerbatimRequireUtf8(void);

/* Report a can't-happen failure of the text core. */
extern void VerbatimCoreFailure(const char *what, const char *message) pg_attribute_noreturn();

#endif							/* VERBATIM_H */
