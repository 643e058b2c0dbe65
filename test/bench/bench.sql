--
-- Benchmark of verbatim.check_quote() against pg_trgm's word_similarity()
-- and strpos(), on the same (quote, article) pairs.  Run by
-- test/bench/check_bench.sh, which creates the scratch database, loads the
-- tables gold and infoworld (the real case, possibly empty) and dict (a word
-- list, possibly empty) and sets the psql variables rounds, target_ms,
-- articles, quotes_per_article, small_bytes, large_bytes, growth_sizes,
-- growth_rounds and growth_target_ms.
--
-- Everything runs in this one psql session.  Each figure is the median of
-- :rounds interleaved measurements (every function measured once per round,
-- in turn); each measurement is a PL/pgSQL loop timed with clock_timestamp(),
-- repeated so that it lasts :target_ms or more, and the same loop with
-- octet_length() instead of the function is subtracted as loop overhead.
--
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
SET search_path = bench, public;

--------------------------------------------------------------------------
-- Vocabulary: 6000 lower-case words of the Debian word list when there is
-- one, else pseudo-words made of syllables.  Picked deterministically.
--------------------------------------------------------------------------
CREATE TABLE vocab (n int PRIMARY KEY, w text NOT NULL);

INSERT INTO vocab
SELECT row_number() OVER (ORDER BY md5(w), w), w
  FROM (SELECT w FROM (SELECT DISTINCT w FROM dict WHERE w ~ '^[a-z]{2,12}$') u
         ORDER BY md5(w), w LIMIT 6000) d;

SELECT setseed(0.17) AS seeded \gset
INSERT INTO vocab
SELECT row_number() OVER (ORDER BY first_seen), w
  FROM (SELECT w, min(g) AS first_seen
          FROM (SELECT g, (SELECT string_agg(substr('bcdfghklmnprstvwz', 1 + floor(random() * 17)::int, 1)
                                             || substr('aeiou', 1 + floor(random() * 5)::int, 1), '')
                             FROM generate_series(1, 2 + (g % 3)) s WHERE g > 0) AS w
                  FROM generate_series(1, 20000) g) x
         GROUP BY w ORDER BY min(g) LIMIT 6000) y
 WHERE NOT EXISTS (SELECT 1 FROM vocab);

SELECT count(*) AS vocabulary,
       CASE WHEN EXISTS (SELECT 1 FROM dict) THEN 'word list' ELSE 'pseudo-words' END AS source
  FROM vocab \gset vocab_
\echo vocabulary: :vocab_vocabulary words (:vocab_source)

--------------------------------------------------------------------------
-- Synthetic article text: about half function words, half vocabulary words
-- drawn with a skew (a few frequent, many rare), sentences of about 15
-- words with commas, capitals and paragraphs.  toks are the words (with
-- their punctuation), seps what follows each one.
--------------------------------------------------------------------------
CREATE FUNCTION gen_text(nbytes int, vocab text[], OUT toks text[], OUT seps text[])
LANGUAGE plpgsql AS $$
DECLARE
    common text[] := '{the,of,and,to,a,in,is,that,for,it,as,was,with,be,by,on,not,he,she,this,are,or,his,from,at,which,but,have,an,they,you,were,their,one,all,we,can,her,has,there,been,if,more,when,will,would,who,so,no,said,says,about,than,after,its}';
    nc int := array_length(common, 1);
    nv int := array_length(vocab, 1);
    n int := 0;
    size int := 0;
    w text;
    r float8;
    sentence_start boolean := true;
BEGIN
    toks := '{}';
    seps := '{}';
    WHILE size < nbytes LOOP
        IF random() < 0.45 THEN
            w := common[1 + floor(random() * nc)::int];
        ELSE
            w := vocab[1 + floor(nv * random() ^ 2)::int];
        END IF;
        IF sentence_start THEN
            w := initcap(w);
            sentence_start := false;
        END IF;
        n := n + 1;
        r := random();
        IF r < 0.065 THEN
            w := w || '.';
            sentence_start := true;
            seps[n] := CASE WHEN random() < 0.2 THEN E'\n\n' ELSE ' ' END;
        ELSE
            IF r < 0.13 THEN
                w := w || ',';
            END IF;
            seps[n] := ' ';
        END IF;
        toks[n] := w;
        size := size + octet_length(w) + 1;
    END LOOP;
    seps[n] := '';
END $$;

-- The text of tokens i..j exactly as it stands in the article.
CREATE FUNCTION excerpt(toks text[], seps text[], i int, j int) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce((SELECT string_agg(t || s, '' ORDER BY k)
                       FROM unnest(toks[i : j - 1], seps[i : j - 1]) WITH ORDINALITY u(t, s, k)), '')
           || toks[j] $$;

--------------------------------------------------------------------------
-- Pair sets.  Each set has its article bodies, its quotes, and two orders
-- of (quote, body) pairs: "warm", each article's quotes one after the other
-- (check_quote's one-source cache hits from the second quote on), and
-- "cold", where no call has the same body as the one before.
--------------------------------------------------------------------------
CREATE TABLE pairset (
    name text PRIMARY KEY,
    ord int NOT NULL,
    bodies text[] NOT NULL,
    quotes text[] NOT NULL,
    kinds text[] NOT NULL,
    warm_q int[] NOT NULL,
    warm_b int[] NOT NULL,
    cold_q int[] NOT NULL,
    cold_b int[] NOT NULL,
    note text
);

-- Synthetic set: narticles articles of about nbytes, qpa quotes each:
-- 70 % a real excerpt of 15-40 words, 20 % an excerpt with 1-3 words
-- changed, 10 % 15-40 words of generated text not in the article.
CREATE FUNCTION make_set(set_name text, set_ord int, narticles int, nbytes int, qpa int, seed float8)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    v text[] := (SELECT array_agg(w ORDER BY n) FROM vocab);
    nv int := array_length(v, 1);
    bodies text[] := '{}';
    quotes text[] := '{}';
    kinds text[] := '{}';
    wq int[] := '{}';
    wb int[] := '{}';
    cq int[] := '{}';
    cb int[] := '{}';
    t record;
    o record;
    ntok int;
    len int;
    i int;
    p int;
    r float8;
    changed text[];
    quote text;
    kind text;
BEGIN
    PERFORM setseed(seed);
    FOR a IN 1 .. narticles LOOP
        SELECT * INTO t FROM gen_text(nbytes, v);
        ntok := array_length(t.toks, 1);
        bodies[a] := excerpt(t.toks, t.seps, 1, ntok);
        FOR k IN 1 .. qpa LOOP
            len := 15 + floor(random() * 26)::int;
            i := 1 + floor(random() * (ntok - len))::int;
            r := random();
            IF r < 0.70 THEN
                kind := 'excerpt';
                quote := excerpt(t.toks, t.seps, i, i + len - 1);
            ELSIF r < 0.90 THEN
                kind := 'changed';
                changed := t.toks[i : i + len - 1];
                FOR c IN 1 .. 1 + floor(random() * 3)::int LOOP
                    changed[1 + floor(random() * len)::int] := v[1 + floor(random() * nv)::int];
                END LOOP;
                quote := excerpt(changed, t.seps[i : i + len - 1], 1, len);
            ELSE
                kind := 'absent';
                SELECT * INTO o FROM gen_text(len * 7, v);
                quote := excerpt(o.toks, o.seps, 1, least(len, array_length(o.toks, 1)));
            END IF;
            p := (a - 1) * qpa + k;
            quotes[p] := quote;
            kinds[p] := kind;
            wq[p] := p;
            wb[p] := a;
        END LOOP;
    END LOOP;
    -- cold: quote k of every article, then quote k + 1 of every article...
    FOR k IN 1 .. qpa LOOP
        FOR a IN 1 .. narticles LOOP
            cq := cq || ((a - 1) * qpa + k);
            cb := cb || a;
        END LOOP;
    END LOOP;
    INSERT INTO pairset VALUES (set_name, set_ord, bodies, quotes, kinds, wq, wb, cq, cb,
        format('%s articles of %s bytes on average, %s quotes each', narticles,
               (SELECT round(avg(octet_length(b))) FROM unnest(bodies) b), qpa));
END $$;

-- The real case: the gold quotes against the InfoWorld column.  One article
-- only, so "cold" alternates between the body and the body with a newline
-- appended (the same text to check, but not the cached one).
INSERT INTO pairset
SELECT 'a: asay-gold vs InfoWorld', 1,
       ARRAY[i.body, i.body || E'\n'],
       array_agg(g.quote ORDER BY g.n),
       array_agg('gold'::text ORDER BY g.n),
       array_agg(g.ord ORDER BY g.n),
       array_agg(1 ORDER BY g.n),
       array_agg(g.ord ORDER BY g.n),
       array_agg(1 + (g.ord - 1) % 2 ORDER BY g.n),
       format('%s gold quotes, one article of %s bytes; cold alternates two copies of the body',
              count(*), octet_length(i.body))
  FROM (SELECT *, row_number() OVER (ORDER BY n)::int AS ord FROM gold) g, infoworld i
 GROUP BY i.body;

\echo generating synthetic articles
SELECT make_set('b: synthetic ~5 KB', 2, :articles, :small_bytes, :quotes_per_article, 0.25) AS made \gset
SELECT make_set('c: synthetic ~50 KB', 3, :articles, :large_bytes, :quotes_per_article, 0.5) AS made \gset

SELECT name, note FROM pairset ORDER BY ord;

--------------------------------------------------------------------------
-- Timing.  One function per pair set, so that each loop below is its own
-- call site (check_quote's cache lives in the call site) and the arrays are
-- loaded once.  "loop" is the same loop with octet_length() of both
-- arguments: the overhead of the loop, subtracted from the others.
--------------------------------------------------------------------------
CREATE TABLE result (set_name text, fn text, round int, us float8, calls int);

CREATE FUNCTION run_set(set_name text, rounds int, target_ms float8)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    s pairset;
    bodies text[];
    quotes text[];
    wq int[];
    wb int[];
    cq int[];
    cb int[];
    n int;
    npairs int;
    fns text[] := '{loop,check_quote_warm,check_quote_cold,word_similarity,strpos_warm,strpos_cold}';
    reps int[] := '{1,1,1,1,1,1}';
    fn text;
    t0 timestamptz;
    us float8;
    ok boolean;
    sim real;
    pos int;
BEGIN
    SELECT * INTO s FROM pairset WHERE name = set_name;
    bodies := s.bodies;
    quotes := s.quotes;
    wq := s.warm_q;
    wb := s.warm_b;
    cq := s.cold_q;
    cb := s.cold_b;
    npairs := array_length(wq, 1);
    -- round 0 calibrates (and warms up): one pass of each over the first
    -- 40 pairs at most
    FOR rnd IN 0 .. rounds LOOP
        n := CASE WHEN rnd = 0 THEN least(npairs, 40) ELSE npairs END;
        FOR f IN 1 .. array_length(fns, 1) LOOP
            fn := fns[f];
            t0 := clock_timestamp();
            IF fn = 'loop' THEN
                FOR rep IN 1 .. reps[f] LOOP
                    FOR i IN 1 .. n LOOP
                        pos := octet_length(quotes[wq[i]]) + octet_length(bodies[wb[i]]);
                    END LOOP;
                END LOOP;
            ELSIF fn = 'check_quote_warm' THEN
                FOR rep IN 1 .. reps[f] LOOP
                    FOR i IN 1 .. n LOOP
                        ok := (verbatim.check_quote(quotes[wq[i]], bodies[wb[i]])).faithful;
                    END LOOP;
                END LOOP;
            ELSIF fn = 'check_quote_cold' THEN
                FOR rep IN 1 .. reps[f] LOOP
                    FOR i IN 1 .. n LOOP
                        ok := (verbatim.check_quote(quotes[cq[i]], bodies[cb[i]])).faithful;
                    END LOOP;
                END LOOP;
            ELSIF fn = 'word_similarity' THEN
                FOR rep IN 1 .. reps[f] LOOP
                    FOR i IN 1 .. n LOOP
                        sim := word_similarity(quotes[wq[i]], bodies[wb[i]]);
                    END LOOP;
                END LOOP;
            ELSIF fn = 'strpos_warm' THEN
                FOR rep IN 1 .. reps[f] LOOP
                    FOR i IN 1 .. n LOOP
                        pos := strpos(bodies[wb[i]], quotes[wq[i]]);
                    END LOOP;
                END LOOP;
            ELSIF fn = 'strpos_cold' THEN
                FOR rep IN 1 .. reps[f] LOOP
                    FOR i IN 1 .. n LOOP
                        pos := strpos(bodies[cb[i]], quotes[cq[i]]);
                    END LOOP;
                END LOOP;
            END IF;
            us := extract(epoch FROM clock_timestamp() - t0) * 1e6;
            IF rnd = 0 THEN
                reps[f] := greatest(1, ceil(target_ms * 1000 / greatest(us * npairs / n, 1)))::int;
            ELSE
                INSERT INTO result VALUES (set_name, fn, rnd, us / (reps[f] * n), reps[f] * n);
            END IF;
        END LOOP;
    END LOOP;
END $$;

-- One pass of check_quote over a set in each order, each call timed on its
-- own, by how the quote was made: where the time goes.
CREATE TABLE kind_time (set_name text, kind text, ord text, us float8);

CREATE FUNCTION run_kinds(set_name text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    s pairset;
    bodies text[];
    quotes text[];
    kinds text[];
    wq int[];
    wb int[];
    cq int[];
    cb int[];
    t0 timestamptz;
    t1 timestamptz;
    ok boolean;
BEGIN
    SELECT * INTO s FROM pairset WHERE name = set_name;
    bodies := s.bodies;
    quotes := s.quotes;
    kinds := s.kinds;
    wq := s.warm_q;
    wb := s.warm_b;
    cq := s.cold_q;
    cb := s.cold_b;
    FOR i IN 1 .. array_length(wq, 1) LOOP
        t0 := clock_timestamp();
        ok := (verbatim.check_quote(quotes[wq[i]], bodies[wb[i]])).faithful;
        t1 := clock_timestamp();
        INSERT INTO kind_time VALUES (set_name, kinds[wq[i]], 'warm', extract(epoch FROM t1 - t0) * 1e6);
    END LOOP;
    FOR i IN 1 .. array_length(cq, 1) LOOP
        t0 := clock_timestamp();
        ok := (verbatim.check_quote(quotes[cq[i]], bodies[cb[i]])).faithful;
        t1 := clock_timestamp();
        INSERT INTO kind_time VALUES (set_name, kinds[cq[i]], 'cold', extract(epoch FROM t1 - t0) * 1e6);
    END LOOP;
END $$;

-- Growth with the article size: one 30-word quote from near the end of a
-- synthetic article of each size.  "cold" cycles through three copies of
-- the article that differ in their first letter, so every call prepares
-- the source anew; "warm" checks the same copy again and again.
CREATE TABLE growth (label text, bytes int, fn text, round int, us float8, calls int);

CREATE FUNCTION run_growth(sizes int[], rounds int, target_ms float8)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    v text[] := (SELECT array_agg(w ORDER BY n) FROM vocab);
    t record;
    ntok int;
    body text;
    bodies text[];
    quote text;
    fns text[] := '{loop,check_quote_cold,check_quote_warm,strpos_cold}';
    reps int[];
    fn text;
    t0 timestamptz;
    us float8;
    ok boolean;
    pos int;
    label text;
    c bigint := 0;
    sz int;
BEGIN
    PERFORM setseed(0.75);
    FOREACH sz IN ARRAY sizes LOOP
        SELECT * INTO t FROM gen_text(sz, v);
        ntok := array_length(t.toks, 1);
        body := excerpt(t.toks, t.seps, 1, ntok);
        quote := excerpt(t.toks, t.seps, ntok - 44, ntok - 15);
        bodies := ARRAY['J' || substr(body, 2), 'K' || substr(body, 2), 'L' || substr(body, 2)];
        body := NULL;
        t := NULL;
        label := CASE WHEN sz >= 1048576 THEN (sz / 1048576) || ' MB' ELSE (sz / 1024) || ' KB' END;
        reps := '{3,1,3,3}';
        FOR rnd IN 0 .. rounds LOOP
            FOR f IN 1 .. array_length(fns, 1) LOOP
                fn := fns[f];
                t0 := clock_timestamp();
                IF fn = 'loop' THEN
                    FOR i IN 1 .. reps[f] LOOP
                        c := c + 1;
                        pos := octet_length(quote) + octet_length(bodies[1 + c % 3]);
                    END LOOP;
                ELSIF fn = 'check_quote_cold' THEN
                    FOR i IN 1 .. reps[f] LOOP
                        c := c + 1;
                        ok := (verbatim.check_quote(quote, bodies[1 + c % 3])).faithful;
                    END LOOP;
                ELSIF fn = 'check_quote_warm' THEN
                    FOR i IN 1 .. reps[f] LOOP
                        ok := (verbatim.check_quote(quote, bodies[1])).faithful;
                    END LOOP;
                ELSIF fn = 'strpos_cold' THEN
                    FOR i IN 1 .. reps[f] LOOP
                        c := c + 1;
                        pos := strpos(bodies[1 + c % 3], quote);
                    END LOOP;
                END IF;
                us := extract(epoch FROM clock_timestamp() - t0) * 1e6;
                IF rnd = 0 THEN
                    reps[f] := greatest(3, ceil(target_ms * 1000 / greatest(us / reps[f], 0.01)))::int;
                ELSE
                    INSERT INTO growth VALUES (label, octet_length(bodies[1]), fn, rnd, us / reps[f], reps[f]);
                END IF;
            END LOOP;
        END LOOP;
    END LOOP;
END $$;

--------------------------------------------------------------------------
-- Run.
--------------------------------------------------------------------------
\echo timing the pair sets (:rounds interleaved rounds of at least :target_ms ms each)
SELECT clock_timestamp() AS t_start \gset
SELECT count(run_set(name, :rounds, :target_ms)) AS timed FROM (SELECT name FROM pairset ORDER BY ord) p \gset
SELECT count(run_kinds(name)) AS timed FROM (SELECT name FROM pairset ORDER BY ord) p \gset
\echo timing the growth with the article size
SELECT run_growth(:'growth_sizes'::int[], :growth_rounds, :growth_target_ms) AS timed \gset

--------------------------------------------------------------------------
-- Report.
--------------------------------------------------------------------------
-- The verdicts of the benchmark pairs, as a sanity check of what was timed.
\echo
\echo 'Sanity check: verdicts of check_quote on the benchmark pairs'
WITH pr AS (SELECT p.ord, p.name, w.q, w.b FROM pairset p, unnest(p.warm_q, p.warm_b) w(q, b)),
qs AS (SELECT p.name, u.i, u.quote, u.kind
         FROM pairset p, unnest(p.quotes, p.kinds) WITH ORDINALITY u(quote, kind, i)),
bs AS (SELECT p.name, u.i, u.body FROM pairset p, unnest(p.bodies) WITH ORDINALITY u(body, i)),
c AS (SELECT pr.ord, pr.name, qs.kind, (verbatim.check_quote(qs.quote, bs.body)).verdict::text AS verdict
        FROM pr JOIN qs ON qs.name = pr.name AND qs.i = pr.q
                JOIN bs ON bs.name = pr.name AND bs.i = pr.b),
v AS (SELECT ord, name, kind, verdict, count(*) AS cnt FROM c GROUP BY 1, 2, 3, 4)
SELECT name AS pairs, kind AS "quote made as", sum(cnt) AS n,
       string_agg(verdict || ' ' || cnt, ', ' ORDER BY cnt DESC, verdict) AS verdicts
  FROM v GROUP BY ord, name, kind ORDER BY ord, kind;

CREATE TEMP VIEW medians AS
SELECT p.ord, r.set_name,
       array_length(p.warm_q, 1) AS n,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY r.us) FILTER (WHERE r.fn = 'loop') AS loop,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY r.us) FILTER (WHERE r.fn = 'check_quote_warm') AS cq_warm,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY r.us) FILTER (WHERE r.fn = 'check_quote_cold') AS cq_cold,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY r.us) FILTER (WHERE r.fn = 'word_similarity') AS ws,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY r.us) FILTER (WHERE r.fn = 'strpos_warm') AS sp_warm,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY r.us) FILTER (WHERE r.fn = 'strpos_cold') AS sp_cold,
       min(r.calls) FILTER (WHERE r.fn = 'check_quote_warm') AS calls_cq_warm,
       min(r.calls) FILTER (WHERE r.fn = 'check_quote_cold') AS calls_cq_cold,
       min(r.calls) FILTER (WHERE r.fn = 'word_similarity') AS calls_ws,
       min(r.calls) FILTER (WHERE r.fn = 'strpos_warm') AS calls_sp,
       count(DISTINCT r.round) AS rounds
  FROM result r JOIN pairset p ON p.name = r.set_name
 GROUP BY p.ord, r.set_name, p.warm_q;

-- Net of the loop's own overhead (never below 0.01 µs).
CREATE TEMP VIEW net AS
SELECT ord, set_name, n, loop, rounds, calls_cq_warm, calls_cq_cold, calls_ws, calls_sp,
       greatest(cq_warm - loop, 0.01) AS cq_warm, greatest(cq_cold - loop, 0.01) AS cq_cold,
       greatest(ws - loop, 0.01) AS ws, greatest(sp_warm - loop, 0.01) AS sp_warm,
       greatest(sp_cold - loop, 0.01) AS sp_cold
  FROM medians;

CREATE FUNCTION fmt(x float8) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN x >= 100 THEN round(x::numeric)::text
                WHEN x >= 10 THEN round(x::numeric, 1)::text
                ELSE round(x::numeric, 2)::text END $$;

\echo
\echo 'Calls timed per measurement (each measurement repeated in every round; the figures are medians over the rounds)'
SELECT set_name AS pairs, n, rounds, calls_cq_warm AS "check_quote warm", calls_cq_cold AS "check_quote cold",
       calls_ws AS word_similarity, calls_sp AS strpos, fmt(loop) AS "loop overhead µs/call (subtracted)"
  FROM net ORDER BY ord;

\echo
\echo 'Per-call time, µs, median of the rounds, net of the loop overhead'
\echo '  warm = each article''s quotes one after the other (check_quote''s source cache hits: the realistic report case)'
\echo '  cold = every call a different article than the previous one (the cache never hits)'
\echo '  word_similarity and strpos: same pairs, same (warm) order; "ratio to strpos" is check_quote / strpos, warm (cold)'
SELECT set_name AS pairs, n,
       fmt(cq_warm) AS "check_quote µs (warm)",
       fmt(cq_cold) AS "check_quote µs (cold)",
       fmt(ws) AS "word_similarity µs",
       fmt(sp_warm) AS "strpos µs",
       fmt(ws / cq_warm) || '× (' || fmt(ws / cq_cold) || '×)' AS "speed-up vs word_similarity, warm (cold)",
       fmt(cq_warm / sp_warm) || '× (' || fmt(cq_cold / sp_cold) || '×)' AS "ratio to strpos, warm (cold)"
  FROM net ORDER BY ord;

\echo
\echo 'Targets: "≥ 50× faster than word_similarity" (judged warm and cold) and'
\echo '         "within 5× of strpos" (judged on the warm figure; the cold ratio is shown beside it)'
SELECT set_name AS pairs,
       CASE WHEN ws / cq_warm >= 50 THEN 'met' ELSE 'NOT met' END
         || ' warm (' || fmt(ws / cq_warm) || '×), '
         || CASE WHEN ws / cq_cold >= 50 THEN 'met' ELSE 'NOT met' END
         || ' cold (' || fmt(ws / cq_cold) || '×)' AS "≥ 50× faster than word_similarity",
       CASE WHEN cq_warm / sp_warm <= 5 THEN 'met' ELSE 'NOT met' END
         || ' (warm ' || fmt(cq_warm / sp_warm) || '×; cold ' || fmt(cq_cold / sp_cold) || '×, '
         || CASE WHEN cq_cold / sp_cold <= 5 THEN 'within' ELSE 'not within' END || ' 5×)'
         AS "within 5× of strpos (warm)"
  FROM net ORDER BY ord;

\echo
\echo 'Where check_quote''s time goes: one pass in each order, each call timed alone, by how the quote was made'
\echo '  excerpt = words of the article as they stand; changed = an excerpt with 1-3 words replaced; absent = text not in the article'
SELECT k.set_name AS pairs, k.kind AS "quote made as", count(*) FILTER (WHERE k.ord = 'warm') AS n,
       fmt(avg(k.us) FILTER (WHERE k.ord = 'warm')) AS "mean µs (warm)",
       fmt(avg(k.us) FILTER (WHERE k.ord = 'cold')) AS "mean µs (cold)",
       fmt(percentile_cont(0.5) WITHIN GROUP (ORDER BY k.us) FILTER (WHERE k.ord = 'cold')) AS "median µs (cold)",
       fmt(max(k.us) FILTER (WHERE k.ord = 'cold')) AS "max µs (cold)",
       round(100 * sum(k.us) FILTER (WHERE k.ord = 'cold')
             / sum(sum(k.us) FILTER (WHERE k.ord = 'cold')) OVER (PARTITION BY k.set_name))::text || ' %'
         AS "share of the cold time"
  FROM kind_time k JOIN pairset p ON p.name = k.set_name
 GROUP BY p.ord, k.set_name, k.kind ORDER BY p.ord, k.kind;

\echo
\echo 'Growth with the article size: one 30-word quote from near the end; µs per call, median of the rounds, net of the loop overhead'
\echo '  cold = each call a different copy of the article (source prepared every time); warm = the same copy again'
\echo '  × previous = time / time at the previous size (sizes grow 10×, so about 10 means linear)'
WITH m AS (
    SELECT label, bytes,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY us) FILTER (WHERE fn = 'loop') AS loop,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY us) FILTER (WHERE fn = 'check_quote_cold') AS cold,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY us) FILTER (WHERE fn = 'check_quote_warm') AS warm,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY us) FILTER (WHERE fn = 'strpos_cold') AS sp,
           min(calls) FILTER (WHERE fn = 'check_quote_cold') AS calls,
           count(DISTINCT round) AS rounds
      FROM growth GROUP BY label, bytes),
n AS (
    SELECT label, bytes, calls, rounds, greatest(cold - loop, 0.01) AS cold,
           greatest(warm - loop, 0.01) AS warm, greatest(sp - loop, 0.01) AS sp
      FROM m)
SELECT label AS size, bytes, rounds, calls AS "calls/round (cold)",
       fmt(cold) AS "check_quote µs (cold)",
       fmt(cold / (bytes / 1024.0)) AS "µs per KB (cold)",
       coalesce(fmt(cold / lag(cold) OVER (ORDER BY bytes)) || '×', '') AS "× previous",
       fmt(warm) AS "check_quote µs (warm)",
       fmt(sp) AS "strpos µs",
       fmt(sp / (bytes / 1024.0)) AS "strpos µs per KB"
  FROM n ORDER BY bytes;

SELECT round(extract(epoch FROM clock_timestamp() - :'t_start'::timestamptz)::numeric, 1) AS seconds \gset
\echo timing took :seconds s
