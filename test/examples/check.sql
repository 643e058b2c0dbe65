--
-- The example corpus against its answer key (examples/expected-quotes.tsv).
-- Run by test/examples/run, which loads the tables incoming (the articles)
-- and answer (the key) first.  One line per check: "ok ..." or "not ok ...".
--
SET client_min_messages = warning;
SELECT count(verbatim.ingest(doc)) AS ingested FROM incoming \gset

CREATE TEMP VIEW found AS
SELECT a.key, v.ordinal, v.quote, v.kind, coalesce(v.speaker, '') AS speaker,
       coalesce(v.mention, '') AS mention, coalesce(v.cue, '') AS cue, v.method
  FROM verbatim.quotes v JOIN verbatim.article a ON a.id = v.article_id;

\pset format unaligned
\pset tuples_only on
SELECT CASE WHEN f.quote IS NOT NULL
             AND (f.kind, f.speaker, f.mention, f.cue, f.method)
                 = (k.kind, coalesce(k.speaker, ''), coalesce(k.mention, ''),
                    coalesce(k.cue, ''), k.method)
            THEN 'ok '
            ELSE 'not ok ' END
       || pg_catalog.format('example %s #%s (%s, %s)', k.key, k.n, k.kind, k.method)
       || CASE WHEN f.quote IS NULL THEN ': not found'
               WHEN (f.kind, f.speaker, f.mention, f.cue, f.method)
                    IS DISTINCT FROM (k.kind, coalesce(k.speaker, ''), coalesce(k.mention, ''),
                                      coalesce(k.cue, ''), k.method)
               THEN pg_catalog.format(': got %s, %s, %s, %s, %s',
                                      f.kind, f.speaker, f.mention, f.cue, f.method)
               ELSE '' END
  FROM answer k LEFT JOIN found f ON f.key = k.key AND f.quote = k.quote
 ORDER BY k.key, k.n;

-- nothing found that the key does not list
SELECT CASE WHEN count(*) = 0 THEN 'ok no quotation beyond the answer key'
            ELSE 'not ok quotations beyond the answer key: '
                 || string_agg(f.key || ' ' || f.quote, '; ') END
  FROM found f
 WHERE NOT EXISTS (SELECT 1 FROM answer k WHERE k.key = f.key AND k.quote = f.quote);
