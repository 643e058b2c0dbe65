--
-- Is what verbatim stored consistent?  Run with psql -A -t after a load or
-- a crash; prints one "ok ..." or "not ok ..." line per check, with the
-- number of rows looked at.
--
-- The quotation rows of every article are what extract_quotes_detail()
-- finds in its body now (ordinal, span, text, kind, paragraph, speaker,
-- mention, cue, method, cited outlet); nothing refers to a row that is
-- gone; every cached check equals the check made now on the texts it
-- names (the cache is dropped for a quotation when its article's body
-- changes, since the quotation is re-created, and for a source article
-- when its body changes: what is left must be current); every sequence is
-- past the largest id it gave.
--

WITH found AS (
    SELECT a.id AS article_id, x.ordinal, x.span, x.quote, x.kind, x.paragraph,
           NULLIF(btrim(x.speaker), '') AS speaker, x.mention, x.cue, x.method,
           x.cited_outlet
      FROM verbatim.article a,
           LATERAL verbatim.extract_quotes_detail(a.body) WITH ORDINALITY
               AS x(span, quote, kind, speaker, mention, cue, method, paragraph,
                    cited_outlet, ordinal)
), stored AS (
    SELECT q.article_id, q.ordinal, q.span, q.quote, q.kind, q.paragraph,
           s.name, s.aliases, t.quote_id IS NOT NULL AS attributed, t.mention, t.cue,
           t.method, t.cited_outlet
      FROM verbatim.quote q
      LEFT JOIN verbatim.attribution t ON t.quote_id = q.id
      LEFT JOIN verbatim.speaker s ON s.id = t.speaker_id
), cmp AS (
    SELECT f.article_id IS NULL OR s.article_id IS NULL OR NOT s.attributed
           OR (f.span, f.quote, f.kind, f.paragraph, f.mention, f.cue, f.method, f.cited_outlet)
              IS DISTINCT FROM
              (s.span, s.quote, s.kind, s.paragraph, s.mention, s.cue, s.method, s.cited_outlet)
           OR (f.speaker IS NULL) <> (s.name IS NULL)
           OR NOT (f.speaker = s.name OR f.speaker = ANY (s.aliases)) AS differs
      FROM found f
      FULL JOIN stored s ON s.article_id = f.article_id AND s.ordinal = f.ordinal
)
SELECT CASE WHEN count(*) FILTER (WHERE differs) = 0 THEN 'ok' ELSE 'not ok' END ||
       ' every article''s quotation rows equal extract_quotes_detail(body) (' ||
       (SELECT count(*) FROM verbatim.article) || ' articles, ' || count(*) || ' quotations'
       || CASE WHEN count(*) FILTER (WHERE differs) > 0
               THEN ', ' || count(*) FILTER (WHERE differs) || ' differ' ELSE '' END || ')'
  FROM cmp;

SELECT CASE WHEN bad = 0 THEN 'ok' ELSE 'not ok' END ||
       ' no quotation, attribution, check or primary source without what it refers to' ||
       CASE WHEN bad > 0 THEN ' (' || bad || ' orphans)' ELSE '' END
  FROM (SELECT
    (SELECT count(*) FROM verbatim.quote q
      WHERE NOT EXISTS (SELECT 1 FROM verbatim.article a WHERE a.id = q.article_id)) +
    (SELECT count(*) FROM verbatim.attribution t
      WHERE NOT EXISTS (SELECT 1 FROM verbatim.quote q WHERE q.id = t.quote_id)
         OR (t.speaker_id IS NOT NULL AND
             NOT EXISTS (SELECT 1 FROM verbatim.speaker s WHERE s.id = t.speaker_id))) +
    (SELECT count(*) FROM verbatim.check_cache c
      WHERE NOT EXISTS (SELECT 1 FROM verbatim.quote q WHERE q.id = c.quote_id)
         OR NOT EXISTS (SELECT 1 FROM verbatim.article a WHERE a.id = c.source_article_id)
         OR (c.source_quote_id IS NOT NULL AND
             NOT EXISTS (SELECT 1 FROM verbatim.quote q WHERE q.id = c.source_quote_id))) +
    (SELECT count(*) FROM verbatim.primary_source p
      WHERE NOT EXISTS (SELECT 1 FROM verbatim.article a WHERE a.id = p.article_id)
         OR NOT EXISTS (SELECT 1 FROM verbatim.speaker s WHERE s.id = p.speaker_id)) AS bad) o;

-- A check against a whole article is check_quote(quote, body); one
-- against another quotation is check_quote(quote, that quotation) with
-- the span moved into the body of the article carrying it.
WITH now AS (
    SELECT c.result,
           CASE WHEN c.source_quote_id IS NULL THEN
                    verbatim.check_quote(q.quote, a.body)
                WHEN sq.article_id = c.source_article_id THEN
                    (SELECT ROW(r.verdict, r.faithful, r.score, r.coverage,
                                CASE WHEN r.span IS NULL THEN NULL
                                     ELSE int4range(lower(r.span) + lower(sq.span) - 1,
                                                    upper(r.span) + lower(sq.span) - 1) END,
                                r.excerpt, r.diff, r.flags)::verbatim.check_result
                       FROM verbatim.check_quote(q.quote, sq.quote) r)
           END AS fresh
      FROM verbatim.check_cache c
      JOIN verbatim.quote q ON q.id = c.quote_id
      JOIN verbatim.article a ON a.id = c.source_article_id
      LEFT JOIN verbatim.quote sq ON sq.id = c.source_quote_id
)
SELECT CASE WHEN stale = 0 THEN 'ok' ELSE 'not ok' END ||
       ' no cached check is stale: each equals check_quote() on the current texts (' ||
       checks || ' checks' || CASE WHEN stale > 0 THEN ', ' || stale || ' stale' ELSE '' END || ')'
  FROM (SELECT count(*) AS checks,
               count(*) FILTER (WHERE result::text IS DISTINCT FROM fresh::text) AS stale
          FROM now) s;

SELECT CASE WHEN count(*) FILTER (WHERE NOT sane) = 0 THEN 'ok' ELSE 'not ok' END ||
       ' every sequence is past the largest id in its table (' ||
       string_agg(seq || ' ' || last || ' >= ' || coalesce(top::text, 'none'), ', ' ORDER BY seq) || ')'
  FROM (SELECT 'article_id_seq' AS seq, pg_sequence_last_value('verbatim.article_id_seq') AS last,
               (SELECT max(id) FROM verbatim.article) AS top
        UNION ALL
        SELECT 'quote_id_seq', pg_sequence_last_value('verbatim.quote_id_seq'),
               (SELECT max(id) FROM verbatim.quote)
        UNION ALL
        SELECT 'speaker_id_seq', pg_sequence_last_value('verbatim.speaker_id_seq'),
               (SELECT max(id) FROM verbatim.speaker)) s,
       LATERAL (SELECT top IS NULL OR coalesce(last >= top, false) AS sane) v;

SELECT CASE WHEN bad = 0 THEN 'ok' ELSE 'not ok' END ||
       ' speakers are unique by name and every article''s ordinals run 1..n' ||
       CASE WHEN bad > 0 THEN ' (' || bad || ' violations)' ELSE '' END
  FROM (SELECT
    (SELECT count(*) FROM (SELECT name FROM verbatim.speaker GROUP BY name HAVING count(*) > 1) d) +
    (SELECT count(*) FROM (SELECT article_id FROM verbatim.quote GROUP BY article_id
                            HAVING max(ordinal) <> count(*) OR min(ordinal) <> 1) o) AS bad) v;
