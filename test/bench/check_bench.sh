#!/usr/bin/env bash
# Benchmark of verbatim.check_quote() against pg_trgm's word_similarity()
# and strpos() on the same (quote, article) pairs:
#   (a) the 8 gold quotes of ../shared/corpus against the InfoWorld column
#       (skipped with a message when the corpus is absent),
#   (b) synthetic articles of about 5 KB, (c) of about 50 KB,
# and how the time of one check grows with the article size (1 KB to 10 MB).
# Needs a server with verbatim and pg_trgm available (PG* variables); creates
# and drops its own database.  All timing is done in one psql session.
# Prints the tables at the end; takes a few minutes on 2 cores.
#
# Knobs (environment): VB_BENCH_ROUNDS (5), VB_BENCH_TARGET_MS (200, per
# measurement), VB_BENCH_ARTICLES (200), VB_BENCH_QUOTES (4 per article),
# VB_BENCH_GROWTH (sizes in bytes), VB_CORPUS, VB_WORDS (word list),
# VB_BENCH_DB (verbatim_bench), VB_BENCH_KEEP (set: keep the database).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
corpus=${VB_CORPUS:-$(cd "$here/../.." && pwd)/../shared/corpus}
words=${VB_WORDS:-/usr/share/dict/words}
db=${VB_BENCH_DB:-verbatim_bench}
rounds=${VB_BENCH_ROUNDS:-5}
target_ms=${VB_BENCH_TARGET_MS:-200}
articles=${VB_BENCH_ARTICLES:-200}
quotes=${VB_BENCH_QUOTES:-4}
growth=${VB_BENCH_GROWTH:-1024,10240,102400,1048576,10485760}

load_corpus="CREATE TABLE infoworld (body text);"
if [ -f "$corpus/articles.jsonl" ] && [ -f "$corpus/asay-gold.tsv" ]; then
	corpus=$(cd "$corpus" && pwd)
	load_corpus="CREATE TEMP TABLE incoming (doc jsonb);
\\copy incoming (doc) FROM '$corpus/articles.jsonl' WITH (FORMAT csv, QUOTE E'\\x01', DELIMITER E'\\x02')
CREATE TABLE infoworld AS SELECT doc->>'body' AS body FROM incoming WHERE doc->>'key' = 'infoworld-asay-2025-04-14';
\\copy gold FROM '$corpus/asay-gold.tsv' WITH (FORMAT csv, DELIMITER E'\\t', HEADER true, QUOTE E'\\x01')"
else
	echo "skip pair set (a): no corpus at $corpus (../shared/corpus beside the clone)"
fi
load_words=
if [ -f "$words" ]; then
	load_words="\\copy dict (w) FROM '$words' WITH (FORMAT csv, QUOTE E'\\x01', DELIMITER E'\\x02')"
else
	echo "no word list at $words (Debian package wamerican): synthetic text uses pseudo-words"
fi

export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
[ -n "${VB_BENCH_KEEP:-}" ] ||
	trap 'psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true' EXIT

psql -X -q -v ON_ERROR_STOP=1 -d "$db" \
	-v rounds="$rounds" -v target_ms="$target_ms" \
	-v articles="$articles" -v quotes_per_article="$quotes" \
	-v small_bytes=5120 -v large_bytes=51200 \
	-v growth_sizes="{$growth}" -v growth_rounds=3 -v growth_target_ms=100 <<SQL
CREATE EXTENSION verbatim;
CREATE EXTENSION pg_trgm;
CREATE SCHEMA bench;
SET search_path = bench, public;
CREATE TABLE gold (n int, quote text, speaker text, attribution text,
                   faithful text, verdicts text, source_passage text);
$load_corpus
CREATE TEMP TABLE dict (w text);
$load_words
\\i $here/bench.sql
SQL
