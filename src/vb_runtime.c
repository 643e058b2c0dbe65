/*
 * vb_runtime.c
 *		Default (standalone) memory and interrupt hooks of the text core.
 */
#include "vb_runtime.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *
DefaultAlloc(size_t size)
{
	void	   *p = malloc(size ? size : 1);

	if (p == NULL)
	{
		fprintf(stderr, "verbatim: out of memory allocating %zu bytes\n", size);
		abort();
	}
	return p;
}

static void *
DefaultGrow(void *ptr, size_t size)
{
	void	   *p = realloc(ptr, size ? size : 1);

	if (p == NULL)
	{
		fprintf(stderr, "verbatim: out of memory growing to %zu bytes\n", size);
		abort();
	}
	return p;
}

static VbRuntimeHooks current_hooks = {DefaultAlloc, DefaultGrow, free, NULL};

void		(*vb_check_interrupts_hook) (void) = NULL;

void
vb_set_runtime_hooks(const VbRuntimeHooks *hooks)
{
	current_hooks = *hooks;
	vb_check_interrupts_hook = hooks->check_interrupts;
}

void *
vb_alloc(size_t size)
{
	return current_hooks.alloc(size);
}

void *
vb_alloc0(size_t size)
{
	void	   *p = current_hooks.alloc(size);

	memset(p, 0, size);
	return p;
}

void *
vb_grow(void *ptr, size_t size)
{
	if (ptr == NULL)
		return current_hooks.alloc(size);
	return current_hooks.grow(ptr, size);
}

void
vb_free(void *ptr)
{
	if (ptr != NULL)
		current_hooks.release(ptr);
}

char *
vb_strndup(const char *s, size_t len)
{
	char	   *copy = vb_alloc(len + 1);

	memcpy(copy, s, len);
	copy[len] = '\0';
	return copy;
}
