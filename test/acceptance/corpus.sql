--
-- Acceptance test on the real case in ../shared/corpus (read, never copied).
-- Run by test/acceptance/run, which loads the tables incoming (the articles,
-- one jsonb a line) and gold (asay-gold.tsv) first.
-- Prints one line per check: "ok <name>" or "not ok <name>: <detail>".
--
\set ON_ERROR_STOP 1
SET client_min_messages = warning;

SELECT count(verbatim.ingest(doc)) AS ingested FROM incoming \gset

CREATE TEMP VIEW original AS
SELECT * FROM verbatim.article WHERE key = 'infoworld-asay-2025-04-14';
CREATE TEMP VIEW quoting AS
SELECT * FROM verbatim.article WHERE key = 'techspot-open-source-ai-linux';
CREATE TEMP VIEW quoting_direct AS
SELECT v.* FROM verbatim.quotes v JOIN quoting a ON a.id = v.article_id
 WHERE v.kind = 'direct';

CREATE TEMP TABLE result (ordinal serial, name text, passed boolean, detail text);

INSERT INTO result (name, passed, detail)
SELECT 'both articles ingested', :ingested = 2 AND (SELECT count(*) FROM original) = 1
       AND (SELECT count(*) FROM quoting) = 1, :'ingested' || ' ingested';

INSERT INTO result (name, passed, detail)
SELECT 'quoting article yields exactly the 8 gold direct quotes',
       (SELECT array_agg(quote ORDER BY quote) FROM quoting_direct)
         = (SELECT array_agg(quote ORDER BY quote) FROM gold),
       (SELECT string_agg(quote, ' | ' ORDER BY ordinal) FROM quoting_direct);

INSERT INTO result (name, passed, detail)
SELECT pg_catalog.format('gold quote %s: found, by %s, method %s', g.n, g.speaker,
                         split_part(split_part(g.attribution, ':', 1), ' ', 1)),
       q.quote IS NOT NULL AND q.speaker = g.speaker
         AND q.method = split_part(split_part(g.attribution, ':', 1), ' ', 1),
       coalesce(pg_catalog.format('speaker=%s mention=%s cue=%s method=%s',
                                  q.speaker, q.mention, q.cue, q.method), 'not found')
  FROM gold g LEFT JOIN quoting_direct q ON q.quote = g.quote
 ORDER BY g.n;

INSERT INTO result (name, passed, detail)
SELECT pg_catalog.format('original: “%s” is a scare quote', term),
       EXISTS (SELECT 1 FROM verbatim.quotes v JOIN original a ON a.id = v.article_id
                WHERE rtrim(v.quote, ',.') = term AND v.kind = 'scare' AND v.speaker IS NULL),
       (SELECT string_agg(v.quote || '=' || v.kind, ', ') FROM verbatim.quotes v
          JOIN original a ON a.id = v.article_id)
  FROM unnest(ARRAY['baddie', 'open enough', 'DeepSeek moment']) AS term;

INSERT INTO result (name, passed, detail)
SELECT 'no quote attributed to someone who did not say it',
       NOT EXISTS (SELECT 1 FROM verbatim.quotes v
                    WHERE v.article_id IN (SELECT id FROM original UNION SELECT id FROM quoting)
                      AND v.speaker IS NOT NULL AND v.speaker <> 'Matt Asay'),
       (SELECT string_agg(DISTINCT v.speaker, ', ') FROM verbatim.quotes v);

INSERT INTO result (name, passed, detail)
SELECT 'spans point into the stored bodies',
       NOT EXISTS (SELECT 1 FROM verbatim.quote q JOIN verbatim.article a ON a.id = q.article_id
                    WHERE substr(a.body, lower(q.span), upper(q.span) - lower(q.span)) <> q.quote),
       '';

INSERT INTO result (name, passed, detail)
SELECT 'the quote citing the outlet records it',
       EXISTS (SELECT 1 FROM quoting_direct q JOIN gold g ON g.quote = q.quote
                WHERE g.attribution LIKE '%Info World%' AND q.cited_outlet = 'Info World'),
       (SELECT string_agg(DISTINCT cited_outlet, ', ') FROM quoting_direct);

-- Fidelity: check_quote() against the column, and fidelity_report().
CREATE TEMP TABLE checked AS
SELECT g.n, g.quote, g.faithful = 'yes' AS gold_faithful,
       string_to_array(g.verdicts, '|') AS gold_verdicts, g.source_passage,
       verbatim.check_quote(g.quote, (SELECT body FROM original)) AS r
  FROM gold g;

INSERT INTO result (name, passed, detail)
SELECT pg_catalog.format('gold quote %s: check_quote verdict in {%s}, faithful %s, excerpt holds the passage',
                         c.n, array_to_string(c.gold_verdicts, ','), c.gold_faithful),
       (c.r).verdict::text = ANY (c.gold_verdicts)
         AND (c.r).faithful = c.gold_faithful
         AND (verbatim.check_quote(c.source_passage, (c.r).excerpt)).verdict <= 'typographic',
       pg_catalog.format('verdict=%s faithful=%s excerpt=%s', (c.r).verdict, (c.r).faithful, (c.r).excerpt)
  FROM checked c ORDER BY c.n;

INSERT INTO result (name, passed, detail)
SELECT 'gold quote 1: the diff shows the words that are not in the column',
       (c.r).diff LIKE '%{+and no one can put the open source genie back in the bottle%+}%',
       (c.r).diff
  FROM checked c WHERE c.n = 1;

CREATE TEMP TABLE reported AS
SELECT f.*, g.n, g.faithful = 'yes' AS gold_faithful,
       string_to_array(g.verdicts, '|') AS gold_verdicts, g.source_passage
  FROM verbatim.fidelity_report('Matt Asay') f
  JOIN gold g ON g.quote = f.quote;

INSERT INTO result (name, passed, detail)
SELECT 'fidelity_report(''Matt Asay'') reports the 8 quotes of the quoting article',
       (SELECT count(*) FROM reported) = 8
         AND (SELECT count(*) FROM verbatim.fidelity_report('Matt Asay')) = 8,
       (SELECT count(*) FROM reported)::text;

INSERT INTO result (name, passed, detail)
SELECT pg_catalog.format('gold quote %s: fidelity_report verdict in {%s}, faithful %s, source the column',
                         f.n, array_to_string(f.gold_verdicts, ','), f.gold_faithful),
       f.verdict::text = ANY (f.gold_verdicts) AND f.faithful = f.gold_faithful
         AND f.source_article_id = (SELECT id FROM original) AND f.source_kind = 'primary'
         AND (verbatim.check_quote(f.source_passage, f.excerpt)).verdict <= 'typographic',
       pg_catalog.format('verdict=%s faithful=%s source=%s excerpt=%s', f.verdict, f.faithful,
                         f.source_article_id, f.excerpt)
  FROM reported f ORDER BY f.n;

\pset format unaligned
\pset tuples_only on
SELECT CASE WHEN passed THEN 'ok ' || name
            ELSE 'not ok ' || name || ': ' || coalesce(detail, '') END
  FROM result ORDER BY ordinal;
