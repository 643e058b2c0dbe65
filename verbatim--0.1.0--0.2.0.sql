/* verbatim--0.1.0--0.2.0.sql */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION verbatim UPDATE TO '0.2.0'" to load this file. \quit

-- 0.2.0: fingerprints of articles and an index on them, to find every
-- reproduction of a quotation without reading every article:
-- verbatim.fingerprint, verbatim.reproductions(), verbatim.origin(); the
-- fidelity report finds secondary sources through the same index.

--------------------------------------------------------------------------
-- The type.  Its functions are IMMUTABLE STRICT PARALLEL SAFE: a value
-- depends on its argument alone.
--------------------------------------------------------------------------

CREATE TYPE verbatim.fingerprint;

CREATE FUNCTION verbatim.fingerprint_in(cstring)
RETURNS verbatim.fingerprint
AS 'MODULE_PATHNAME', 'verbatim_fingerprint_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION verbatim.fingerprint_out(verbatim.fingerprint)
RETURNS cstring
AS 'MODULE_PATHNAME', 'verbatim_fingerprint_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION verbatim.fingerprint_recv(internal)
RETURNS verbatim.fingerprint
AS 'MODULE_PATHNAME', 'verbatim_fingerprint_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION verbatim.fingerprint_send(verbatim.fingerprint)
RETURNS bytea
AS 'MODULE_PATHNAME', 'verbatim_fingerprint_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- EXTERNAL storage: the hashes are random bits, compressing them is
-- wasted work.
CREATE TYPE verbatim.fingerprint (
    INPUT = verbatim.fingerprint_in,
    OUTPUT = verbatim.fingerprint_out,
    RECEIVE = verbatim.fingerprint_recv,
    SEND = verbatim.fingerprint_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = int4,
    STORAGE = external
);

COMMENT ON TYPE verbatim.fingerprint IS
'Winnowed hashes of the three-word shingles of a normalised text: two texts sharing six consecutive words share a hash';

CREATE FUNCTION verbatim.fingerprint_of(body text)
RETURNS verbatim.fingerprint
AS 'MODULE_PATHNAME', 'verbatim_fingerprint_of'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION verbatim.fingerprint_of(text) IS
'The fingerprint of a text: of every four consecutive three-word shingles (words as normalised; ellipses and brackets break a run) the least by rank';

CREATE FUNCTION verbatim.fingerprint_size(verbatim.fingerprint)
RETURNS integer
AS 'MODULE_PATHNAME', 'verbatim_fingerprint_size'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION verbatim.fingerprint_size(verbatim.fingerprint) IS
'How many hashes a fingerprint holds; 0 for a text with no run of six words';

CREATE FUNCTION verbatim.fingerprint_overlaps(verbatim.fingerprint, verbatim.fingerprint)
RETURNS boolean
AS 'MODULE_PATHNAME', 'verbatim_fingerprint_overlaps'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE OPERATOR verbatim.&& (
    LEFTARG = verbatim.fingerprint,
    RIGHTARG = verbatim.fingerprint,
    FUNCTION = verbatim.fingerprint_overlaps,
    COMMUTATOR = OPERATOR(verbatim.&&),
    RESTRICT = contsel,
    JOIN = contjoinsel
);

COMMENT ON OPERATOR verbatim.&& (verbatim.fingerprint, verbatim.fingerprint) IS
'Do two fingerprints share a hash (the texts, perhaps, six consecutive words)?';

CREATE FUNCTION verbatim.fingerprint_eq(verbatim.fingerprint, verbatim.fingerprint)
RETURNS boolean
AS 'MODULE_PATHNAME', 'verbatim_fingerprint_eq'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION verbatim.fingerprint_ne(verbatim.fingerprint, verbatim.fingerprint)
RETURNS boolean
AS 'MODULE_PATHNAME', 'verbatim_fingerprint_ne'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE OPERATOR verbatim.= (
    LEFTARG = verbatim.fingerprint,
    RIGHTARG = verbatim.fingerprint,
    FUNCTION = verbatim.fingerprint_eq,
    COMMUTATOR = OPERATOR(verbatim.=),
    NEGATOR = OPERATOR(verbatim.<>),
    RESTRICT = eqsel,
    JOIN = eqjoinsel
);

CREATE OPERATOR verbatim.<> (
    LEFTARG = verbatim.fingerprint,
    RIGHTARG = verbatim.fingerprint,
    FUNCTION = verbatim.fingerprint_ne,
    COMMUTATOR = OPERATOR(verbatim.<>),
    NEGATOR = OPERATOR(verbatim.=),
    RESTRICT = neqsel,
    JOIN = neqjoinsel
);

--------------------------------------------------------------------------
-- GIN operator class.  Keys are the top `bits` bits of each hash (14 by
-- default): see src/pg_fingerprint_gin.c for why, and the README for the
-- sizes this gives.
--------------------------------------------------------------------------

CREATE FUNCTION verbatim.fingerprint_gin_extract_value(verbatim.fingerprint, internal, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'verbatim_fingerprint_gin_extract_value'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION verbatim.fingerprint_gin_extract_query(verbatim.fingerprint, internal, int2, internal, internal, internal, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'verbatim_fingerprint_gin_extract_query'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION verbatim.fingerprint_gin_consistent(internal, int2, verbatim.fingerprint, int4, internal, internal, internal, internal)
RETURNS boolean
AS 'MODULE_PATHNAME', 'verbatim_fingerprint_gin_consistent'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION verbatim.fingerprint_gin_tri_consistent(internal, int2, verbatim.fingerprint, int4, internal, internal, internal)
RETURNS "char"
AS 'MODULE_PATHNAME', 'verbatim_fingerprint_gin_tri_consistent'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION verbatim.fingerprint_gin_options(internal)
RETURNS void
AS 'MODULE_PATHNAME', 'verbatim_fingerprint_gin_options'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE OPERATOR CLASS verbatim.fingerprint_ops
DEFAULT FOR TYPE verbatim.fingerprint USING gin AS
    OPERATOR 1 verbatim.&& (verbatim.fingerprint, verbatim.fingerprint),
    FUNCTION 1 pg_catalog.btint4cmp(int4, int4),
    FUNCTION 2 verbatim.fingerprint_gin_extract_value(verbatim.fingerprint, internal, internal),
    FUNCTION 3 verbatim.fingerprint_gin_extract_query(verbatim.fingerprint, internal, int2, internal, internal, internal, internal),
    FUNCTION 4 verbatim.fingerprint_gin_consistent(internal, int2, verbatim.fingerprint, int4, internal, internal, internal, internal),
    FUNCTION 6 verbatim.fingerprint_gin_tri_consistent(internal, int2, verbatim.fingerprint, int4, internal, internal, internal),
    FUNCTION 7 verbatim.fingerprint_gin_options(internal),
    STORAGE int4;

--------------------------------------------------------------------------
-- Every article's fingerprint, kept by PostgreSQL itself as a generated
-- column (never out of step with the body, recomputed on restore), and
-- its index.
--------------------------------------------------------------------------

ALTER TABLE verbatim.article
    ADD COLUMN fingerprint verbatim.fingerprint
    GENERATED ALWAYS AS (verbatim.fingerprint_of(body)) STORED;

CREATE INDEX article_fingerprint_idx ON verbatim.article USING gin (fingerprint);

--------------------------------------------------------------------------
-- Reproductions and origins.  STABLE: they read tables.
--------------------------------------------------------------------------

-- Every article reproducing a quotation with a verdict no worse than
-- `worst`: the index proposes the articles sharing a hash with the
-- quotation's fingerprint, check_quote() decides.  Undated articles come
-- first, since any of them may be the earliest.
CREATE FUNCTION verbatim.reproductions(quote text, worst verbatim.verdict DEFAULT 'altered')
RETURNS TABLE (
    article_id bigint,
    outlet text,
    published_at timestamptz,
    verdict verbatim.verdict,
    span int4range,
    excerpt text
)
LANGUAGE plpgsql
STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    wanted verbatim.fingerprint := verbatim.fingerprint_of(quote);
BEGIN
    IF verbatim.fingerprint_size(wanted) = 0 THEN
        RAISE EXCEPTION USING
            ERRCODE = 'invalid_parameter_value',
            MESSAGE = 'quotation too short to look up: no run of six words',
            DETAIL = 'Articles are found through runs of six consecutive words they share with the quotation, outside ellipses and square brackets.',
            HINT = 'Check the quotation against chosen articles with verbatim.check_quote().';
    END IF;
    RETURN QUERY
    SELECT a.id, a.outlet, a.published_at, c.verdict, c.span, c.excerpt
      FROM verbatim.article a
     CROSS JOIN LATERAL verbatim.check_quote(reproductions.quote, a.body) c
     WHERE a.fingerprint OPERATOR(verbatim.&&) wanted
       AND c.verdict <= worst
     ORDER BY a.published_at NULLS FIRST, a.id;
END
$$;

COMMENT ON FUNCTION verbatim.reproductions(text, verbatim.verdict) IS
'Every article that reproduces a quotation with a verdict no worse than worst (default altered), earliest first, found through the fingerprint index';

-- Where a quotation's words first appeared: the earliest articles that
-- support it with any verdict up to paraphrased, with the undated ones
-- that may be earlier still.
CREATE FUNCTION verbatim.origin(quote text)
RETURNS TABLE (
    article_id bigint,
    outlet text,
    published_at timestamptz,
    verdict verbatim.verdict,
    span int4range,
    excerpt text
)
LANGUAGE sql
STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
    WITH support AS (
        SELECT * FROM verbatim.reproductions(quote, 'paraphrased')
    )
    SELECT s.*
      FROM support s
     WHERE s.published_at IS NULL
        OR s.published_at = (SELECT min(published_at) FROM support)
     ORDER BY s.published_at NULLS FIRST, s.article_id
$$;

COMMENT ON FUNCTION verbatim.origin(text) IS
'The earliest articles whose text supports a quotation (any verdict up to paraphrased), and the undated ones';

-- The same for a stored quotation, whose own article does not count.
CREATE FUNCTION verbatim.origin(quote_id bigint)
RETURNS TABLE (
    article_id bigint,
    outlet text,
    published_at timestamptz,
    verdict verbatim.verdict,
    span int4range,
    excerpt text
)
LANGUAGE sql
STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
    WITH stored AS (
        SELECT q.quote, q.article_id FROM verbatim.quote q WHERE q.id = origin.quote_id
    ), support AS (
        SELECT r.*
          FROM stored, verbatim.reproductions(stored.quote, 'paraphrased') r
         WHERE r.article_id <> stored.article_id
    )
    SELECT s.*
      FROM support s
     WHERE s.published_at IS NULL
        OR s.published_at = (SELECT min(published_at) FROM support)
     ORDER BY s.published_at NULLS FIRST, s.article_id
$$;

COMMENT ON FUNCTION verbatim.origin(bigint) IS
'The earliest articles, other than its own, whose text supports a stored quotation (any verdict up to paraphrased), and the undated ones';

--------------------------------------------------------------------------
-- The fidelity report finds earlier quotations through the index.
--------------------------------------------------------------------------

-- Every stored quotation attributed to a speaker, in any article but the
-- speaker's own, checked against the speaker's primary sources (a source
-- the quotation cites by outlet first on a tie); when none supports it (the
-- best is a paraphrase, or nothing), against earlier direct quotations of
-- the speaker in other outlets: a secondary source, used when it is
-- anchored (altered or better).  An article with no publication date
-- counts as possibly earlier.  Those earlier quotations are first
-- filtered by fingerprint, as in verbatim.reproductions(): only those in
-- articles sharing a hash with the quotation's fingerprint are checked (all
-- of the speaker's quotations when it has no run of six words).
--
-- Checks missing from verbatim.check_cache are computed set-wise, one
-- source after another, so check_quote() prepares each source once; then
-- the best source of each quotation is read from the cache.  VOLATILE: it
-- fills the cache.
CREATE OR REPLACE FUNCTION verbatim.fidelity_report(speaker text)
RETURNS TABLE (
    outlet text,
    article_id bigint,
    quote_id bigint,
    quote text,
    verdict verbatim.verdict,
    faithful boolean,
    source_article_id bigint,
    source_span int4range,
    excerpt text,
    diff text,
    flags text[],
    source_kind text
)
LANGUAGE plpgsql
STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    ids bigint[] := ARRAY(SELECT verbatim.speakers_named(speaker));
    primaries bigint[] := ARRAY(SELECT verbatim.primary_sources(ids));
    quoted bigint[];
    unsupported bigint[];
BEGIN
    quoted := ARRAY(
        SELECT q.id
          FROM verbatim.quote q
          JOIN verbatim.attribution t ON t.quote_id = q.id
         WHERE t.speaker_id = ANY (ids)
           AND q.article_id <> ALL (primaries));

    -- against the primary sources, source by source
    INSERT INTO verbatim.check_cache (quote_id, source_article_id, source_quote_id, result)
    SELECT p.quote_id, p.source_id, NULL, verbatim.check_quote(p.quote, p.body)
      FROM (SELECT q.id AS quote_id, q.quote, a.id AS source_id, a.body
              FROM verbatim.quote q, verbatim.article a
             WHERE q.id = ANY (quoted) AND a.id = ANY (primaries)
               AND NOT EXISTS (SELECT 1 FROM verbatim.check_cache c
                                WHERE c.quote_id = q.id AND c.source_article_id = a.id
                                  AND c.source_quote_id IS NULL)
             ORDER BY a.id, q.id
            OFFSET 0) p
    ON CONFLICT DO NOTHING;

    -- the quotations no primary source supports better than a paraphrase
    unsupported := ARRAY(
        SELECT x FROM unnest(quoted) x
         WHERE NOT EXISTS (SELECT 1 FROM verbatim.check_cache c
                            WHERE c.quote_id = x AND c.source_quote_id IS NULL
                              AND c.source_article_id = ANY (primaries)
                              AND (c.result).verdict < 'paraphrased'));

    -- against earlier quotations of the speaker elsewhere; the span is
    -- moved into the body of the article that carries that quotation
    INSERT INTO verbatim.check_cache (quote_id, source_article_id, source_quote_id, result)
    SELECT q.id, sq.article_id, sq.id,
           ROW(r.verdict, r.faithful, r.score, r.coverage,
               CASE WHEN r.span IS NULL THEN NULL
                    ELSE int4range(lower(r.span) + lower(sq.span) - 1,
                                   upper(r.span) + lower(sq.span) - 1) END,
               r.excerpt, r.diff, r.flags)::verbatim.check_result
      FROM verbatim.quote q
      JOIN verbatim.article qa ON qa.id = q.article_id
      JOIN verbatim.quote sq ON sq.kind = 'direct' AND sq.article_id <> q.article_id
                            AND sq.article_id <> ALL (primaries)
      JOIN verbatim.attribution st ON st.quote_id = sq.id AND st.speaker_id = ANY (ids)
     CROSS JOIN LATERAL (SELECT verbatim.fingerprint_of(q.quote) AS wanted) f
      JOIN verbatim.article sa ON sa.id = sq.article_id
     CROSS JOIN LATERAL verbatim.check_quote(q.quote, sq.quote) r
     WHERE q.id = ANY (unsupported)
       AND (verbatim.fingerprint_size(f.wanted) = 0
            OR sa.fingerprint OPERATOR(verbatim.&&) f.wanted)
       AND (sa.published_at IS NULL OR qa.published_at IS NULL
            OR sa.published_at < qa.published_at)
       AND NOT EXISTS (SELECT 1 FROM verbatim.check_cache c
                        WHERE c.quote_id = q.id AND c.source_quote_id = sq.id)
    ON CONFLICT DO NOTHING;

    RETURN QUERY
    SELECT a.outlet, a.id, q.id, q.quote,
           coalesce((b.result).verdict, 'unsupported'),
           coalesce((b.result).faithful, false),
           CASE WHEN (b.result).verdict < 'unsupported' THEN b.source_article_id END,
           (b.result).span, (b.result).excerpt, (b.result).diff,
           coalesce((b.result).flags, '{}'),
           CASE WHEN (b.result).verdict < 'unsupported' THEN
                CASE WHEN b.source_quote_id IS NULL THEN 'primary' ELSE 'secondary' END END
      FROM verbatim.quote q
      JOIN verbatim.article a ON a.id = q.article_id
      JOIN verbatim.attribution t ON t.quote_id = q.id
      LEFT JOIN LATERAL (
            SELECT c.result, c.source_article_id, c.source_quote_id
              FROM verbatim.check_cache c
              JOIN verbatim.article s ON s.id = c.source_article_id
             WHERE c.quote_id = q.id
               AND ((c.source_quote_id IS NULL AND c.source_article_id = ANY (primaries))
                    OR (c.source_quote_id IS NOT NULL AND q.id = ANY (unsupported)
                        AND (c.result).verdict < 'paraphrased'))
             ORDER BY (c.result).verdict,
                      c.source_quote_id IS NOT NULL,
                      (t.cited_outlet IS NOT NULL AND
                       lower(replace(s.outlet, ' ', '')) = lower(replace(t.cited_outlet, ' ', ''))) DESC,
                      s.published_at NULLS LAST, s.id, c.source_quote_id
             LIMIT 1) b ON true
     WHERE q.id = ANY (quoted)
     ORDER BY a.published_at NULLS LAST, a.id, q.ordinal;
END
$$;

--------------------------------------------------------------------------
-- Restoring a dump.  The extension's tables and triggers exist before
-- pg_restore loads the rows; extracting as the articles arrive would make
-- the quotations and speakers the dump then brings again.  So in a restore
-- session, known by check_function_bodies being off (every script pg_dump
-- writes sets it; it is on otherwise), articles are stored as they come.
--------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION verbatim.article_extract_trigger()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF pg_catalog.current_setting('check_function_bodies') = 'off' THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        DELETE FROM verbatim.quote q WHERE q.article_id = NEW.id;
        DELETE FROM verbatim.check_cache c WHERE c.source_article_id = NEW.id;
    END IF;
    WITH found AS (
        SELECT x.*
          FROM verbatim.extract_quotes_detail(NEW.body) WITH ORDINALITY
               AS x(span, quote, kind, speaker, mention, cue, method,
                    paragraph, cited_outlet, ordinal)
    ), stored AS (
        INSERT INTO verbatim.quote (article_id, ordinal, span, quote, kind, paragraph)
        SELECT NEW.id, f.ordinal, f.span, f.quote, f.kind, f.paragraph
          FROM found f
        RETURNING id, ordinal
    )
    INSERT INTO verbatim.attribution (quote_id, speaker_id, mention, cue, method, cited_outlet)
    SELECT s.id, verbatim.resolve_speaker(f.speaker), f.mention, f.cue, f.method,
           f.cited_outlet
      FROM stored s
      JOIN found f USING (ordinal);
    RETURN NULL;
END
$$;
