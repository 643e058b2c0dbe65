/*
 * vb_runtime.h
 *		Memory and interrupt hooks for the plain-C text core.
 *
 * The core never includes PostgreSQL headers, so that it can be fuzzed and
 * benchmarked on its own.  Inside the server it must nevertheless allocate
 * from a memory context (an ERROR raised by an interrupt check longjmps out
 * of the core, and only context-owned memory is reclaimed then) and it must
 * let long loops be cancelled.  The glue installs both hooks once per
 * backend; standalone programs get malloc and a no-op check.
 */
#ifndef VB_RUNTIME_H
#define VB_RUNTIME_H

#include <stddef.h>

typedef struct VbRuntimeHooks
{
	void	   *(*alloc) (size_t size);
	void	   *(*grow) (void *ptr, size_t size);	/* ptr is never NULL */
	void		(*release) (void *ptr);
	void		(*check_interrupts) (void);
} VbRuntimeHooks;

extern void vb_set_runtime_hooks(const VbRuntimeHooks *hooks);

/* Allocation never returns NULL: the hooks abort or raise an error. */
extern void *vb_alloc(size_t size);
extern void *vb_alloc0(size_t size);
extern void *vb_grow(void *ptr, size_t size);
extern void vb_free(void *ptr);
extern char *vb_strndup(const char *s, size_t len);

/*
 * Loops over article text call this every VB_INTERRUPT_STRIDE iterations;
 * cheap enough to sit in the inner loop of a scanner.
 */
#define VB_INTERRUPT_STRIDE 65536
extern void (*vb_check_interrupts_hook) (void);

static inline void
vb_check_interrupts(void)
{
	if (vb_check_interrupts_hook)
		vb_check_interrupts_hook();
}

#endif							/* VB_RUNTIME_H */
