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

-- Fidelity: every quotation of the columnist against her column, by hand
-- (examples/expected-verdicts.tsv), through fidelity_report().
CREATE TEMP TABLE reported AS
SELECT a.key, f.*
  FROM verbatim.fidelity_report('Dana Whitlock') f
  JOIN verbatim.article a ON a.id = f.article_id;

SELECT CASE WHEN f.quote IS NOT NULL
             AND f.verdict::text = k.verdict
             AND f.faithful = k.faithful
             AND array_to_string(f.flags, ',') = coalesce(k.flags, '')
             AND (k.source_passage IS NULL
                  OR (verbatim.check_quote(k.source_passage, f.excerpt)).verdict <= 'typographic')
            THEN 'ok ' ELSE 'not ok ' END
       || pg_catalog.format('verdict %s #%s (%s%s)', k.key, k.n, k.verdict,
                            CASE WHEN k.flags IS NULL THEN '' ELSE ', ' || k.flags END)
       || CASE WHEN f.quote IS NULL THEN ': not reported'
               WHEN f.verdict::text <> k.verdict OR f.faithful <> k.faithful
                    OR array_to_string(f.flags, ',') <> coalesce(k.flags, '')
               THEN pg_catalog.format(': got %s, faithful %s, flags {%s}, diff %s',
                                      f.verdict, f.faithful, array_to_string(f.flags, ','), f.diff)
               WHEN k.source_passage IS NOT NULL
                    AND (verbatim.check_quote(k.source_passage, f.excerpt)).verdict > 'typographic'
               THEN ': excerpt lacks the passage: ' || coalesce(f.excerpt, '(none)')
               ELSE '' END
  FROM verdict_key k
  LEFT JOIN reported f ON f.key = k.key AND f.quote = k.quote
 ORDER BY k.key, k.n;

-- The examples cover every verdict three times and every flag.
SELECT CASE WHEN count(*) FILTER (WHERE k.verdict = v::text) >= 3 THEN 'ok ' ELSE 'not ok ' END
       || 'the examples have three or more ' || v::text || ' quotations'
  FROM unnest(enum_range(NULL::verbatim.verdict)) v, verdict_key k
 GROUP BY v ORDER BY v;
SELECT CASE WHEN count(*) FILTER (WHERE k.flags LIKE '%' || flag || '%') >= 1 THEN 'ok ' ELSE 'not ok ' END
       || 'the examples have a quotation flagged ' || flag
  FROM unnest(ARRAY['negation', 'number', 'name', 'hedge']) flag, verdict_key k
 GROUP BY flag ORDER BY flag;
