/*
 * vb_sort.h
 *		Sorting 64-bit keys in place.
 *
 * A check sorts a few short arrays (seeds by diagonal, occurrences by
 * position); the C library's qsort compares through a function pointer and
 * costs more than the comparisons themselves there.  Callers pack what
 * they sort into one unsigned key whose order is the order they want, so
 * equal keys are equal records and the result is the same whatever the
 * algorithm.  Introsort: quicksort on the median of three, heapsort past a
 * depth of 2 log n (so no input is quadratic), insertion sort for short
 * runs.
 */
#ifndef VB_SORT_H
#define VB_SORT_H

#include <stddef.h>
#include <stdint.h>

static inline void
vb_sort_insertion_u64(uint64_t *a, size_t n)
{
	size_t		i;

	for (i = 1; i < n; i++)
	{
		uint64_t	v = a[i];
		size_t		j = i;

		while (j > 0 && a[j - 1] > v)
		{
			a[j] = a[j - 1];
			j--;
		}
		a[j] = v;
	}
}

static inline void
vb_sort_sift_u64(uint64_t *a, size_t root, size_t n)
{
	uint64_t	v = a[root];

	for (;;)
	{
		size_t		child = 2 * root + 1;

		if (child >= n)
			break;
		if (child + 1 < n && a[child + 1] > a[child])
			child++;
		if (a[child] <= v)
			break;
		a[root] = a[child];
		root = child;
	}
	a[root] = v;
}

static inline void
vb_sort_heap_u64(uint64_t *a, size_t n)
{
	size_t		i;

	for (i = n / 2; i-- > 0;)
		vb_sort_sift_u64(a, i, n);
	for (i = n; i-- > 1;)
	{
		uint64_t	top = a[0];

		a[0] = a[i];
		a[i] = top;
		vb_sort_sift_u64(a, 0, i);
	}
}

static inline void
vb_sort_u64(uint64_t *a, size_t n)
{
	int			depth = 0;
	size_t		m;

	for (m = n; m > 1; m >>= 1)
		depth += 2;
	/* the larger side is looped on, the smaller recursed into */
	while (n > 16)
	{
		uint64_t	x = a[0];
		uint64_t	y = a[n / 2];
		uint64_t	z = a[n - 1];
		uint64_t	pivot = x < y ? (y < z ? y : (x < z ? z : x)) : (x < z ? x : (y < z ? z : y));
		size_t		lo = 0;
		size_t		hi = n - 1;

		if (depth-- == 0)
		{
			vb_sort_heap_u64(a, n);
			return;
		}
		/* Hoare partition: [0, lo) <= pivot <= [hi + 1, n) */
		for (;;)
		{
			uint64_t	t;

			while (a[lo] < pivot)
				lo++;
			while (a[hi] > pivot)
				hi--;
			if (lo >= hi)
				break;
			t = a[lo];
			a[lo] = a[hi];
			a[hi] = t;
			lo++;
			hi--;
		}
		if (hi + 1 < n - hi - 1)
		{
			vb_sort_u64(a, hi + 1);
			a += hi + 1;
			n -= hi + 1;
		}
		else
		{
			vb_sort_u64(a + hi + 1, n - hi - 1);
			n = hi + 1;
		}
	}
	vb_sort_insertion_u64(a, n);
}

#endif							/* VB_SORT_H */
