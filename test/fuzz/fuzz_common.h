/*
 * fuzz_common.h
 *		Helpers shared by the libFuzzer harnesses of the text core.
 *
 * A broken invariant must stop the run where it happened, with a message
 * that names the invariant: libFuzzer then keeps the input as a crash
 * artifact and prints the stack.  abort() rather than an assertion, so
 * that the checks stay on whatever NDEBUG says.
 */
#ifndef FUZZ_COMMON_H
#define FUZZ_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vb_check.h"
#include "vb_normalize.h"

/* Print "<harness>: invariant broken: <message>" on stderr and abort. */
extern void FuzzFail(const char *fmt,...)
			__attribute__((noreturn, format(printf, 1, 2)));

#define FUZZ_ASSERT(cond, ...) \
	do { \
		if (!(cond)) \
			FuzzFail(__VA_ARGS__); \
	} while (0)

/* Strict UTF-8 (no overlongs, surrogates or values past U+10FFFF). */
extern bool FuzzValidUtf8(const char *s, size_t len);

/*
 * The invariants vb_normalize.h and vb_normalize.c promise of a
 * tokenization of text[0, len): tokens in order, not overlapping, inside
 * the text; folded forms back to back in the pool, valid UTF-8; flags and
 * hashes only where they mean something.  whole: the tokens are of the
 * whole text in one call, not of ranges of it (a windowed source), and then
 * a word is editorial exactly when the last bracket token before it opens.
 */
extern void FuzzCheckTokens(const char *text, size_t len, const VbTokens *t,
							bool whole, const char *what);

/* Two tokenizations equal in every field (offsets shifted by delta). */
extern bool FuzzSameTokens(const VbTokens *a, const VbTokens *b);

/*
 * A prepared source: its tokens are those of text (whole) or of ranges of
 * it, and words[] lists exactly its word tokens, in order.
 */
extern void FuzzCheckSource(const VbSource *source, bool whole, const char *what);

#endif							/* FUZZ_COMMON_H */
