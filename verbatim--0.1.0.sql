/* verbatim--0.1.0.sql */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION verbatim" to load this file. \quit

-- Spans are character positions and the text core reads UTF-8: refuse any
-- other database encoding now rather than at the first article.
DO $$
BEGIN
    IF pg_catalog.getdatabaseencoding() <> 'UTF8' THEN
        RAISE EXCEPTION USING
            ERRCODE = 'feature_not_supported',
            MESSAGE = 'verbatim requires a database with UTF8 encoding',
            DETAIL = pg_catalog.format('The current database uses encoding "%s".',
                                       pg_catalog.getdatabaseencoding()),
            HINT = 'Create the database with ENCODING ''UTF8'' TEMPLATE template0 and install verbatim there.';
    END IF;
END
$$;

--------------------------------------------------------------------------
-- Pure functions over text.  IMMUTABLE: the result depends on the argument
-- alone (no locale, no setting, no table), so they can be used in indexes
-- and generated columns and run in parallel workers.
--------------------------------------------------------------------------

CREATE FUNCTION verbatim.extract_quotes(
    body text,
    OUT span int4range,
    OUT quote text,
    OUT kind text,
    OUT speaker text,
    OUT mention text,
    OUT cue text,
    OUT method text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'verbatim_extract_quotes'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
ROWS 20;

COMMENT ON FUNCTION verbatim.extract_quotes(text) IS
'Every quotation in a text, with its kind and attribution; span is in characters, as substr() counts';

CREATE FUNCTION verbatim.extract_quotes_detail(
    body text,
    OUT span int4range,
    OUT quote text,
    OUT kind text,
    OUT speaker text,
    OUT mention text,
    OUT cue text,
    OUT method text,
    OUT paragraph int4,
    OUT cited_outlet text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'verbatim_extract_quotes'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
ROWS 20;

COMMENT ON FUNCTION verbatim.extract_quotes_detail(text) IS
'extract_quotes() plus the paragraph of each quotation and the outlet its attribution cites';

-- How faithfully a quotation reproduces its source, best to worst, so that
-- max(verdict) is the worst of a set.
CREATE TYPE verbatim.verdict AS ENUM (
    'exact', 'typographic', 'elided', 'altered', 'spliced', 'paraphrased',
    'unsupported'
);

COMMENT ON TYPE verbatim.verdict IS
'How faithfully a quotation reproduces its source, best to worst';

CREATE TYPE verbatim.check_result AS (
    verdict verbatim.verdict,
    faithful boolean,
    score real,
    coverage real,
    span int4range,
    excerpt text,
    diff text,
    flags text[]
);

COMMENT ON TYPE verbatim.check_result IS
'The result of verbatim.check_quote(): verdict, where in the source, what changed';

CREATE FUNCTION verbatim.check_quote(quote text, source text)
RETURNS verbatim.check_result
AS 'MODULE_PATHNAME', 'verbatim_check_quote'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION verbatim.check_quote(text, text) IS
'Does a quotation reproduce the source''s words: verdict, the passage it matches (span in characters, excerpt), a word diff and meaning-critical flags';

CREATE FUNCTION verbatim.library_version()
RETURNS text
AS 'MODULE_PATHNAME', 'verbatim_library_version'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION verbatim.library_version() IS
'The version the loaded shared library was built as';

--------------------------------------------------------------------------
-- Storage.  Sequences are explicit (not identity columns) so that they can
-- be registered for pg_dump alongside their tables.
--------------------------------------------------------------------------

CREATE SEQUENCE verbatim.article_id_seq;
CREATE TABLE verbatim.article (
    id bigint PRIMARY KEY DEFAULT pg_catalog.nextval('verbatim.article_id_seq'),
    key text UNIQUE CHECK (key <> ''),
    outlet text NOT NULL CHECK (outlet <> ''),
    url text UNIQUE CHECK (url <> ''),
    author text,
    published_at timestamptz,
    title text,
    lang text,
    body text NOT NULL,
    ingested_at timestamptz NOT NULL DEFAULT pg_catalog.now()
);
ALTER SEQUENCE verbatim.article_id_seq OWNED BY verbatim.article.id;
CREATE INDEX article_outlet_published_idx ON verbatim.article (outlet, published_at);
CREATE INDEX article_author_idx ON verbatim.article (author);

COMMENT ON TABLE verbatim.article IS
'Articles as received; inserting or updating the body extracts its quotations';
COMMENT ON COLUMN verbatim.article.key IS
'The source''s own identifier for the article, if it has one';

CREATE SEQUENCE verbatim.speaker_id_seq;
CREATE TABLE verbatim.speaker (
    id bigint PRIMARY KEY DEFAULT pg_catalog.nextval('verbatim.speaker_id_seq'),
    name text NOT NULL UNIQUE CHECK (pg_catalog.btrim(name) <> ''),
    aliases text[] NOT NULL DEFAULT '{}'
);
ALTER SEQUENCE verbatim.speaker_id_seq OWNED BY verbatim.speaker.id;
CREATE INDEX speaker_aliases_idx ON verbatim.speaker USING gin (aliases);

COMMENT ON TABLE verbatim.speaker IS
'People (and organisations) quoted: a canonical name and the other names they go by';

-- Articles that carry a speaker's own words although the speaker is not
-- their author: transcripts, statements, posts.
CREATE TABLE verbatim.primary_source (
    speaker_id bigint NOT NULL REFERENCES verbatim.speaker (id) ON DELETE CASCADE,
    article_id bigint NOT NULL REFERENCES verbatim.article (id) ON DELETE CASCADE,
    note text,
    PRIMARY KEY (speaker_id, article_id)
);
CREATE INDEX primary_source_article_idx ON verbatim.primary_source (article_id);

CREATE SEQUENCE verbatim.quote_id_seq;
CREATE TABLE verbatim.quote (
    id bigint PRIMARY KEY DEFAULT pg_catalog.nextval('verbatim.quote_id_seq'),
    article_id bigint NOT NULL REFERENCES verbatim.article (id) ON DELETE CASCADE,
    ordinal int4 NOT NULL CHECK (ordinal >= 1),
    span int4range NOT NULL CHECK (NOT pg_catalog.isempty(span) AND pg_catalog.lower(span) >= 1),
    quote text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('direct', 'partial', 'scare')),
    paragraph int4 NOT NULL CHECK (paragraph >= 1),
    UNIQUE (article_id, ordinal)
);
ALTER SEQUENCE verbatim.quote_id_seq OWNED BY verbatim.quote.id;

COMMENT ON TABLE verbatim.quote IS
'One row per quotation found in an article; substr(body, lower(span), upper(span) - lower(span)) = quote';

CREATE TABLE verbatim.attribution (
    quote_id bigint PRIMARY KEY REFERENCES verbatim.quote (id) ON DELETE CASCADE,
    speaker_id bigint REFERENCES verbatim.speaker (id) ON DELETE SET NULL,
    mention text,
    cue text,
    method text NOT NULL CHECK (method IN ('named', 'pronoun', 'continuation',
                                           'according_to', 'colon', 'none')),
    cited_outlet text
);
CREATE INDEX attribution_speaker_idx ON verbatim.attribution (speaker_id);

COMMENT ON TABLE verbatim.attribution IS
'Who each quotation is attributed to, the words that say so, and the outlet it cites';

-- Results of check_quote() for a quotation against a source: a whole
-- article body (source_quote_id NULL) or another stored quotation.  Rows go
-- when either side changes: quotations are re-created when their article's
-- body changes, and the update trigger clears checks against the body.
CREATE TABLE verbatim.check_cache (
    quote_id bigint NOT NULL REFERENCES verbatim.quote (id) ON DELETE CASCADE,
    source_article_id bigint NOT NULL REFERENCES verbatim.article (id) ON DELETE CASCADE,
    source_quote_id bigint REFERENCES verbatim.quote (id) ON DELETE CASCADE,
    result verbatim.check_result NOT NULL,
    checked_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
    UNIQUE NULLS NOT DISTINCT (quote_id, source_article_id, source_quote_id)
);
CREATE INDEX check_cache_source_article_idx ON verbatim.check_cache (source_article_id);
CREATE INDEX check_cache_source_quote_idx ON verbatim.check_cache (source_quote_id);

COMMENT ON TABLE verbatim.check_cache IS
'Cached check_quote() results of stored quotations against their sources';

SELECT pg_catalog.pg_extension_config_dump('verbatim.article', '');
SELECT pg_catalog.pg_extension_config_dump('verbatim.article_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('verbatim.speaker', '');
SELECT pg_catalog.pg_extension_config_dump('verbatim.speaker_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('verbatim.primary_source', '');
SELECT pg_catalog.pg_extension_config_dump('verbatim.quote', '');
SELECT pg_catalog.pg_extension_config_dump('verbatim.quote_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('verbatim.attribution', '');
SELECT pg_catalog.pg_extension_config_dump('verbatim.check_cache', '');

--------------------------------------------------------------------------
-- Speakers
--------------------------------------------------------------------------

-- The speaker a name stands for, created if new.  A name matches a
-- speaker's canonical name, or else an alias that exactly one speaker has.
-- A new multi-word name gets its last word as an alias, so that "Whitlock"
-- in a later article finds "Dana Whitlock".  VOLATILE: it may insert.
CREATE FUNCTION verbatim.resolve_speaker(name text)
RETURNS bigint
LANGUAGE plpgsql
STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    found_id bigint;
    clean text := pg_catalog.btrim(name);
    surname text;
BEGIN
    IF clean = '' THEN
        RETURN NULL;
    END IF;
    SELECT s.id INTO found_id FROM verbatim.speaker s WHERE s.name = clean;
    IF found_id IS NOT NULL THEN
        RETURN found_id;
    END IF;
    SELECT min(s.id) INTO found_id
      FROM verbatim.speaker s
     WHERE s.aliases @> ARRAY[clean]
    HAVING count(*) = 1;
    IF found_id IS NOT NULL THEN
        RETURN found_id;
    END IF;
    IF clean ~ '\s' THEN
        surname := substring(clean FROM '(\S+)$');
    END IF;
    INSERT INTO verbatim.speaker AS s (name, aliases)
    VALUES (clean, CASE WHEN surname IS NULL THEN '{}'::text[] ELSE ARRAY[surname] END)
    ON CONFLICT ON CONSTRAINT speaker_name_key DO NOTHING
    RETURNING s.id INTO found_id;
    IF found_id IS NULL THEN
        -- created concurrently by another session
        SELECT s.id INTO found_id FROM verbatim.speaker s WHERE s.name = clean;
    END IF;
    RETURN found_id;
END
$$;

COMMENT ON FUNCTION verbatim.resolve_speaker(text) IS
'The id of the speaker a name (or unique alias) stands for, creating the speaker if new';

--------------------------------------------------------------------------
-- Extraction on write
--------------------------------------------------------------------------

CREATE FUNCTION verbatim.article_extract_trigger()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
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

CREATE TRIGGER article_extract_insert
    AFTER INSERT ON verbatim.article
    FOR EACH ROW EXECUTE FUNCTION verbatim.article_extract_trigger();

CREATE TRIGGER article_extract_update
    AFTER UPDATE OF body ON verbatim.article
    FOR EACH ROW WHEN (OLD.body IS DISTINCT FROM NEW.body)
    EXECUTE FUNCTION verbatim.article_extract_trigger();

--------------------------------------------------------------------------
-- Reading it back.  security_invoker: row-level security on the tables
-- applies to whoever queries the view.
--------------------------------------------------------------------------

CREATE VIEW verbatim.quotes WITH (security_invoker = true) AS
SELECT q.id AS quote_id,
       a.id AS article_id,
       a.outlet,
       a.published_at,
       q.ordinal,
       q.paragraph,
       q.span,
       q.quote,
       q.kind,
       s.name AS speaker,
       t.mention,
       t.cue,
       t.method,
       t.cited_outlet
  FROM verbatim.quote q
  JOIN verbatim.article a ON a.id = q.article_id
  LEFT JOIN verbatim.attribution t ON t.quote_id = q.id
  LEFT JOIN verbatim.speaker s ON s.id = t.speaker_id;

COMMENT ON VIEW verbatim.quotes IS
'Every stored quotation with its article, outlet and attribution';

--------------------------------------------------------------------------
-- Ingestion
--------------------------------------------------------------------------

-- Load one article from a JSON object with the fields key, outlet, author,
-- published, url, title, lang and body.  outlet and body are required;
-- the others may be absent or null.  Other fields are ignored.  An article
-- whose key (or, lacking a key, url) is already stored is updated in
-- place, which re-extracts its quotations if the body changed.
CREATE FUNCTION verbatim.ingest(doc jsonb)
RETURNS bigint
LANGUAGE plpgsql
STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    field text;
    article_id bigint;
    published timestamptz;
BEGIN
    IF jsonb_typeof(doc) <> 'object' THEN
        RAISE EXCEPTION USING
            ERRCODE = 'invalid_parameter_value',
            MESSAGE = pg_catalog.format('verbatim.ingest expects a JSON object, not %s',
                                        jsonb_typeof(doc)),
            HINT = 'Pass one article as {"outlet": ..., "body": ..., ...}.';
    END IF;
    FOREACH field IN ARRAY ARRAY['outlet', 'body'] LOOP
        IF NOT doc ? field OR jsonb_typeof(doc -> field) = 'null' THEN
            RAISE EXCEPTION USING
                ERRCODE = 'null_value_not_allowed',
                MESSAGE = pg_catalog.format('article field "%s" is missing', field),
                DETAIL = 'Every article needs an "outlet" and a "body".',
                HINT = pg_catalog.format('Add "%s" as a JSON string.', field);
        END IF;
    END LOOP;
    FOREACH field IN ARRAY ARRAY['key', 'outlet', 'author', 'published', 'url',
                                 'title', 'lang', 'body'] LOOP
        IF doc ? field AND jsonb_typeof(doc -> field) NOT IN ('string', 'null') THEN
            RAISE EXCEPTION USING
                ERRCODE = 'invalid_parameter_value',
                MESSAGE = pg_catalog.format('article field "%s" must be a string, not %s',
                                            field, jsonb_typeof(doc -> field)),
                HINT = pg_catalog.format('Give "%s" as a JSON string, or null.', field);
        END IF;
    END LOOP;
    IF doc ->> 'outlet' = '' THEN
        RAISE EXCEPTION USING
            ERRCODE = 'invalid_parameter_value',
            MESSAGE = 'article field "outlet" is empty',
            HINT = 'Name the outlet that published the article.';
    END IF;
    BEGIN
        -- ISO 8601 only: the words PostgreSQL also accepts ("now",
        -- "epoch", "infinity") are not publication dates
        IF doc ->> 'published' !~ '^\d{4}-\d{2}-\d{2}' THEN
            RAISE EXCEPTION USING ERRCODE = 'invalid_datetime_format';
        END IF;
        published := (doc ->> 'published')::timestamptz;
    EXCEPTION WHEN invalid_datetime_format OR datetime_field_overflow THEN
        RAISE EXCEPTION USING
            ERRCODE = 'invalid_datetime_format',
            MESSAGE = pg_catalog.format('article field "published" is not a timestamp: %s',
                                        doc ->> 'published'),
            HINT = 'Use ISO 8601, for example "2026-03-02T09:00:00+00:00", or null.';
    END;

    IF doc ->> 'key' IS NOT NULL THEN
        INSERT INTO verbatim.article AS a (key, outlet, author, published_at, url, title, lang, body)
        VALUES (doc ->> 'key', doc ->> 'outlet', doc ->> 'author', published,
                NULLIF(doc ->> 'url', ''), doc ->> 'title', doc ->> 'lang', doc ->> 'body')
        ON CONFLICT (key) DO UPDATE
           SET outlet = excluded.outlet, author = excluded.author,
               published_at = excluded.published_at, url = excluded.url,
               title = excluded.title, lang = excluded.lang, body = excluded.body
        RETURNING a.id INTO article_id;
    ELSIF NULLIF(doc ->> 'url', '') IS NOT NULL THEN
        INSERT INTO verbatim.article AS a (outlet, author, published_at, url, title, lang, body)
        VALUES (doc ->> 'outlet', doc ->> 'author', published, doc ->> 'url',
                doc ->> 'title', doc ->> 'lang', doc ->> 'body')
        ON CONFLICT (url) DO UPDATE
           SET outlet = excluded.outlet, author = excluded.author,
               published_at = excluded.published_at, title = excluded.title,
               lang = excluded.lang, body = excluded.body
        RETURNING a.id INTO article_id;
    ELSE
        INSERT INTO verbatim.article AS a (outlet, author, published_at, title, lang, body)
        VALUES (doc ->> 'outlet', doc ->> 'author', published, doc ->> 'title',
                doc ->> 'lang', doc ->> 'body')
        RETURNING a.id INTO article_id;
    END IF;
    RETURN article_id;
END
$$;

COMMENT ON FUNCTION verbatim.ingest(jsonb) IS
'Store one article given as a JSON object (key, outlet, author, published, url, title, lang, body); returns its id';

--------------------------------------------------------------------------
-- Fidelity across outlets
--------------------------------------------------------------------------

-- The speakers a name stands for: by canonical name or alias.
CREATE FUNCTION verbatim.speakers_named(name text)
RETURNS SETOF bigint
LANGUAGE sql
STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT s.id FROM verbatim.speaker s
     WHERE s.name = speakers_named.name OR speakers_named.name = ANY (s.aliases)
$$;

COMMENT ON FUNCTION verbatim.speakers_named(text) IS
'Ids of the speakers whose name or alias this is (stable: it reads the speaker table)';

-- Articles carrying a speaker's own words: written by them (name or alias)
-- or registered in primary_source.
CREATE FUNCTION verbatim.primary_sources(speaker_ids bigint[])
RETURNS SETOF bigint
LANGUAGE sql
STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT a.id FROM verbatim.article a
     WHERE EXISTS (SELECT 1 FROM verbatim.speaker s
                    WHERE s.id = ANY (speaker_ids)
                      AND (a.author = s.name OR a.author = ANY (s.aliases)))
    UNION
    SELECT p.article_id FROM verbatim.primary_source p
     WHERE p.speaker_id = ANY (speaker_ids)
$$;

COMMENT ON FUNCTION verbatim.primary_sources(bigint[]) IS
'Ids of the articles that are primary sources of these speakers (stable: it reads tables)';

-- Every stored quotation attributed to a speaker, in any article but the
-- speaker's own, checked against the speaker's primary sources (a source
-- the quotation cites by outlet first on a tie); when none supports it (the
-- best is a paraphrase, or nothing), against earlier direct quotations of
-- the speaker in other outlets: a secondary source, used when it is
-- anchored (altered or better).  An article with no publication date
-- counts as possibly earlier.
--
-- Checks missing from verbatim.check_cache are computed set-wise, one
-- source after another, so check_quote() prepares each source once; then
-- the best source of each quotation is read from the cache.  VOLATILE: it
-- fills the cache.
CREATE FUNCTION verbatim.fidelity_report(speaker text)
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
      JOIN verbatim.article sa ON sa.id = sq.article_id
     CROSS JOIN LATERAL verbatim.check_quote(q.quote, sq.quote) r
     WHERE q.id = ANY (unsupported)
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

COMMENT ON FUNCTION verbatim.fidelity_report(text) IS
'Every stored quotation attributed to a speaker (name or alias) outside their own articles, checked against their primary sources, else earlier quotations elsewhere';

-- Per outlet: how many of the speaker's quotations it carries, how many of
-- each verdict, and the faithful share.  VOLATILE as fidelity_report().
CREATE FUNCTION verbatim.outlet_report(speaker text)
RETURNS TABLE (
    outlet text,
    quotes bigint,
    exact bigint,
    typographic bigint,
    elided bigint,
    altered bigint,
    spliced bigint,
    paraphrased bigint,
    unsupported bigint,
    faithful_share numeric
)
LANGUAGE sql
STRICT
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT f.outlet,
           count(*),
           count(*) FILTER (WHERE f.verdict = 'exact'),
           count(*) FILTER (WHERE f.verdict = 'typographic'),
           count(*) FILTER (WHERE f.verdict = 'elided'),
           count(*) FILTER (WHERE f.verdict = 'altered'),
           count(*) FILTER (WHERE f.verdict = 'spliced'),
           count(*) FILTER (WHERE f.verdict = 'paraphrased'),
           count(*) FILTER (WHERE f.verdict = 'unsupported'),
           round(avg(f.faithful::int), 2)
      FROM verbatim.fidelity_report(speaker) f
     GROUP BY f.outlet
     ORDER BY f.outlet
$$;

COMMENT ON FUNCTION verbatim.outlet_report(text) IS
'Per outlet: a speaker''s quotations it carries, the count of each verdict, and the faithful share';
