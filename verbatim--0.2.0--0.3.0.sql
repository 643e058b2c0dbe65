/* verbatim--0.2.0--0.3.0.sql */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION verbatim UPDATE TO '0.3.0'" to load this file. \quit

-- 0.3.0: hardening.

--------------------------------------------------------------------------
-- Fingerprints: a window of shingles now sets apart only the shingles made
-- of function words alone, instead of ranking every shingle by its count
-- of function words (fewer hashes kept per word, a smaller index; the
-- guarantee of a shared hash for a shared run of six words is unchanged),
-- and a square bracket open across a 64 KB piece keeps its words out.
-- The library computes the new fingerprints, so the stored ones of 0.2.0
-- are recomputed: assigning the body to itself recomputes the generated
-- column (and leaves the quotations alone: the extraction trigger fires
-- only on a changed body).  The index is built again afterwards rather
-- than kept up to date row by row.
--------------------------------------------------------------------------

DROP INDEX verbatim.article_fingerprint_idx;
UPDATE verbatim.article SET body = body;
CREATE INDEX article_fingerprint_idx ON verbatim.article USING gin (fingerprint);

COMMENT ON FUNCTION verbatim.fingerprint_of(text) IS
'The fingerprint of a text: of every four consecutive three-word shingles (words as normalised; ellipses and brackets break a run) the one of least hash, shingles of function words alone last';

--------------------------------------------------------------------------
-- Security.  Every function runs as its caller (none is SECURITY DEFINER)
-- and pins its search_path, so what a role may see and do is what its own
-- privileges and the row-level security of the tables allow.
--------------------------------------------------------------------------

-- A role that may create objects in the extension's schema could place an
-- overload there that the extension's own functions would call (a
-- function taking text where they pass a literal): refuse to install or
-- update while any role but a superuser may.
DO $$
DECLARE
    untrusted text;
BEGIN
    SELECT pg_catalog.string_agg(pg_catalog.quote_ident(r.rolname), ', ' ORDER BY r.rolname)
      INTO untrusted
      FROM pg_catalog.pg_roles r
     WHERE NOT r.rolsuper
       AND pg_catalog.has_schema_privilege(r.oid, 'verbatim', 'CREATE');
    IF untrusted IS NOT NULL THEN
        RAISE EXCEPTION USING
            ERRCODE = 'insufficient_privilege',
            MESSAGE = 'schema "verbatim" must be writable by superusers only',
            DETAIL = pg_catalog.format('These roles may create objects in it: %s.', untrusted),
            HINT = 'Make a superuser the owner of schema verbatim and revoke CREATE on it from every other role, then retry.';
    END IF;
END
$$;

-- The tables that hold text copied out of an article (the quotations, the
-- words of their attributions, the excerpts and diffs of cached checks)
-- show a row only to a role that can see the article it came from, so
-- row-level security on verbatim.article (an embargo) covers them with no
-- policy of their own.  The policies' subqueries read verbatim.article as
-- the querying role, through its policies.  The owner (the superuser who
-- installed the extension) is exempt, as from every policy, so restores,
-- cascades and foreign-key checks see every row.
ALTER TABLE verbatim.quote ENABLE ROW LEVEL SECURITY;
CREATE POLICY quote_follows_article ON verbatim.quote
    USING (EXISTS (SELECT FROM verbatim.article a WHERE a.id = quote.article_id));

-- The trigger stores a quotation and its attribution in one statement,
-- which does not see its own quotation rows: a new attribution is not held
-- to the policy (its foreign key still needs the quotation).
ALTER TABLE verbatim.attribution ENABLE ROW LEVEL SECURITY;
CREATE POLICY attribution_follows_quote ON verbatim.attribution
    USING (EXISTS (SELECT FROM verbatim.quote q WHERE q.id = attribution.quote_id))
    WITH CHECK (true);

ALTER TABLE verbatim.primary_source ENABLE ROW LEVEL SECURITY;
CREATE POLICY primary_source_follows_article ON verbatim.primary_source
    USING (EXISTS (SELECT FROM verbatim.article a WHERE a.id = primary_source.article_id));

-- A check shows both sides: the excerpt of the source and a diff with the
-- quotation's words.
ALTER TABLE verbatim.check_cache ENABLE ROW LEVEL SECURITY;
CREATE POLICY check_cache_follows_articles ON verbatim.check_cache
    USING (EXISTS (SELECT FROM verbatim.quote q WHERE q.id = check_cache.quote_id)
           AND EXISTS (SELECT FROM verbatim.article a
                        WHERE a.id = check_cache.source_article_id)
           AND (check_cache.source_quote_id IS NULL
                OR EXISTS (SELECT FROM verbatim.quote q
                            WHERE q.id = check_cache.source_quote_id)));

-- Under row-level security the planner uses an index only for a leakproof
-- operator; without this reproductions() would read every fingerprint.
-- These reveal nothing but their result and fail only when memory runs out.
ALTER FUNCTION verbatim.fingerprint_overlaps(verbatim.fingerprint, verbatim.fingerprint) LEAKPROOF;
ALTER FUNCTION verbatim.fingerprint_eq(verbatim.fingerprint, verbatim.fingerprint) LEAKPROOF;
ALTER FUNCTION verbatim.fingerprint_ne(verbatim.fingerprint, verbatim.fingerprint) LEAKPROOF;

-- PUBLIC keeps EXECUTE on the pure functions (they read no table) and
-- USAGE on the types; the functions that read or write tables are the
-- DBA's to grant (see the README for a reader's and a writer's grants).
-- The schema itself is usable by its owner alone until the DBA grants it.
REVOKE EXECUTE ON FUNCTION
    verbatim.resolve_speaker(text),
    verbatim.article_extract_trigger(),
    verbatim.ingest(jsonb),
    verbatim.speakers_named(text),
    verbatim.primary_sources(bigint[]),
    verbatim.fidelity_report(text),
    verbatim.outlet_report(text),
    verbatim.reproductions(text, verbatim.verdict),
    verbatim.origin(text),
    verbatim.origin(bigint)
FROM PUBLIC;

--------------------------------------------------------------------------
-- Concurrency.  Under a load of ingests, body updates, deletes and reports
-- from eight sessions (test/reliability/load), fidelity_report() of 0.2.0:
--
-- * failed with a foreign key violation (23503) on check_cache when a
--   quotation it was checking went away under it: an update of that
--   article's body re-created its quotations, or the article was deleted,
--   between the report's snapshot and its insert;
-- * left checks made against a body that had since changed: it computed
--   check_quote(quote, body) on the body of its snapshot while another
--   session changed that body, whose trigger cleared the checks against it
--   but could not see the report's uncommitted rows;
-- * deadlocked (40P01) with writers: the report holds the foreign key
--   lock on one quotation of an article and waits for another that a
--   writer re-creating or deleting that article's quotations has deleted,
--   while the writer waits for the first.
--
-- And two ingests deadlocked in the trigger when each created a speaker
-- the other then named (the unique index on speaker names makes the
-- second wait for the first to commit): speakers are now resolved in name
-- order, in one pass before the attributions are stored.
--
-- The fixes use the row lock that the foreign key check takes when a check
-- is stored (KEY SHARE on the quotation and the source article, held to
-- the end of the report's transaction; it needs no privilege of the
-- caller, unlike SELECT ... FOR SHARE):
--
-- * the trigger takes FOR UPDATE on its article before clearing the checks
--   against it, which waits for every report that has stored one against
--   the old body; those checks are then committed, visible, and cleared;
-- * the report reads the version (xmin) of each source body in the
--   statement that checks against it, and looks again once the checks are
--   stored and locked: when a body changed in between (its writer got past
--   the trigger's lock first), the report undoes what it stored and tries
--   again;
-- * the checks are stored in a subtransaction, tried again from a fresh
--   snapshot after a foreign key violation, or after waiting 50 ms for a
--   row lock: that gives up the report's locks, so a writer waiting for
--   one goes on (the writer's deadlock_timeout, 1 s by default, is longer);
--   and all are stored in one statement, so the report takes its locks
--   together at the end and is not holding some while it computes others.
--
-- None of this needs a privilege the caller did not need already: the
-- report still only reads and inserts, the writer's lock is on the row it
-- updates.
--
-- Checks are stored in quotation order, so concurrent reports wait for one
-- another's rows (ON CONFLICT) in one order.
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
        -- wait for the reports that stored checks against the old body
        PERFORM 1 FROM verbatim.article a WHERE a.id = NEW.id FOR UPDATE;
        DELETE FROM verbatim.quote q WHERE q.article_id = NEW.id;
        DELETE FROM verbatim.check_cache c WHERE c.source_article_id = NEW.id;
    END IF;
    -- the speakers are resolved (and new ones created) in name order: two
    -- articles naming the same two new people in opposite orders would
    -- otherwise each wait for the other's new speaker
    WITH found AS (
        SELECT x.*
          FROM verbatim.extract_quotes_detail(NEW.body) WITH ORDINALITY
               AS x(span, quote, kind, speaker, mention, cue, method,
                    paragraph, cited_outlet, ordinal)
    ), named AS (
        SELECT n.speaker, verbatim.resolve_speaker(n.speaker) AS speaker_id
          FROM (SELECT DISTINCT f.speaker FROM found f
                 WHERE f.speaker IS NOT NULL
                 ORDER BY f.speaker
                OFFSET 0) n
    ), stored AS (
        INSERT INTO verbatim.quote (article_id, ordinal, span, quote, kind, paragraph)
        SELECT NEW.id, f.ordinal, f.span, f.quote, f.kind, f.paragraph
          FROM found f
        RETURNING id, ordinal
    )
    INSERT INTO verbatim.attribution (quote_id, speaker_id, mention, cue, method, cited_outlet)
    SELECT s.id, n.speaker_id, f.mention, f.cue, f.method, f.cited_outlet
      FROM stored s
      JOIN found f USING (ordinal)
      LEFT JOIN named n ON n.speaker = f.speaker;
    RETURN NULL;
END
$$;

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
-- the best source of each quotation is read from the cache.  See above for
-- how a check stays in step with a body changed meanwhile.  VOLATILE: it
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
    -- the source bodies the last try read: versions and digests
    read_sources bigint[];
    read_versions xid[];
    read_digests bytea[];
    changed bigint[];
    caller_timeout text := pg_catalog.current_setting('lock_timeout');
    own_timeout boolean;
    attempt int := 0;
BEGIN
    quoted := ARRAY(
        SELECT q.id
          FROM verbatim.quote q
          JOIN verbatim.attribution t ON t.quote_id = q.id
         WHERE t.speaker_id = ANY (ids)
           AND q.article_id <> ALL (primaries));

    -- The missing checks, against the primary sources first, then, for
    -- the quotations none of them supports better than a paraphrase,
    -- against earlier quotations of the speaker elsewhere (the span moved
    -- into the body of the article that carries that quotation), are
    -- computed and stored in one statement: its foreign key checks, and
    -- the locks they take, come together at its end.  It runs in a
    -- subtransaction, tried again as said above; after five tries it waits
    -- as long as the caller's lock_timeout says.  Quotations are never
    -- changed, only re-created, so only the checks against bodies can go
    -- stale.
    LOOP
        attempt := attempt + 1;
        own_timeout := attempt <= 5 AND
            (caller_timeout::interval = interval '0' OR caller_timeout::interval > interval '50ms');
        BEGIN
            IF own_timeout THEN
                PERFORM pg_catalog.set_config('lock_timeout', '50ms', true);
            END IF;
            WITH src AS MATERIALIZED (
                SELECT a.id, a.xmin AS version, a.body
                  FROM verbatim.article a
                 WHERE a.id = ANY (primaries)
            ), prim AS MATERIALIZED (
                SELECT p.quote_id, p.source_id, NULL::bigint AS source_quote_id,
                       verbatim.check_quote(p.quote, p.body) AS result
                  FROM (SELECT q.id AS quote_id, q.quote, s.id AS source_id, s.body
                          FROM verbatim.quote q, src s
                         WHERE q.id = ANY (quoted)
                           AND NOT EXISTS (SELECT 1 FROM verbatim.check_cache c
                                            WHERE c.quote_id = q.id AND c.source_article_id = s.id
                                              AND c.source_quote_id IS NULL)
                         ORDER BY s.id, q.id
                        OFFSET 0) p
            ), unsup AS (
                SELECT x FROM unnest(quoted) x
                 WHERE NOT EXISTS (SELECT 1 FROM verbatim.check_cache c
                                    WHERE c.quote_id = x AND c.source_quote_id IS NULL
                                      AND c.source_article_id = ANY (primaries)
                                      AND (c.result).verdict < 'paraphrased')
                   AND NOT EXISTS (SELECT 1 FROM prim p
                                    WHERE p.quote_id = x AND (p.result).verdict < 'paraphrased')
            ), sec AS MATERIALIZED (
                SELECT q.id AS quote_id, sq.article_id AS source_id, sq.id AS source_quote_id,
                       ROW(r.verdict, r.faithful, r.score, r.coverage,
                           CASE WHEN r.span IS NULL THEN NULL
                                ELSE int4range(lower(r.span) + lower(sq.span) - 1,
                                               upper(r.span) + lower(sq.span) - 1) END,
                           r.excerpt, r.diff, r.flags)::verbatim.check_result AS result
                  FROM unsup u
                  JOIN verbatim.quote q ON q.id = u.x
                  JOIN verbatim.article qa ON qa.id = q.article_id
                  JOIN verbatim.quote sq ON sq.kind = 'direct' AND sq.article_id <> q.article_id
                                        AND sq.article_id <> ALL (primaries)
                  JOIN verbatim.attribution st ON st.quote_id = sq.id AND st.speaker_id = ANY (ids)
                 CROSS JOIN LATERAL (SELECT verbatim.fingerprint_of(q.quote) AS wanted) f
                  JOIN verbatim.article sa ON sa.id = sq.article_id
                 CROSS JOIN LATERAL verbatim.check_quote(q.quote, sq.quote) r
                 WHERE (verbatim.fingerprint_size(f.wanted) = 0
                        OR sa.fingerprint OPERATOR(verbatim.&&) f.wanted)
                   AND (sa.published_at IS NULL OR qa.published_at IS NULL
                        OR sa.published_at < qa.published_at)
                   AND NOT EXISTS (SELECT 1 FROM verbatim.check_cache c
                                    WHERE c.quote_id = q.id AND c.source_quote_id = sq.id)
            ), stored AS (
                INSERT INTO verbatim.check_cache (quote_id, source_article_id, source_quote_id, result)
                SELECT n.quote_id, n.source_id, n.source_quote_id, n.result
                  FROM (SELECT * FROM prim UNION ALL SELECT * FROM sec) n
                 ORDER BY n.quote_id, n.source_id, n.source_quote_id NULLS FIRST
                ON CONFLICT DO NOTHING
                RETURNING 1
            ), used AS (
                SELECT s.* FROM src s WHERE s.id IN (SELECT p.source_id FROM prim p)
            )
            SELECT ARRAY(SELECT u.id FROM used u ORDER BY u.id),
                   ARRAY(SELECT u.version FROM used u ORDER BY u.id),
                   ARRAY(SELECT pg_catalog.sha256(pg_catalog.convert_to(u.body, 'UTF8'))
                           FROM used u ORDER BY u.id)
              INTO read_sources, read_versions, read_digests;
            -- a source body changed since it was read: its writer got past
            -- the lock in the trigger before this report stored a check
            -- against it (a new row version with the same body, a title
            -- changed, does not count).  Undo and try again.
            changed := ARRAY(
                SELECT r.id
                  FROM unnest(read_sources, read_versions, read_digests) AS r(id, version, digest)
                  JOIN verbatim.article a ON a.id = r.id
                 WHERE CASE WHEN a.xmin = r.version THEN false
                            ELSE pg_catalog.sha256(pg_catalog.convert_to(a.body, 'UTF8'))
                                 IS DISTINCT FROM r.digest END);
            IF cardinality(changed) > 0 THEN
                RAISE EXCEPTION USING ERRCODE = 'VB001',
                    MESSAGE = 'a source article changed during the report';
            END IF;
            IF own_timeout THEN
                PERFORM pg_catalog.set_config('lock_timeout', caller_timeout, true);
            END IF;
            EXIT;
        EXCEPTION
            WHEN foreign_key_violation OR SQLSTATE 'VB001' THEN
                NULL;
            WHEN lock_not_available THEN
                IF NOT own_timeout THEN
                    RAISE;
                END IF;
        END;
    END LOOP;

    unsupported := ARRAY(
        SELECT x FROM unnest(quoted) x
         WHERE NOT EXISTS (SELECT 1 FROM verbatim.check_cache c
                            WHERE c.quote_id = x AND c.source_quote_id IS NULL
                              AND c.source_article_id = ANY (primaries)
                              AND (c.result).verdict < 'paraphrased'));

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
