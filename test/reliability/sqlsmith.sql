-- The database sqlsmith runs against (test/reliability/sqlsmith): the
-- extension, and what makes the random queries reach it.
--
-- sqlsmith draws its functions from pg_proc, read without a schema.  With
-- 3,000 catalog functions beside verbatim's twenty, hardly a query would
-- call verbatim.  So the role it connects as, smith, has a search_path
-- that puts the schema smith_catalog before pg_catalog, and there a view
-- named pg_proc keeps verbatim's routines, the wrappers below and a short
-- list of catalog functions that make text, JSON, ranges, numbers and
-- arrays to feed them.  The view also leaves out what a random query must
-- not call (pg_terminate_backend, pg_sleep, lo_export and the like).  Only
-- sqlsmith's catalog reads see it: it names every function it calls with
-- its schema.
--
-- sqlsmith cannot call set-returning functions, so the smith schema wraps
-- each of verbatim's in a scalar function (the rows as one text), and
-- wraps the fingerprint type's input function and check_quote's fields.

CREATE EXTENSION verbatim;

CREATE SCHEMA smith;

CREATE FUNCTION smith.extract_quotes(body text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT string_agg(q::text, ' | ') FROM verbatim.extract_quotes(body) q $$;

CREATE FUNCTION smith.extract_quotes_detail(body text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT string_agg(q::text, ' | ') FROM verbatim.extract_quotes_detail(body) q $$;

CREATE FUNCTION smith.quote_count(body text) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT count(*) FROM verbatim.extract_quotes(body) $$;

CREATE FUNCTION smith.check_quote_text(quote text, source text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT verbatim.check_quote(quote, source)::text $$;

CREATE FUNCTION smith.verdict_of(quote text, source text) RETURNS verbatim.verdict
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT (verbatim.check_quote(quote, source)).verdict $$;

CREATE FUNCTION smith.diff_of(quote text, source text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT (verbatim.check_quote(quote, source)).diff $$;

CREATE FUNCTION smith.span_of(quote text, source text) RETURNS int4range
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT (verbatim.check_quote(quote, source)).span $$;

CREATE FUNCTION smith.flags_of(quote text, source text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT (verbatim.check_quote(quote, source)).flags $$;

CREATE FUNCTION smith.fidelity_report(speaker text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT string_agg(r::text, ' | ') FROM verbatim.fidelity_report(speaker) r $$;

CREATE FUNCTION smith.outlet_report(speaker text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT string_agg(r::text, ' | ') FROM verbatim.outlet_report(speaker) r $$;

CREATE FUNCTION smith.reproductions(quote text, worst verbatim.verdict) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT string_agg(r::text, ' | ') FROM verbatim.reproductions(quote, worst) r $$;

CREATE FUNCTION smith.origin(quote text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT string_agg(r::text, ' | ') FROM verbatim.origin(quote) r $$;

CREATE FUNCTION smith.origin(quote_id bigint) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT string_agg(r::text, ' | ') FROM verbatim.origin(quote_id) r $$;

CREATE FUNCTION smith.speakers_named(name text) RETURNS bigint[]
LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT array_agg(s) FROM verbatim.speakers_named(name) s $$;

CREATE FUNCTION smith.primary_sources(speaker_ids bigint[]) RETURNS bigint[]
LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT array_agg(s) FROM verbatim.primary_sources(speaker_ids) s $$;

-- The fingerprint's text input, on any text.
CREATE FUNCTION smith.fingerprint_parse(t text) RETURNS verbatim.fingerprint
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT t::verbatim.fingerprint $$;

CREATE FUNCTION smith.fingerprint_text(f verbatim.fingerprint) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT f::text $$;

CREATE SCHEMA smith_catalog;

CREATE VIEW smith_catalog.pg_proc AS
SELECT p.*
  FROM pg_catalog.pg_proc p
 WHERE (p.pronamespace IN ('verbatim'::regnamespace, 'smith'::regnamespace)
        -- a constant: sqlsmith would take it for its text more than anything
        AND p.proname <> 'library_version')
    OR (p.pronamespace = 'pg_catalog'::regnamespace
        -- sqlsmith does not resolve polymorphic arguments; such calls
        -- mostly fail to plan and would crowd out the rest
        AND (p.prokind = 'a'
             OR NOT EXISTS (SELECT FROM unnest(p.proargtypes) a(t)
                              JOIN pg_catalog.pg_type ty ON ty.oid = a.t
                             WHERE ty.typtype = 'p'))
        AND p.proname IN (
            -- text
            'concat', 'concat_ws', 'repeat', 'substr', 'substring', 'left',
            'right', 'lower', 'upper', 'initcap', 'replace', 'translate',
            'reverse', 'btrim', 'ltrim', 'rtrim', 'lpad', 'rpad', 'chr',
            'md5', 'format', 'quote_literal', 'quote_ident', 'regexp_replace',
            'split_part', 'strpos', 'length', 'char_length', 'octet_length',
            'overlay', 'textcat', 'normalize', 'convert_from', 'encode',
            'decode', 'to_char', 'string_to_array', 'array_to_string',
            'unistr', 'text', 'starts_with',
            -- JSON
            'jsonb_build_object', 'jsonb_build_array', 'to_jsonb', 'jsonb_set',
            'jsonb_object', 'jsonb_strip_nulls', 'jsonb_insert', 'jsonb_typeof',
            -- ranges
            'int4range', 'isempty', 'lower_inc', 'upper_inc', 'range_merge',
            -- numbers, bytes, arrays
            'abs', 'int4', 'int8', 'mod', 'sha256', 'set_byte', 'array_append',
            'array_cat', 'array_length', 'cardinality', 'array_fill',
            -- the verdict enum
            'enum_first', 'enum_last', 'enum_range',
            -- aggregates
            'max', 'min', 'count', 'string_agg', 'array_agg', 'jsonb_agg'));

-- sqlsmith connects as smith: no superuser, so a random statement can do
-- no more than a newsroom user.  It may read every table and store, change
-- and re-extract articles (the trigger's path); it may not delete articles
-- or speakers, so the corpus stays for the queries that follow.
CREATE ROLE smith LOGIN;
GRANT USAGE ON SCHEMA verbatim, smith, smith_catalog TO smith;
GRANT SELECT ON ALL TABLES IN SCHEMA verbatim, smith_catalog TO smith;
GRANT INSERT, UPDATE ON ALL TABLES IN SCHEMA verbatim TO smith;
GRANT DELETE ON verbatim.quote, verbatim.attribution, verbatim.check_cache,
    verbatim.primary_source TO smith;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA verbatim TO smith;
-- A fresh install lets PUBLIC run only the pure functions.
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA verbatim TO smith;
