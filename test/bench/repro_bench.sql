--
-- One size of the reproductions() benchmark, run by repro_bench.sh in a
-- scratch database holding the extensions verbatim and pg_trgm and the
-- generated corpus in the tables staging, queries and truth; psql
-- variables size, queries, trgm_queries and trgm_timeout.  Leaves one row
-- per method in bench_results.
--
\set ON_ERROR_STOP 1
SET client_min_messages = warning;

-- Loading, with the fingerprint index dropped so its build is timed alone.
DROP INDEX verbatim.article_fingerprint_idx;
SELECT clock_timestamp() AS t0 \gset
INSERT INTO verbatim.article (id, key, outlet, published_at, body)
SELECT id, key, outlet, published_at, body FROM staging ORDER BY id;
SELECT extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) AS load_s \gset
SELECT setval('verbatim.article_id_seq', (SELECT max(id) FROM verbatim.article));
DROP TABLE staging;
VACUUM ANALYZE verbatim.article;

SELECT clock_timestamp() AS t0 \gset
CREATE INDEX article_fingerprint_idx ON verbatim.article USING gin (fingerprint);
SELECT extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) AS fp_build_s \gset
SELECT clock_timestamp() AS t0 \gset
CREATE INDEX article_body_trgm_idx ON verbatim.article USING gin (body gin_trgm_ops);
SELECT extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) AS trgm_build_s \gset
ANALYZE verbatim.article;

SELECT count(*) AS articles, round(sum(octet_length(body)) / 1e6, 1) AS text_mb,
       pg_relation_size('verbatim.article_fingerprint_idx') AS fp_bytes,
       pg_relation_size('verbatim.article_body_trgm_idx') AS trgm_bytes
  FROM verbatim.article \gset

-- Both methods use their index for a typical query.
\echo plans:
EXPLAIN (COSTS OFF)
SELECT a.id FROM verbatim.article a
 WHERE a.fingerprint OPERATOR(verbatim.&&) verbatim.fingerprint_of((SELECT quote FROM queries WHERE query_id = 1));
EXPLAIN (COSTS OFF)
SELECT a.id FROM verbatim.article a WHERE (SELECT quote FROM queries WHERE query_id = 1) <% a.body;

-- Each query timed alone, the two methods interleaved on the first
-- trgm_queries queries (pg_trgm needs seconds to minutes per query).
CREATE TABLE timings (method text, query_id int, ms float8, found bigint[], timed_out boolean);
CREATE PROCEDURE run_queries(n int, n_trgm int, trgm_timeout text)
LANGUAGE plpgsql AS $$
DECLARE
    q record;
    started timestamptz;
    ids bigint[];
BEGIN
    FOR q IN SELECT * FROM queries WHERE query_id <= n ORDER BY query_id LOOP
        started := clock_timestamp();
        ids := ARRAY(SELECT r.article_id FROM verbatim.reproductions(q.quote) r);
        INSERT INTO timings VALUES ('verbatim', q.query_id,
            extract(epoch FROM clock_timestamp() - started) * 1000, ids, false);
        COMMIT;
        IF q.query_id <= n_trgm THEN
            PERFORM set_config('statement_timeout', trgm_timeout, false);
            started := clock_timestamp();
            BEGIN
                ids := ARRAY(SELECT a.id FROM verbatim.article a WHERE q.quote <% a.body);
                INSERT INTO timings VALUES ('pg_trgm', q.query_id,
                    extract(epoch FROM clock_timestamp() - started) * 1000, ids, false);
            EXCEPTION WHEN query_canceled THEN
                INSERT INTO timings VALUES ('pg_trgm', q.query_id,
                    extract(epoch FROM clock_timestamp() - started) * 1000, NULL, true);
            END;
            PERFORM set_config('statement_timeout', '0', false);
            COMMIT;
        END IF;
    END LOOP;
END $$;
CALL run_queries(:queries, :trgm_queries, :'trgm_timeout');

-- Recall and precision against what was planted, on the queries each
-- method answered: positives are the origin and the exact, typographic,
-- elided and altered reproductions.
CREATE VIEW scores AS
WITH positives AS (
    SELECT query_id, article_id FROM truth
     WHERE planted IN ('origin', 'exact', 'typographic', 'elided', 'altered')
), returned AS (
    SELECT t.method, t.query_id, unnest(t.found) AS article_id FROM timings t WHERE NOT t.timed_out
), answered AS (
    SELECT method, query_id FROM timings WHERE NOT timed_out
)
SELECT a.method,
       (SELECT count(*) FROM answered x WHERE x.method = a.method) AS queries,
       (SELECT count(*) FROM timings x WHERE x.method = a.method AND x.timed_out) AS timeouts,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY t.ms) AS p50_ms,
       percentile_cont(0.95) WITHIN GROUP (ORDER BY t.ms) AS p95_ms,
       (SELECT count(*) FROM positives p JOIN answered x USING (query_id)
         WHERE x.method = a.method
           AND EXISTS (SELECT 1 FROM returned r WHERE r.method = a.method
                        AND r.query_id = p.query_id AND r.article_id = p.article_id)) AS found_positives,
       (SELECT count(*) FROM positives p JOIN answered x USING (query_id) WHERE x.method = a.method) AS positives,
       (SELECT count(*) FROM returned r WHERE r.method = a.method) AS returned,
       (SELECT count(*) FROM returned r WHERE r.method = a.method
           AND EXISTS (SELECT 1 FROM positives p WHERE p.query_id = r.query_id
                        AND p.article_id = r.article_id)) AS returned_positives
  FROM (SELECT DISTINCT method FROM timings) a
  JOIN timings t ON t.method = a.method
 GROUP BY a.method;

CREATE TABLE bench_results AS
SELECT :size AS size, :articles AS articles, :text_mb AS text_mb, s.method,
       CASE s.method WHEN 'verbatim' THEN :fp_build_s ELSE :trgm_build_s END AS build_s,
       CASE s.method WHEN 'verbatim' THEN :fp_bytes ELSE :trgm_bytes END AS index_bytes,
       s.queries, s.timeouts, s.p50_ms, s.p95_ms,
       s.found_positives, s.positives, s.returned, s.returned_positives,
       :load_s AS load_s
  FROM scores s;

-- What a method missed or added, by kind of plant (for the record).
SELECT t.method, x.planted, count(*) AS missed
  FROM timings t
  JOIN truth x ON x.query_id = t.query_id
 WHERE NOT t.timed_out
   AND x.planted IN ('origin', 'exact', 'typographic', 'elided', 'altered')
   AND x.article_id <> ALL (t.found)
 GROUP BY 1, 2 ORDER BY 1, 2;
SELECT t.method, coalesce(x.planted, 'nothing planted') AS planted, count(*) AS extra
  FROM timings t
 CROSS JOIN LATERAL unnest(t.found) f(article_id)
  LEFT JOIN truth x ON x.query_id = t.query_id AND x.article_id = f.article_id
 WHERE NOT t.timed_out
   AND (x.planted IS NULL OR x.planted NOT IN ('origin', 'exact', 'typographic', 'elided', 'altered'))
 GROUP BY 1, 2 ORDER BY 1, 2;
