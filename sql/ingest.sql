--
-- verbatim.ingest(jsonb): one article from a JSON object.
--
SET client_min_messages = warning;

SELECT verbatim.ingest($${
  "key": "ledger-2026-03-02-water",
  "outlet": "The Harbor Ledger",
  "author": "Dana Whitlock",
  "published": "2026-03-02T09:00:00+00:00",
  "url": "https://ledger.example.org/2026/03/02/water",
  "title": "Open the water books",
  "body": "“The meters were never smart,” Whitlock wrote."
}$$) AS ledger_id \gset

SELECT key, outlet, author, published_at AT TIME ZONE 'UTC' AS published_utc, url, title, lang
  FROM verbatim.article WHERE id = :ledger_id;
SELECT quote, speaker, method FROM verbatim.quotes WHERE article_id = :ledger_id;

-- The same key again updates the article in place and re-extracts.
SELECT verbatim.ingest($${
  "key": "ledger-2026-03-02-water",
  "outlet": "The Harbor Ledger",
  "author": "Dana Whitlock",
  "published": "2026-03-02T09:00:00+00:00",
  "url": "https://ledger.example.org/2026/03/02/water",
  "title": "Open the water books (updated)",
  "body": "“The meters were never smart, and never will be,” Whitlock wrote."
}$$) = :ledger_id AS same_article;
SELECT title FROM verbatim.article WHERE id = :ledger_id;
SELECT quote FROM verbatim.quotes WHERE article_id = :ledger_id;

-- Without a key, the url identifies the article.
SELECT verbatim.ingest('{"outlet": "Metro Wire", "url": "https://wire.example.net/a1", "body": "First."}') AS wire_id \gset
SELECT verbatim.ingest('{"outlet": "Metro Wire", "url": "https://wire.example.net/a1", "body": "Second."}') = :wire_id
       AS same_by_url;

-- Nulls and absent optional fields are fine; unknown fields are ignored.
SELECT verbatim.ingest('{"outlet": "Coastline Daily", "author": null, "published": null, "url": null, "body": "No quotes here.", "section": "Metro"}') IS NOT NULL
       AS minimal_ok;
SELECT count(*) AS articles FROM verbatim.article;

-- NULL in, NULL out.
SELECT verbatim.ingest(NULL) IS NULL AS null_in_null_out;

-- Errors name the field and say what to do.
\set VERBOSITY default
SELECT verbatim.ingest('{"outlet": "Metro Wire"}');
SELECT verbatim.ingest('{"body": "text"}');
SELECT verbatim.ingest('{"outlet": "Metro Wire", "body": null}');
SELECT verbatim.ingest('{"outlet": "Metro Wire", "body": 42}');
SELECT verbatim.ingest('{"outlet": "Metro Wire", "body": "x", "author": ["a", "b"]}');
SELECT verbatim.ingest('{"outlet": "", "body": "x"}');
SELECT verbatim.ingest('{"outlet": "Metro Wire", "body": "x", "published": "last Tuesday"}');
SELECT verbatim.ingest('["outlet", "body"]');
SELECT verbatim.ingest('"just a string"');
\set VERBOSITY terse
-- and the SQLSTATE is a specific one, never XX000
SET client_min_messages = notice;
DO $$
DECLARE
    doc jsonb;
    state text;
BEGIN
    FOREACH doc IN ARRAY ARRAY['{"outlet": "W"}', '{"outlet": "W", "body": 1}',
                               '{"outlet": "W", "body": "x", "published": "soon"}',
                               '{"outlet": "W", "body": "x", "published": "now"}',
                               '{"outlet": "W", "body": "x", "published": "2026-02-30"}', '[]']::jsonb[] LOOP
        BEGIN
            PERFORM verbatim.ingest(doc);
        EXCEPTION WHEN OTHERS THEN
            GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE;
            RAISE NOTICE '% -> %', doc, state;
        END;
    END LOOP;
END
$$;
