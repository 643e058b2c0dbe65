/*
 * vb_align.c
 *		The source word index, seeding, and word alignment.
 */
#include "vb_align.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "vb_runtime.h"
#include "vb_sort.h"

/* A word more frequent than this does not seed a location on its own. */
#define MAX_SEED_OCCURRENCES 256
/* Candidate locations aligned in full. */
#define MAX_CANDIDATES 3
/* DP cells allowed for one alignment; larger windows are narrowed. */
#define MAX_DP_CELLS (4 * 1024 * 1024)

#define SCORE_MATCH 2
#define SCORE_MISMATCH (-2)
#define SCORE_GAP (-1)

static void IndexSource(VbSource *source);

void
vb_source_prepare(const char *text, size_t len, VbSource *source)
{
	memset(source, 0, sizeof(*source));
	source->text = text;
	source->length = len;
	vb_tokenize(text, len, &source->tokens);
	IndexSource(source);
}

/*
 * Only the given byte ranges of the text, in order and not overlapping,
 * are read; their words are indexed as if the rest were not there.
 * Offsets stay offsets into the whole text.
 */
void
vb_source_prepare_ranges(const char *text, size_t len, const VbSlice *ranges,
						 int nranges, VbSource *source)
{
	VbTokens   *all = &source->tokens;
	int			r;

	memset(source, 0, sizeof(*source));
	source->text = text;
	source->length = len;
	for (r = 0; r < nranges; r++)
	{
		VbTokens	part;
		int			i;

		vb_tokenize(text + ranges[r].start, ranges[r].end - ranges[r].start, &part);
		if (all->count + part.count > all->capacity)
		{
			all->capacity = (all->count + part.count) * 2 + 16;
			all->items = vb_grow(all->items, sizeof(VbToken) * all->capacity);
		}
		if (all->pool_length + part.pool_length > all->pool_capacity)
		{
			all->pool_capacity = (all->pool_length + part.pool_length) * 2 + 64;
			all->pool = vb_grow(all->pool, all->pool_capacity);
		}
		if (part.pool_length > 0)
			memcpy(all->pool + all->pool_length, part.pool, part.pool_length);
		for (i = 0; i < part.count; i++)
		{
			VbToken    *t = &all->items[all->count++];

			*t = part.items[i];
			t->start += ranges[r].start;
			t->end += ranges[r].start;
			t->folded += (uint32_t) all->pool_length;
		}
		all->pool_length += part.pool_length;
		vb_tokens_free(&part);
	}
	IndexSource(source);
}

/* Make the table hold this many slots at most half full. */
static void
ReserveTable(VbSource *source, int slots)
{
	uint32_t	size = source->table != NULL ? source->table_mask + 1 : 16;
	int			i;

	if (source->table != NULL && (uint32_t) slots * 2 <= size)
		return;
	while ((uint32_t) slots * 2 > size)
		size <<= 1;
	vb_free(source->table);
	source->table = vb_alloc(sizeof(int) * size);
	memset(source->table, 0xFF, sizeof(int) * size);	/* -1: empty */
	source->table_mask = size - 1;
	for (i = 0; i < source->slot_count; i++)
	{
		uint32_t	t = source->slots[i].hash & source->table_mask;

		while (source->table[t] >= 0)
			t = (t + 1) & source->table_mask;
		source->table[t] = i;
	}
}

static void
IndexSource(VbSource *source)
{
	int			i;

	source->words = vb_alloc(sizeof(int) * (source->tokens.count + 1));
	for (i = 0; i < source->tokens.count; i++)
		if (source->tokens.items[i].kind == VB_TOKEN_WORD)
			source->words[source->word_count++] = i;
	source->next = vb_alloc(sizeof(int) * (source->word_count + 1));
	source->word_slot = vb_alloc(sizeof(int) * (source->word_count + 1));

	/*
	 * Sized for an article's vocabulary up front, so that the usual text
	 * never rehashes; a long text grows the table as its vocabulary does.
	 */
	source->slot_capacity = source->word_count < 4096 ? source->word_count + 1 : 4096;
	source->slots = vb_alloc(sizeof(VbIndexSlot) * source->slot_capacity);
	source->table = NULL;
	ReserveTable(source, source->slot_capacity);

	for (i = 0; i < source->word_count; i++)
	{
		int			t = source->words[i];
		uint32_t	h = source->tokens.items[t].hash;
		uint32_t	s = h & source->table_mask;

		if ((i & 65535) == 65535)
			vb_check_interrupts();
		for (;;)
		{
			int			slot_number = source->table[s];
			VbIndexSlot *slot;

			if (slot_number < 0)
			{
				/* a new word */
				if (source->slot_count == source->slot_capacity)
				{
					source->slot_capacity *= 2;
					source->slots = vb_grow(source->slots,
											sizeof(VbIndexSlot) * source->slot_capacity);
				}
				slot_number = source->slot_count++;
				slot = &source->slots[slot_number];
				slot->hash = h;
				slot->first = slot->last = i;
				slot->count = 1;
				source->table[s] = slot_number;
				source->word_slot[i] = slot_number;
				ReserveTable(source, source->slot_count + 1);
				break;
			}
			slot = &source->slots[slot_number];
			if (slot->hash == h &&
				vb_same_word(&source->tokens, source->words[slot->first],
							 &source->tokens, t))
			{
				source->next[slot->last] = i;
				slot->last = i;
				slot->count++;
				source->word_slot[i] = slot_number;
				break;
			}
			s = (s + 1) & source->table_mask;
		}
		source->next[i] = -1;
	}
}

void
vb_source_free(VbSource *source)
{
	vb_tokens_free(&source->tokens);
	vb_free(source->words);
	vb_free(source->next);
	vb_free(source->word_slot);
	vb_free(source->slots);
	vb_free(source->table);
	memset(source, 0, sizeof(*source));
}

int
vb_source_lookup(const VbSource *source, const VbTokens *quote, int qt)
{
	uint32_t	h = quote->items[qt].hash;
	uint32_t	s;

	if (source->word_count == 0)
		return -1;
	for (s = h & source->table_mask;; s = (s + 1) & source->table_mask)
	{
		int			slot_number = source->table[s];
		const VbIndexSlot *slot;

		if (slot_number < 0)
			return -1;
		slot = &source->slots[slot_number];
		if (slot->hash == h &&
			vb_same_word(&source->tokens, source->words[slot->first], quote, qt))
			return slot_number;
	}
}

/*
 * Words compare by index slot: equal words share one, so a comparison in
 * the alignment's inner loop is one integer test.  A quote word absent from
 * the source has slot -1 and equals nothing.
 */
static inline bool
SameAt(const VbSource *source, int source_word, int quote_slot)
{
	return quote_slot >= 0 && source_word >= 0 && source_word < source->word_count &&
		source->word_slot[source_word] == quote_slot;
}

/*
 * A seed is a source word where a quote word (or a pair of them) is found,
 * and its diagonal, source word minus quote word.  Seeds are kept packed
 * into one key that orders them by diagonal, then by source word: the
 * diagonal's sign bit flipped above the source word.
 */
typedef uint64_t Seed;

static inline Seed
MakeSeed(int diagonal, int source_word)
{
	return ((uint64_t) ((uint32_t) diagonal ^ 0x80000000u) << 32) | (uint32_t) source_word;
}

static inline int
SeedDiagonal(Seed seed)
{
	return (int) (int32_t) ((uint32_t) (seed >> 32) ^ 0x80000000u);
}

typedef struct Band
{
	int			votes;
	int			diagonal;		/* the lowest of its seeds */
	int			last_diagonal;	/* the highest */
} Band;

/*
 * Seeds: for each adjacent pair of quote words found next to each other in
 * the source, enumerate the occurrences of the rarer word.  Pairs whose
 * words are both frequent are skipped; when no pair seeds, single rare
 * words do.
 */
static int
CollectSeeds(const VbSource *source, const int *slot_of, int n, Seed **out)
{
	int			capacity = 64;
	int			count = 0;
	Seed	   *seeds = vb_alloc(sizeof(Seed) * capacity);
	int			k;
	int			pass;

	for (pass = 0; pass < 2 && count == 0; pass++)
	{
		for (k = 0; k < n; k++)
		{
			int			a = slot_of[k];
			int			b = k + 1 < n ? slot_of[k + 1] : -1;
			int			use;
			int			offset;
			int			i;

			if (pass == 0)
			{
				if (a < 0 || b < 0)
					continue;
				use = source->slots[a].count <= source->slots[b].count ? a : b;
				offset = use == a ? 0 : 1;
			}
			else
			{
				if (a < 0)
					continue;
				use = a;
				offset = 0;
			}
			if (source->slots[use].count > MAX_SEED_OCCURRENCES)
				continue;
			for (i = source->slots[use].first; i >= 0; i = source->next[i])
			{
				int			start = i - offset;

				if (pass == 0 && !(SameAt(source, start, slot_of[k]) &&
								   SameAt(source, start + 1, slot_of[k + 1])))
					continue;
				if (count == capacity)
				{
					capacity *= 2;
					seeds = vb_grow(seeds, sizeof(Seed) * capacity);
				}
				seeds[count++] = MakeSeed(start - k, start);
			}
		}
	}
	*out = seeds;
	return count;
}

static inline int
BandRank(const Band *band, int after)
{
	return band->votes * 2 + (band->diagonal >= after);
}

/* Cluster seeds by diagonal (allowing drift from gaps) into bands. */
static int
BestBands(Seed *seeds, int nseeds, int n, int after, Band *bands)
{
	int			nbands = 0;
	int			drift = n / 4 + 3;
	int			i = 0;

	vb_sort_u64(seeds, nseeds);
	while (i < nseeds)
	{
		Band		b;
		int			j = i;

		b.votes = 0;
		b.diagonal = SeedDiagonal(seeds[i]);
		while (j < nseeds && SeedDiagonal(seeds[j]) - b.diagonal <= drift)
		{
			b.votes++;
			b.last_diagonal = SeedDiagonal(seeds[j]);
			j++;
		}
		/*
		 * Keep the MAX_CANDIDATES bands with most votes; of equal votes, a
		 * band from `after` on (where the quote's previous segment ended)
		 * goes before one earlier.
		 */
		if (nbands < MAX_CANDIDATES)
			bands[nbands++] = b;
		else
		{
			int			weakest = 0;
			int			k;

			for (k = 1; k < nbands; k++)
				if (BandRank(&bands[k], after) < BandRank(&bands[weakest], after))
					weakest = k;
			if (BandRank(&b, after) > BandRank(&bands[weakest], after))
				bands[weakest] = b;
		}
		i = j;
	}
	/*
	 * In source order, so that of equal candidates the earliest passage
	 * wins, whichever others were found.
	 */
	for (i = 1; i < nbands; i++)
	{
		Band		b = bands[i];
		int			k = i;

		for (; k > 0 && bands[k - 1].diagonal > b.diagonal; k--)
			bands[k] = bands[k - 1];
		bands[k] = b;
	}
	return nbands;
}

/*
 * Semi-global DP of quote words against source words [from, to), for an
 * alignment scoring at least floor (some alignment is known to).  Only
 * the moves are kept for the traceback; scores need the previous row
 * alone.  The window's words are read once into their index slots, so a
 * cell compares two integers (a quote word absent from the source has
 * slot -1, which no source word has).
 *
 * A cell whose score plus the most the quote words still to come can add
 * is below floor lies on no alignment that reaches it: it is dead, and so is
 * every cell whose best way in passes through it.  Each row is computed
 * only from the first live cell of the row above to where the cells die
 * again, so a quote that its source nearly reproduces costs a band around
 * its diagonal, not the whole window.  Live cells keep their exact scores
 * and moves (their best ways in are all live), so the alignment is the one
 * the full table gives; when no alignment reaches floor the score is
 * DEAD_SCORE.
 */
#define DEAD_SCORE (INT_MIN / 4)

static void
AlignWindow(const VbSource *source, const int *slot_of, int n, int from, int to,
			int floor, VbAlignment *out)
{
	int			width = to - from;
	int		   *above;
	int		   *row;
	int		   *window_slot;
	int			left;
	uint8_t    *move;
	int			i;
	int			j;
	int			best_j = 0;
	int			count = 0;
	int			run = 0;
	int			lo = 0;			/* live cells of the row above */
	int			hi;
	int		   *gain;
	VbOp	   *ops;

	memset(out, 0, sizeof(*out));
	out->first_source = out->last_source = -1;
	if ((long) (n + 1) * (width + 1) > MAX_DP_CELLS)
		width = (int) (MAX_DP_CELLS / (n + 1)) - 1;
	if (width < 0)
		width = 0;
	to = from + width;
	hi = width;

	above = vb_alloc(sizeof(int) * (width + 2) * 2);
	row = above + width + 2;
	window_slot = vb_alloc(sizeof(int) * (width + 1));
	for (j = 1; j <= width; j++)
		window_slot[j] = source->word_slot[from + j - 1];
	move = vb_alloc((size_t) (n + 1) * (width + 1));
#define CELL(a, b) ((size_t) (a) * (width + 1) + (b))
	for (j = 0; j <= width; j++)
	{
		above[j] = 0;
		move[CELL(0, j)] = 3;	/* free start in the source */
	}

	/*
	 * gain[i]: the most the quote words after the first i can still add,
	 * a match for each that occurs in the window at all and an insertion
	 * for each that does not (a word too frequent to look up counts as
	 * occurring).
	 */
	gain = vb_alloc(sizeof(int) * (n + 1));
	gain[n] = 0;
	for (i = n - 1; i >= 0; i--)
	{
		const VbIndexSlot *slot = slot_of[i] >= 0 ? &source->slots[slot_of[i]] : NULL;
		bool		occurs = false;

		if (slot != NULL && slot->count > MAX_SEED_OCCURRENCES)
			occurs = true;
		else if (slot != NULL && slot->last >= from && slot->first < to)
		{
			int			o;

			for (o = slot->first; o >= 0 && o < from; o = source->next[o])
				;
			occurs = o >= 0 && o < to;
		}
		gain[i] = gain[i + 1] + (occurs ? SCORE_MATCH : SCORE_GAP);
	}
	for (i = 1; i <= n; i++)
	{
		int			quote_slot = slot_of[i - 1];
		uint8_t    *moves = move + CELL(i, 0);
		int			bound = floor - gain[i];
		int			first = -1;
		int			last = -1;
		int			end = hi + 1 < width ? hi + 1 : width;
		int		   *swap;

		if ((i & 63) == 0)
			vb_check_interrupts();
		/* the row above is read one cell either side of its live cells */
		if (lo > 0)
			above[lo - 1] = DEAD_SCORE;
		above[hi + 1] = DEAD_SCORE;
		row[0] = lo == 0 && i * SCORE_GAP >= bound ? i * SCORE_GAP : DEAD_SCORE;
		moves[0] = 1;
		if (row[0] != DEAD_SCORE)
			first = last = 0;
		left = lo <= 1 ? row[0] : DEAD_SCORE;

		/*
		 * Written without branches (the choices compile to conditional
		 * moves): which move wins is data, and mispredicted branches
		 * would cost more than the cell.
		 */
		for (j = lo < 1 ? 1 : lo; j <= end; j++)
		{
			int			same = window_slot[j] == quote_slot;
			int			diagonal = above[j - 1] + (same ? SCORE_MATCH : SCORE_MISMATCH);
			int			up = above[j] + SCORE_GAP;	/* insert */
			/* on a tie, an added word reads better than a substitution */
			int			take_up = (up > diagonal) | ((up == diagonal) & !same);
			int			s = take_up ? up : diagonal;
			int			m = take_up ? 1 : (same ? 0 : 4);
			int			take_left = left + SCORE_GAP > s;	/* delete */
			int			live;

			s = take_left ? left + SCORE_GAP : s;
			m = take_left ? 2 : m;
			live = s >= bound;
			s = live ? s : DEAD_SCORE;
			first = (first < 0 && live) ? j : first;
			last = live ? j : last;
			row[j] = s;
			moves[j] = (uint8_t) m;
			left = s;
		}
		/* past the row above's live cells only deletions lead on */
		for (; j <= width && left != DEAD_SCORE && left + SCORE_GAP >= bound; j++)
		{
			left += SCORE_GAP;
			row[j] = left;
			moves[j] = 2;
			last = j;
		}
		swap = above;
		above = row;
		row = swap;
		if (first < 0)
			break;				/* nothing reaches floor */
		lo = first;
		hi = last;
	}
	if (i <= n)
		out->score = DEAD_SCORE;
	else
	{
		/* above now holds the last row */
		for (j = lo < 1 ? 1 : lo; j <= hi; j++)
			if (above[j] > above[best_j])
				best_j = j;
		out->score = above[best_j];
	}
	vb_free(above < row ? above : row);
	vb_free(window_slot);
	vb_free(gain);

	ops = vb_alloc(sizeof(VbOp) * (n + width + 1));
	i = n;
	j = best_j;
	while (i > 0)
	{
		uint8_t		m = move[CELL(i, j)];
		VbOp	   *op = &ops[count++];

		if (j == 0)
			m = 1;
		if (m == 0 || m == 4)
		{
			op->kind = m == 0 ? VB_OP_EQUAL : VB_OP_SUBSTITUTE;
			op->quote_word = i - 1;
			op->source_word = from + j - 1;
			i--;
			j--;
		}
		else if (m == 1)
		{
			op->kind = VB_OP_INSERT;
			op->quote_word = i - 1;
			op->source_word = -1;
			i--;
		}
		else
		{
			op->kind = VB_OP_DELETE;
			op->quote_word = -1;
			op->source_word = from + j - 1;
			j--;
		}
	}
#undef CELL
	vb_free(move);

	/* reverse into quote order, and gather the figures */
	for (i = 0; i < count / 2; i++)
	{
		VbOp		tmp = ops[i];

		ops[i] = ops[count - 1 - i];
		ops[count - 1 - i] = tmp;
	}
	out->ops = ops;
	out->count = count;
	for (i = 0; i < count; i++)
	{
		if (ops[i].source_word >= 0)
		{
			if (out->first_source < 0)
				out->first_source = ops[i].source_word;
			out->last_source = ops[i].source_word;
		}
		if (ops[i].kind == VB_OP_EQUAL)
		{
			out->equal++;
			if (++run > out->longest_run)
				out->longest_run = run;
		}
		else
			run = 0;
	}
	/* a source word matched by nothing at either end is not covered */
	while (out->count > 0 && out->ops[out->count - 1].kind == VB_OP_DELETE)
		out->count--;
}

void
vb_quote_slots(const VbSource *source, const VbTokens *quote, const int *qwords,
			   int n, int *slots)
{
	int			k;

	for (k = 0; k < n; k++)
		slots[k] = vb_source_lookup(source, quote, qwords[k]);
}

/*
 * The common case, a faithful quote: every word in place on one diagonal.
 * Then the alignment is known without dynamic programming.
 */
static bool
AlignedVerbatim(const VbSource *source, const int *slot_of, int n, int start,
				VbAlignment *out)
{
	int			k;

	if (start < 0 || start + n > source->word_count)
		return false;
	for (k = 0; k < n; k++)
		if (!SameAt(source, start + k, slot_of[k]))
			return false;
	if (out == NULL)
		return true;			/* only asked whether it is */
	memset(out, 0, sizeof(*out));
	out->ops = vb_alloc(sizeof(VbOp) * (n + 1));
	for (k = 0; k < n; k++)
	{
		out->ops[k].kind = VB_OP_EQUAL;
		out->ops[k].quote_word = k;
		out->ops[k].source_word = start + k;
	}
	out->count = n;
	out->equal = n;
	out->longest_run = n;
	out->first_source = start;
	out->last_source = start + n - 1;
	out->score = n * SCORE_MATCH;
	return true;
}

/*
 * The quote's words by slot, so that the quote positions of a source word
 * are found by binary search: each a key, the slot above the position.
 */
#define QUOTE_POSITION(slot, word) (((uint64_t) (uint32_t) (slot) << 32) | (uint32_t) (word))
#define QUOTE_POSITION_SLOT(key) ((int) ((key) >> 32))
#define QUOTE_POSITION_WORD(key) ((int) (uint32_t) (key))

/*
 * The best score an alignment inside [from, to) could reach.  Each quote
 * word is equal, substituted (-2) or inserted (-1), and the equal ones are
 * a common subsequence of quote and window, so the score is at most
 * 3 * LCS - n.  The LCS comes from the matching (word, source word) pairs
 * alone, as the longest increasing run of quote positions taken in source
 * order (Hunt and Szymanski): the window is read once and the cost is the
 * number of matches, far below the n * width cells of the alignment.
 */
static int
ScoreBound(const VbSource *source, const uint64_t *by_slot, int n_found, int n,
		   int from, int to, int *tails)
{
	int			length = 0;
	int			j;

	for (j = from; j < to; j++)
	{
		int			slot = source->word_slot[j];
		int			lo = 0;
		int			hi = n_found;
		int			k;

		while (lo < hi)
		{
			int			mid = (lo + hi) / 2;

			if (QUOTE_POSITION_SLOT(by_slot[mid]) < slot)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (k = lo; k < n_found && QUOTE_POSITION_SLOT(by_slot[k]) == slot; k++)
			;
		/* this source word's quote positions, last first: one match each */
		while (--k >= lo)
		{
			int			word = QUOTE_POSITION_WORD(by_slot[k]);
			int			a = 0;
			int			z = length;

			while (a < z)
			{
				int			mid = (a + z) / 2;

				if (tails[mid] < word)
					a = mid + 1;
				else
					z = mid;
			}
			tails[a] = word;
			if (a == length)
				length++;
		}
	}
	return 3 * length - n;
}

/*
 * The score of an alignment that is sure to exist inside [from, to): the
 * quote placed on one diagonal for the stretch of words that pays most
 * (a match +2, a substitution -2), every other word inserted.  Kadane's
 * scan over the diagonal gives that stretch.
 */
static int
DiagonalScore(const VbSource *source, const int *slot_of, int n, int diagonal,
			  int from, int to)
{
	int			best = 0;
	int			current = 0;
	int			k;

	for (k = 0; k < n; k++)
	{
		int			p = diagonal + k;
		int			gain = p >= from && p < to && SameAt(source, p, slot_of[k]) ?
			SCORE_MATCH - SCORE_GAP : SCORE_MISMATCH - SCORE_GAP;

		if (p < from || p >= to)
		{
			current = 0;		/* the stretch must stay inside the window */
			continue;
		}
		current = current + gain > 0 ? current + gain : 0;
		if (current > best)
			best = current;
	}
	/* every word inserted (-1), then each word of the stretch gains as said */
	return n * SCORE_GAP + best;
}

/*
 * Of two bands whose alignments score the same, which is taken: the first
 * from `after` on, else the first.
 */
static bool
Preferred(const Band *bands, int candidate, int best, int after)
{
	bool		candidate_after = bands[candidate].diagonal >= after;
	bool		best_after = bands[best].diagonal >= after;

	if (candidate_after != best_after)
		return candidate_after;
	return candidate < best;
}

/*
 * The candidate bands, each aligned inside a window around it; the best
 * score wins, and of equal scores the first band from `after` on (where
 * the quote's previous segment ended, so that the segments of an elided
 * quote are read in order), else the first.  A band that reproduces the
 * quote word for word ends the search.  Bands are aligned from the most
 * promising down, and one whose bound cannot beat the best so far is not
 * aligned: the result is the same as aligning every band in turn.
 */
void
vb_align(const VbSource *source, const int *slot_of, int n, int after,
		 VbAlignment *out)
{
	Seed	   *seeds;
	int			nseeds = CollectSeeds(source, slot_of, n, &seeds);
	Band		bands[MAX_CANDIDATES];
	int			nbands = BestBands(seeds, nseeds, n, after, bands);
	int			verbatim = -1;
	int			from[MAX_CANDIDATES];
	int			to[MAX_CANDIDATES];
	int			bound[MAX_CANDIDATES];
	int			known[MAX_CANDIDATES];
	bool		done[MAX_CANDIDATES];
	int			best_band = -1;
	uint64_t   *by_slot;
	int		   *tails;
	int			n_found = 0;
	int			b_last;
	int			b;

	vb_free(seeds);
	memset(out, 0, sizeof(*out));
	out->first_source = out->last_source = -1;
	out->score = INT_MIN;
	for (b = 0; b < nbands; b++)
	{
		int			slack = n / 2 + 4;

		/* a band word for word scores highest: the first from after on */
		if (bands[b].votes >= n - 1 &&
			(verbatim < 0 || (bands[verbatim].diagonal < after &&
							  bands[b].diagonal >= after)) &&
			AlignedVerbatim(source, slot_of, n, bands[b].diagonal, NULL))
			verbatim = b;
		/*
		 * The quote lies between its lowest diagonal and its highest plus
		 * its length; the slack on either side takes in the source words it
		 * leaves out and the words of its own it adds.
		 */
		from[b] = bands[b].diagonal - slack;
		to[b] = bands[b].last_diagonal + n + slack;
		if (from[b] < 0)
			from[b] = 0;
		if (to[b] > source->word_count)
			to[b] = source->word_count;
		known[b] = DiagonalScore(source, slot_of, n, bands[b].diagonal, from[b], to[b]);
		b_last = DiagonalScore(source, slot_of, n, bands[b].last_diagonal, from[b], to[b]);
		if (b_last > known[b])
			known[b] = b_last;
		done[b] = false;
	}
	if (verbatim >= 0)
	{
		AlignedVerbatim(source, slot_of, n, bands[verbatim].diagonal, out);
		return;
	}
	by_slot = vb_alloc(sizeof(uint64_t) * (n + 1));
	tails = vb_alloc(sizeof(int) * (n + 1));
	for (b = 0; b < n; b++)
		if (slot_of[b] >= 0)
			by_slot[n_found++] = QUOTE_POSITION(slot_of[b], b);
	vb_sort_u64(by_slot, n_found);
	for (b = 0; b < nbands; b++)
		bound[b] = ScoreBound(source, by_slot, n_found, n, from[b], to[b], tails);
	vb_free(by_slot);
	vb_free(tails);
	for (;;)
	{
		VbAlignment candidate;
		int			next = -1;

		for (b = 0; b < nbands; b++)
			if (!done[b] && (next < 0 || bound[b] > bound[next]))
				next = b;
		if (next < 0 || bound[next] < out->score ||
			(bound[next] == out->score && !Preferred(bands, next, best_band, after)))
			break;
		done[next] = true;
		AlignWindow(source, slot_of, n, from[next], to[next],
					out->score > known[next] ? out->score : known[next], &candidate);
		if (candidate.score > out->score ||
			(candidate.score == out->score && Preferred(bands, next, best_band, after)))
		{
			vb_alignment_free(out);
			*out = candidate;
			best_band = next;
		}
		else
			vb_alignment_free(&candidate);
	}
	if (out->score == INT_MIN)
		out->score = n * SCORE_GAP;
}

void
vb_alignment_free(VbAlignment *alignment)
{
	vb_free(alignment->ops);
	alignment->ops = NULL;
	alignment->count = 0;
}

int
vb_longest_run_at(const VbSource *source, const int *slot_of, int n, int k,
				  int *source_word)
{
	int			slot = slot_of[k];
	int			offset = 0;
	int			best = 0;
	int			i;

	*source_word = -1;
	if (slot < 0)
		return 0;

	/*
	 * Enumerate the rarer of this word and the next; a run starting with a
	 * word as common as "the" is found through its second word.
	 */
	if (k + 1 < n && slot_of[k + 1] >= 0 &&
		source->slots[slot_of[k + 1]].count < source->slots[slot].count)
	{
		slot = slot_of[k + 1];
		offset = 1;
	}
	if (source->slots[slot].count > MAX_SEED_OCCURRENCES)
		return 0;
	for (i = source->slots[slot].first; i >= 0; i = source->next[i])
	{
		int			start = i - offset;
		int			len = 0;

		while (k + len < n && SameAt(source, start + len, slot_of[k + len]))
			len++;
		if (len > best)
		{
			best = len;
			*source_word = start;
		}
	}
	return best;
}
