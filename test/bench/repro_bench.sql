--
-- One corpus size of the reproductions() benchmark: verbatim.reproductions()
-- against pg_trgm (quote <% body over a GIN gin_trgm_ops index).  Run by
-- test/bench/repro_bench.sh in a scratch database after it has created the
-- extensions and loaded the generated corpus: verbatim.article (ids 1..N),
-- bench.queries and bench.truth (test/bench/repro_gen.c).  psql variables:
--   size       articles generated
--   queries    how many queries to time, in query_id order
--   timeout    statement_timeout of each timed call ('60s')
--   trgm_queries  how many of those pg_trgm answers too (the first ones)
--   give_up    after this many timeouts in a row pg_trgm is not called
--              again for this size (0: never give up)
--   threshold  pg_trgm.word_similarity_threshold (0.6, pg_trgm's default)
--   mwm        maintenance_work_mem of both index builds ('1GB')
--
-- Everything timed runs in this one session: both index builds, then each
-- query through both methods in turn (which one goes first alternates, so
-- that neither always finds the pages the other just read).  A call is
-- timed inside the server with clock_timestamp(), and each call is a
-- statement of its own (\gexec), so that statement_timeout stops a slow
-- one alone; a stopped call counts as taking the timeout.
-- Leaves one row per method in bench.results and prints tables.
--
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
SET maintenance_work_mem = :'mwm';
\pset footer off

SELECT to_regprocedure('verbatim.reproductions(text, verbatim.verdict)') IS NOT NULL AS have_ours,
       to_regclass('verbatim.article_fingerprint_idx') IS NOT NULL AS have_fp_index,
       to_regprocedure('verbatim.fingerprint_of(text)') IS NOT NULL AS have_fingerprint_of,
       current_setting('maintenance_work_mem') AS maintenance_work_mem,
       current_setting('shared_buffers') AS shared_buffers,
       (SELECT extversion FROM pg_extension WHERE extname = 'verbatim') AS verbatim_version,
       (SELECT extversion FROM pg_extension WHERE extname = 'pg_trgm') AS pg_trgm_version
\gset
\echo verbatim :verbatim_version, pg_trgm :pg_trgm_version, maintenance_work_mem :maintenance_work_mem, shared_buffers :shared_buffers
\if :have_ours
\else
\echo skipped: verbatim.reproductions() not installed (only pg_trgm is measured)
\endif

CREATE TABLE bench.info (k text PRIMARY KEY, v float8);
CREATE TABLE bench.timings (
    method text,                -- 'ours' or 'pg_trgm'
    query_id int,
    ms float8,
    status text,                -- 'ok', 'timeout', 'error' or 'not run'
    ids bigint[],               -- the articles returned
    verdicts text[],            -- ours: the verdict of each, in step with ids
    error text
);

--------------------------------------------------------------------------
-- Index builds, in this session, one after the other.
--------------------------------------------------------------------------
\if :have_fp_index
SELECT clock_timestamp() AS t0 \gset
REINDEX INDEX verbatim.article_fingerprint_idx;
INSERT INTO bench.info
VALUES ('fp_build_s', extract(epoch FROM clock_timestamp() - :'t0'::timestamptz)),
       ('fp_bytes', pg_relation_size('verbatim.article_fingerprint_idx'));
\else
\echo skipped: no index verbatim.article_fingerprint_idx to rebuild
\endif

SELECT clock_timestamp() AS t0 \gset
CREATE INDEX article_body_trgm_idx ON verbatim.article USING gin (body gin_trgm_ops);
INSERT INTO bench.info
VALUES ('trgm_build_s', extract(epoch FROM clock_timestamp() - :'t0'::timestamptz)),
       ('trgm_bytes', pg_relation_size('verbatim.article_body_trgm_idx'));
ANALYZE verbatim.article;

--------------------------------------------------------------------------
-- The timed calls.  Each records what it returned; an error other than a
-- timeout is recorded too, so that one bad query does not end the run.
--------------------------------------------------------------------------
CREATE FUNCTION bench.elapsed_ms(since timestamptz) RETURNS float8
LANGUAGE sql VOLATILE AS $$
    SELECT extract(epoch FROM clock_timestamp() - since) * 1000
$$;

-- A call stopped by statement_timeout counts as taking the timeout.
CREATE FUNCTION bench.timeout_ms() RETURNS float8
LANGUAGE sql STABLE AS $$
    SELECT extract(epoch FROM current_setting('statement_timeout')::interval) * 1000
$$;

CREATE FUNCTION bench.run_ours(qid int) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    q text := (SELECT quote FROM bench.queries WHERE query_id = qid);
    started timestamptz;
    ms float8;
    found bigint[];
    verdicts text[];
BEGIN
    started := clock_timestamp();
    BEGIN
        SELECT coalesce(array_agg(r.article_id ORDER BY r.article_id), '{}'),
               coalesce(array_agg(r.verdict::text ORDER BY r.article_id), '{}')
          INTO found, verdicts
          FROM verbatim.reproductions(q) r;
        ms := bench.elapsed_ms(started);
        INSERT INTO bench.timings VALUES ('ours', qid, ms, 'ok', found, verdicts, NULL);
    EXCEPTION
        WHEN query_canceled THEN
            INSERT INTO bench.timings VALUES ('ours', qid, bench.timeout_ms(), 'timeout', NULL, NULL, NULL);
        WHEN OTHERS THEN
            INSERT INTO bench.timings VALUES ('ours', qid, bench.elapsed_ms(started), 'error', NULL, NULL, SQLSTATE || ': ' || SQLERRM);
    END;
END
$$;

-- The pg_trgm query, as text: the timed call and the EXPLAIN run the same
-- statement, with the quotation as a literal (a custom plan every time).
CREATE FUNCTION bench.trgm_sql(qid int) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT format('SELECT coalesce(array_agg(a.id ORDER BY a.id), ''{}'') FROM verbatim.article a WHERE %L <%% a.body', quote)
      FROM bench.queries WHERE query_id = qid
$$;

-- After give_up timeouts in a row, pg_trgm is not called any more: on a
-- large corpus every call runs into the timeout, and a hundred of them
-- would only say that a hundred times.
CREATE FUNCTION bench.run_trgm(qid int, give_up int) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    started timestamptz;
    ms float8;
    found bigint[];
    stmt text := bench.trgm_sql(qid);
BEGIN
    IF give_up > 0 AND
       (SELECT count(*) FILTER (WHERE status = 'timeout')
          FROM (SELECT status FROM bench.timings
                 WHERE method = 'pg_trgm' AND status <> 'not run'
                 ORDER BY query_id DESC LIMIT give_up) latest) = give_up THEN
        INSERT INTO bench.timings VALUES ('pg_trgm', qid, NULL, 'not run', NULL, NULL, NULL);
        RETURN;
    END IF;
    started := clock_timestamp();
    BEGIN
        EXECUTE stmt INTO found;
        ms := bench.elapsed_ms(started);
        INSERT INTO bench.timings VALUES ('pg_trgm', qid, ms, 'ok', found, NULL, NULL);
    EXCEPTION
        WHEN query_canceled THEN
            INSERT INTO bench.timings VALUES ('pg_trgm', qid, bench.timeout_ms(), 'timeout', NULL, NULL, NULL);
        WHEN OTHERS THEN
            INSERT INTO bench.timings VALUES ('pg_trgm', qid, bench.elapsed_ms(started), 'error', NULL, NULL, SQLSTATE || ': ' || SQLERRM);
    END;
END
$$;

CREATE FUNCTION bench.progress(qid int, total int) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    RAISE NOTICE 'repro_bench: % articles, % of % queries done; p50 so far: ours % ms, pg_trgm % ms',
        current_setting('bench.size'), qid, total,
        coalesce((SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric, 1)::text
                    FROM bench.timings WHERE method = 'ours'), '-'),
        coalesce((SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric, 1)::text
                    FROM bench.timings WHERE method = 'pg_trgm'), '-');
END
$$;

-- EXPLAIN output as rows, to test it and print a line of it.  If the
-- planner does not take pg_trgm's index by itself (a small table), it is
-- made to, for pg_trgm's calls alone: the point is the index.
CREATE FUNCTION bench.plan(stmt text) RETURNS SETOF text
LANGUAGE plpgsql AS $$
DECLARE
    line text;
BEGIN
    FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || stmt LOOP
        RETURN NEXT line;
    END LOOP;
END
$$;

--------------------------------------------------------------------------
-- Plans: pg_trgm must go through its GIN index, not read every body.
--------------------------------------------------------------------------
SET pg_trgm.word_similarity_threshold = :threshold;
\pset format unaligned
\pset tuples_only on
SELECT bool_or(line LIKE '%article_body_trgm_idx%') AS trgm_uses_index
  FROM bench.plan(bench.trgm_sql(1)) line \gset
\if :trgm_uses_index
\else
\echo pg_trgm: the planner chose a plan without article_body_trgm_idx, so the pg_trgm calls run with enable_seqscan = off
ALTER FUNCTION bench.run_trgm(int, int) SET enable_seqscan = off;
SET enable_seqscan = off;
\endif
SELECT 'pg_trgm plan (query 1): ' || string_agg(btrim(line), ' / ')
  FROM bench.plan(bench.trgm_sql(1)) line
 WHERE line ~ 'Index Scan|Seq Scan';
RESET enable_seqscan;
\if :have_fingerprint_of
-- what reproductions() asks the fingerprint index (its candidates)
SELECT 'fingerprint candidates plan (query 1): ' || string_agg(btrim(line), ' / ')
  FROM bench.plan(format('SELECT a.id FROM verbatim.article a WHERE a.fingerprint OPERATOR(verbatim.&&) verbatim.fingerprint_of(%L)',
                         (SELECT quote FROM bench.queries WHERE query_id = 1))) line
 WHERE line ~ 'Index Scan|Seq Scan';
\endif

--------------------------------------------------------------------------
-- The queries.  One call of each method on the last generated query first,
-- untimed, so that the first timed call does not pay for loading libraries
-- and catalogs; under the timeout too (at 100,000 articles one pg_trgm
-- call ran for over 9 minutes).
--------------------------------------------------------------------------
SELECT max(query_id) AS warm_query FROM bench.queries \gset
\o /dev/null
SET statement_timeout = :'timeout';
\if :have_ours
SELECT bench.run_ours(:warm_query);
\endif
SELECT bench.run_trgm(:warm_query, 0);
DELETE FROM bench.timings;

SELECT set_config('bench.size', :'size', false);
SET client_min_messages = notice;
SELECT CASE WHEN query_id % 2 = 1 THEN ours ELSE trgm END,
       CASE WHEN query_id % 2 = 1 THEN trgm ELSE ours END,
       CASE WHEN query_id % 10 = 0 OR query_id = :queries
            THEN format('SELECT bench.progress(%s, %s)', query_id, :queries) END
  FROM (SELECT query_id,
               CASE WHEN :'have_ours'::boolean THEN format('SELECT bench.run_ours(%s)', query_id) END AS ours,
               CASE WHEN query_id <= :trgm_queries THEN format('SELECT bench.run_trgm(%s, %s)', query_id, :give_up) END AS trgm
          FROM bench.queries
         WHERE query_id <= :queries) q
 ORDER BY query_id
\gexec
RESET statement_timeout;
SET client_min_messages = warning;
\o

--------------------------------------------------------------------------
-- Scores.  Positives: the origin and the exact, typographic, elided and
-- altered reproductions planted for a query; the decoys and every other
-- article are negatives.  Recall and precision count (query, article)
-- pairs, over the queries a method answered (not timed out, no error).
--------------------------------------------------------------------------
CREATE VIEW bench.returned AS
SELECT DISTINCT t.method, t.query_id, f.article_id
  FROM bench.timings t CROSS JOIN LATERAL unnest(t.ids) f(article_id)
 WHERE t.status = 'ok';

CREATE VIEW bench.positives AS
SELECT t.method, x.query_id, x.article_id, x.planted
  FROM bench.truth x
  JOIN bench.timings t ON t.query_id = x.query_id AND t.status = 'ok'
 WHERE x.planted IN ('origin', 'exact', 'typographic', 'elided', 'altered');

-- The queries both methods ran (answered or timed out).
CREATE VIEW bench.common AS
SELECT query_id FROM bench.timings
 WHERE status IN ('ok', 'timeout')
 GROUP BY query_id HAVING count(*) = 2;

CREATE TABLE bench.results AS
SELECT m.method,
       CASE WHEN m.method = 'ours' AND NOT :'have_ours'::boolean THEN 'skipped' ELSE 'ran' END AS status,
       (SELECT v FROM bench.info WHERE k = CASE m.method WHEN 'ours' THEN 'fp_build_s' ELSE 'trgm_build_s' END) AS build_s,
       (SELECT v FROM bench.info WHERE k = CASE m.method WHEN 'ours' THEN 'fp_bytes' ELSE 'trgm_bytes' END) AS index_bytes,
       (SELECT count(*) FROM bench.timings t WHERE t.method = m.method AND t.status <> 'not run') AS queries,
       (SELECT count(*) FROM bench.timings t WHERE t.method = m.method AND t.status = 'timeout') AS timeouts,
       (SELECT count(*) FROM bench.timings t WHERE t.method = m.method AND t.status = 'error') AS errors,
       (SELECT count(*) FROM bench.timings t WHERE t.method = m.method AND t.status = 'not run') AS not_run,
       (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) FROM bench.timings t WHERE t.method = m.method AND t.status IN ('ok', 'timeout')) AS p50_ms,
       (SELECT percentile_cont(0.95) WITHIN GROUP (ORDER BY ms) FROM bench.timings t WHERE t.method = m.method AND t.status IN ('ok', 'timeout')) AS p95_ms,
       (SELECT avg(ms) FROM bench.timings t WHERE t.method = m.method AND t.status IN ('ok', 'timeout')) AS mean_ms,
       -- over the queries both methods ran, for the ratios
       (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) FROM bench.timings t
         WHERE t.method = m.method AND t.query_id IN (SELECT query_id FROM bench.common)) AS p50_common_ms,
       (SELECT percentile_cont(0.95) WITHIN GROUP (ORDER BY ms) FROM bench.timings t
         WHERE t.method = m.method AND t.query_id IN (SELECT query_id FROM bench.common)) AS p95_common_ms,
       (SELECT count(*) FROM bench.common) AS common,
       (SELECT count(*) FROM bench.positives p
         WHERE p.method = m.method
           AND EXISTS (SELECT 1 FROM bench.returned r WHERE r.method = m.method
                          AND r.query_id = p.query_id AND r.article_id = p.article_id)) AS found,
       (SELECT count(*) FROM bench.positives p WHERE p.method = m.method) AS positives,
       (SELECT count(*) FROM bench.returned r WHERE r.method = m.method) AS returned,
       (SELECT count(*) FROM bench.returned r
         WHERE r.method = m.method
           AND EXISTS (SELECT 1 FROM bench.positives p WHERE p.method = m.method
                          AND p.query_id = r.query_id AND p.article_id = r.article_id)) AS returned_positive
  FROM (VALUES ('ours', 1), ('pg_trgm', 2)) m(method, n)
 ORDER BY m.n;

-- Errors, if any, are worth reading before the figures.
SELECT format('error: %s, query %s: %s', method, query_id, error)
  FROM bench.timings WHERE status = 'error' ORDER BY method, query_id LIMIT 10;

--------------------------------------------------------------------------
-- What each method returned, by what was planted (the first queries up to
-- :queries only); "not planted" are articles the generator put nothing of
-- the query into.
--------------------------------------------------------------------------
\echo
\echo What was returned, by what was planted: pairs (query, article) over the queries each method answered
\echo
\echo '| planted | pairs | reproductions() returned | pairs | pg_trgm <% returned |'
\echo '|---|---:|---:|---:|---:|'
WITH kinds(planted, n) AS (
    VALUES ('origin', 1), ('exact', 2), ('typographic', 3), ('elided', 4), ('altered', 5),
           ('paraphrase_decoy', 6), ('nearmiss_decoy', 7), ('not planted', 8)
), pairs AS (
    SELECT t.method, x.planted, count(*) AS pairs,
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM bench.returned r WHERE r.method = t.method
                                             AND r.query_id = x.query_id AND r.article_id = x.article_id)) AS returned
      FROM bench.truth x JOIN bench.timings t ON t.query_id = x.query_id AND t.status = 'ok'
     GROUP BY t.method, x.planted
    UNION ALL
    SELECT r.method, 'not planted', NULL, count(*)
      FROM bench.returned r
     WHERE NOT EXISTS (SELECT 1 FROM bench.truth x WHERE x.query_id = r.query_id AND x.article_id = r.article_id)
     GROUP BY r.method
)
SELECT format('| %s | %s | %s | %s | %s |', k.planted,
              coalesce(o.pairs::text, ''),
              CASE WHEN :'have_ours'::boolean THEN coalesce(o.returned, 0)::text ELSE 'skipped' END,
              coalesce(t.pairs::text, ''), coalesce(t.returned, 0))
  FROM kinds k
  LEFT JOIN pairs o ON o.planted = k.planted AND o.method = 'ours'
  LEFT JOIN pairs t ON t.planted = k.planted AND t.method = 'pg_trgm'
 ORDER BY k.n;

\if :have_ours
\echo
\echo Verdicts reproductions() gave, by what was planted (rows: planted; columns: verdict returned):
\echo
\echo '| planted | exact | typographic | elided | altered | not returned |'
\echo '|---|---:|---:|---:|---:|---:|'
WITH answered AS (
    SELECT query_id, ids, verdicts FROM bench.timings WHERE method = 'ours' AND status = 'ok'
), got AS (
    SELECT a.query_id, f.article_id, f.verdict
      FROM answered a CROSS JOIN LATERAL unnest(a.ids, a.verdicts) f(article_id, verdict)
), kinds(planted, n) AS (
    VALUES ('origin', 1), ('exact', 2), ('typographic', 3), ('elided', 4), ('altered', 5),
           ('paraphrase_decoy', 6), ('nearmiss_decoy', 7)
), cells AS (
    SELECT x.planted, g.verdict
      FROM bench.truth x
      JOIN answered a USING (query_id)
      LEFT JOIN got g ON g.query_id = x.query_id AND g.article_id = x.article_id
)
SELECT format('| %s | %s | %s | %s | %s | %s |', k.planted,
              count(*) FILTER (WHERE c.verdict = 'exact'),
              count(*) FILTER (WHERE c.verdict = 'typographic'),
              count(*) FILTER (WHERE c.verdict = 'elided'),
              count(*) FILTER (WHERE c.verdict = 'altered'),
              count(*) FILTER (WHERE c.planted IS NOT NULL AND c.verdict IS NULL))
  FROM kinds k LEFT JOIN cells c USING (planted)
 GROUP BY k.planted, k.n
 ORDER BY k.n;
\endif
\pset format aligned
\pset tuples_only off
