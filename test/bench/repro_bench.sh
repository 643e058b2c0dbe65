#!/usr/bin/env bash
# Benchmark of verbatim.reproductions() against pg_trgm on generated
# corpora with planted reproductions (test/bench/repro_gen.c): for each
# size, the build time and size of both indexes, query latency (p50, p95)
# and recall and precision against what was planted; then how latency grows
# from the smallest size to the largest.  pg_trgm's side is
#     CREATE INDEX ... USING gin (body gin_trgm_ops)
#     SELECT id FROM verbatim.article WHERE quote <% body
# (word_similarity at pg_trgm's default threshold 0.6).  When
# verbatim.reproductions() is not installed, only pg_trgm is measured.
#
# Needs a server with verbatim and pg_trgm available (PG* variables) and a C
# compiler; creates and drops its own database, one size at a time.  Prints
# markdown tables on stdout, progress on stderr.  test/bench/repro_run sets
# up a throwaway cluster first.
#
# Knobs (environment):
#   VB_REPRO_SIZES     corpus sizes in articles ("10000 100000")
#   VB_REPRO_QUERIES   queries timed per size, in query_id order (100)
#   VB_REPRO_GEN_QUERIES  quotations generated and planted (200, at least
#                      VB_REPRO_QUERIES): the same ones at every size
#   VB_REPRO_TIMEOUT   statement_timeout of each timed call (60s)
#   VB_REPRO_TRGM_QUERIES  how many of those queries pg_trgm answers too
#                      (all); pg_trgm needs seconds per query per 1000 articles
#   VB_REPRO_TRGM_GIVE_UP  after this many pg_trgm timeouts in a row, stop
#                      calling pg_trgm for that size (5; 0: never)
#   VB_REPRO_TRGM_THRESHOLD  pg_trgm.word_similarity_threshold (0.6)
#   VB_REPRO_MAINTENANCE_WORK_MEM  maintenance_work_mem of both index
#                      builds (1GB: a GIN build that runs out of it writes
#                      its lists in several passes and ends larger)
#   VB_REPRO_SEED      generator seed (1)
#   VB_WORDS           word list (/usr/share/dict/words, Debian wamerican)
#   VB_REPRO_DB        scratch database (verbatim_repro)
#   VB_REPRO_KEEP      set: keep the last size's database
#   VB_REPRO_BUILD     where repro_gen is built (test/build)
#   VB_REPRO_WORKDIR   where corpora are generated (a new temporary directory)
#   VB_REPRO_VERBATIM_VERSION  CREATE EXTENSION verbatim VERSION ... (default:
#                      the default version; '0.1.0' tests the pg_trgm-only path)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
sizes=${VB_REPRO_SIZES:-10000 100000}
queries=${VB_REPRO_QUERIES:-100}
gen_queries=${VB_REPRO_GEN_QUERIES:-200}
timeout=${VB_REPRO_TIMEOUT:-60s}
trgm_queries=${VB_REPRO_TRGM_QUERIES:-$queries}
give_up=${VB_REPRO_TRGM_GIVE_UP:-5}
threshold=${VB_REPRO_TRGM_THRESHOLD:-0.6}
mwm=${VB_REPRO_MAINTENANCE_WORK_MEM:-1GB}
seed=${VB_REPRO_SEED:-1}
words=${VB_WORDS:-/usr/share/dict/words}
db=${VB_REPRO_DB:-verbatim_repro}
build=${VB_REPRO_BUILD:-$root/test/build}
version=
[ -z "${VB_REPRO_VERBATIM_VERSION:-}" ] || version="VERSION '$VB_REPRO_VERBATIM_VERSION'"
[ "$gen_queries" -ge "$queries" ] || gen_queries=$queries

log() { printf 'repro_bench: %s\n' "$*" >&2; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

if [ -n "${VB_REPRO_WORKDIR:-}" ]; then
	work=$VB_REPRO_WORKDIR
	mkdir -p "$work"
else
	work=$(mktemp -d "${TMPDIR:-/tmp}/verbatim-repro.XXXXXX")
fi
cleanup() {
	rm -f "$work"/articles.tsv "$work"/queries.tsv "$work"/truth.tsv "$work"/results.tsv "$work"/size.tsv
	[ -n "${VB_REPRO_WORKDIR:-}" ] || rmdir "$work" 2>/dev/null || true
	if [ -z "${VB_REPRO_KEEP:-}" ]; then
		psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
	fi
}
trap cleanup EXIT
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"

# The generator: rebuilt when its source is newer than the binary.
mkdir -p "$build"
if [ ! -x "$build/repro_gen" ] || [ "$here/repro_gen.c" -nt "$build/repro_gen" ]; then
	log "building $build/repro_gen"
	${CC:-cc} -O2 -Wall -Wextra -o "$build/repro_gen" "$here/repro_gen.c" -lm
fi

results=$work/results.tsv
: >"$results"
started=$(now)
for size in $sizes; do
	log "$size articles: generating (seed $seed, $gen_queries quotations)"
	t=$(now)
	"$build/repro_gen" --seed "$seed" --articles "$size" --queries "$gen_queries" \
		--words "$words" --out "$work"
	gen_s=$(since "$t")

	log "$size articles: loading ($(du -m "$work/articles.tsv" | cut -f1) MB)"
	psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
	echo
	echo "## $size articles"
	echo
	psql -X -q -v ON_ERROR_STOP=1 -d "$db" \
		-v size="$size" -v queries="$queries" -v timeout="$timeout" \
		-v trgm_queries="$trgm_queries" -v give_up="$give_up" \
		-v threshold="$threshold" -v mwm="$mwm" <<SQL
SET client_min_messages = warning;
CREATE EXTENSION verbatim $version;
CREATE EXTENSION pg_trgm;
CREATE SCHEMA bench;
CREATE TABLE bench.queries (query_id int PRIMARY KEY, quote text NOT NULL);
CREATE TABLE bench.truth (query_id int, article_id bigint, planted text,
                          PRIMARY KEY (query_id, article_id));
\\copy bench.queries FROM '$work/queries.tsv'
\\copy bench.truth FROM '$work/truth.tsv'
-- Articles with the ids the truth refers to; the insert trigger extracts
-- quotations and the fingerprint index is kept up to date, as in use.
SELECT clock_timestamp() AS t0 \\gset
\\copy verbatim.article (id, key, outlet, published_at, body) FROM '$work/articles.tsv'
SELECT round(extract(epoch FROM clock_timestamp() - :'t0'::timestamptz), 1) AS load_s \\gset
SELECT setval(pg_get_serial_sequence('verbatim.article', 'id'), max(id)) FROM verbatim.article \\gset
SELECT clock_timestamp() AS t0 \\gset
VACUUM ANALYZE verbatim.article;
SELECT round(extract(epoch FROM clock_timestamp() - :'t0'::timestamptz), 1) AS vacuum_s \\gset
SELECT count(*) AS articles, round(sum(octet_length(body)) / 1e6, 1) AS text_mb,
       (SELECT count(*) FROM verbatim.quote) AS quotes
  FROM verbatim.article \\gset
\\echo generated in $gen_s s; loaded :articles articles (:text_mb MB of text, :quotes quotations extracted) in :load_s s, VACUUM ANALYZE :vacuum_s s
\\i $here/repro_bench.sql
CREATE TABLE bench.load AS
SELECT :size AS size, :articles AS articles, :text_mb AS text_mb,
       $gen_s AS gen_s, :load_s AS load_s, :vacuum_s AS vacuum_s;
SQL
	psql -X -q -A -t -F $'\t' -d "$db" -c "
		SELECT l.size, l.articles, l.text_mb, l.gen_s, l.load_s, l.vacuum_s, r.method, r.status,
		       r.build_s, r.index_bytes, r.queries, r.timeouts, r.errors, r.not_run, r.p50_ms, r.p95_ms,
		       r.mean_ms, r.found, r.positives, r.returned, r.returned_positive,
		       r.p50_common_ms, r.p95_common_ms, r.common
		  FROM bench.load l, bench.results r" >"$work/size.tsv"
	cat "$work/size.tsv" >>"$results"

	# The per-size table.  Fields: 1 size, 2 articles, 3 text_mb, 4 gen_s,
	# 5 load_s, 6 vacuum_s, 7 method, 8 status, 9 build_s, 10 index_bytes,
	# 11 queries, 12 timeouts, 13 errors, 14 not_run, 15 p50, 16 p95,
	# 17 mean, 18 found, 19 positives, 20 returned, 21 returned_positive,
	# 22 p50 and 23 p95 over the 24 queries both methods ran.
	echo
	awk -F'\t' -v timeout="$timeout" '
	function ms(x) { return x == "" ? "–" : (x >= 10000 ? sprintf("%.0f ms", x) : sprintf("%.1f ms", x)) }
	function pct(a, b) { return b > 0 ? sprintf("%.1f%% (%d/%d)", 100 * a / b, a, b) : "–" }
	BEGIN {
		print "| method | index build | index size | queries | timed out | errors | not run | p50 | p95 | mean | recall | precision |"
		print "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
	}
	{
		name = $7 == "ours" ? "reproductions()" : "pg_trgm <%"
		if ($8 == "skipped") {
			printf "| %s | skipped: verbatim.reproductions() not installed | | | | | | | | | | |\n", name
			next
		}
		# a percentile that falls on timed-out calls is a lower bound
		lb50 = ($12 > 0.5 * $11) ? "≥ " : ""; lb95 = ($12 > 0.05 * $11) ? "≥ " : ""
		printf "| %s | %s | %s | %d | %d | %d | %d | %s%s | %s%s | %s | %s | %s |\n", name,
			$9 == "" ? "–" : sprintf("%.1f s", $9), $10 == "" ? "–" : sprintf("%.1f MB", $10 / 1048576),
			$11, $12, $13, $14, lb50, ms($15), lb95, ms($16), ms($17), pct($18, $19), pct($21, $20)
		p50[$7] = $22; p95[$7] = $23; b[$7] = $9; s[$7] = $10; common = $24
	}
	END {
		if (p50["ours"] > 0 && p50["pg_trgm"] > 0)
			printf "\npg_trgm / reproductions(), on the %d queries both ran: p50 ×%.0f, p95 ×%.0f; index build ×%.1f, index size ×%.1f\n",
				common, p50["pg_trgm"] / p50["ours"], p95["pg_trgm"] / p95["ours"],
				(b["ours"] > 0 ? b["pg_trgm"] / b["ours"] : 0), (s["ours"] > 0 ? s["pg_trgm"] / s["ours"] : 0)
		printf "\nstatement_timeout %s per call; a timed-out call counts as taking the timeout (≥: the percentile is a lower bound); recall and precision over the queries answered, counting (query, article) pairs.\n", timeout
	}' "$work/size.tsv"
	rm -f "$work"/articles.tsv "$work"/queries.tsv "$work"/truth.tsv "$work/size.tsv"
done

# Growth of latency from the first size to each of the others.
echo
echo "## Latency growth with the corpus"
echo
awk -F'\t' '
function ms(x) { return x == "" ? "–" : (x >= 10000 ? sprintf("%.0f ms", x) : sprintf("%.1f ms", x)) }
function ratio(a, b) { return (a > 0 && b > 0) ? sprintf("×%.1f", a / b) : "–" }
function big(a, b) { return (a > 0 && b > 0) ? sprintf("×%.0f", a / b) : "–" }
{
	if (!($1 in seen)) { seen[$1] = 1; n++; size[n] = $1; mb[n] = $3; gen[n] = $4; load[n] = $5 }
	p50[$1, $7] = $15; p95[$1, $7] = $16; st[$1, $7] = $8; build[$1, $7] = $9; bytes[$1, $7] = $10
	c50[$1, $7] = $22; c95[$1, $7] = $23
	# a percentile that falls on timed-out calls is a lower bound
	lb50[$1, $7] = ($12 > 0.5 * $11) ? "≥ " : ""; lb95[$1, $7] = ($12 > 0.05 * $11) ? "≥ " : ""
}
END {
	if (n == 0) exit
	print "| articles | text | generate | load | p50 reproductions() | p50 pg_trgm | p50 ratio | p95 reproductions() | p95 pg_trgm | p95 ratio | index build ours / pg_trgm | index size ours / pg_trgm |"
	print "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
	for (i = 1; i <= n; i++) {
		k = size[i]
		ours = st[k, "ours"] == "ran"
		printf "| %d | %.0f MB | %.1f s | %.1f s | %s | %s%s | %s%s | %s | %s%s | %s%s | %s | %s |\n",
			k, mb[i], gen[i], load[i],
			ours ? ms(p50[k, "ours"]) : "skipped", lb50[k, "pg_trgm"], ms(p50[k, "pg_trgm"]),
			lb50[k, "pg_trgm"], ours ? big(c50[k, "pg_trgm"], c50[k, "ours"]) : "–",
			ours ? ms(p95[k, "ours"]) : "skipped", lb95[k, "pg_trgm"], ms(p95[k, "pg_trgm"]),
			lb95[k, "pg_trgm"], ours ? big(c95[k, "pg_trgm"], c95[k, "ours"]) : "–",
			ours ? sprintf("%.1f s / %.1f s", build[k, "ours"], build[k, "pg_trgm"]) : "–",
			ours ? sprintf("%.1f / %.1f MB", bytes[k, "ours"] / 1048576, bytes[k, "pg_trgm"] / 1048576) : "–"
	}
	for (i = 2; i <= n; i++) {
		a = size[1]; k = size[i]
		printf "| growth %d → %d (×%g) | ×%.1f | | | %s | %s | | %s | %s | | %s / %s | %s / %s |\n",
			a, k, k / a, mb[i] / mb[1],
			ratio(p50[k, "ours"], p50[a, "ours"]), ratio(p50[k, "pg_trgm"], p50[a, "pg_trgm"]),
			ratio(p95[k, "ours"], p95[a, "ours"]), ratio(p95[k, "pg_trgm"], p95[a, "pg_trgm"]),
			ratio(build[k, "ours"], build[a, "ours"]), ratio(build[k, "pg_trgm"], build[a, "pg_trgm"]),
			ratio(bytes[k, "ours"], bytes[a, "ours"]), ratio(bytes[k, "pg_trgm"], bytes[a, "pg_trgm"])
	}
}' "$results"
echo
echo "p50 and p95 over all the queries each method ran; the ratios (pg_trgm / reproductions()) over the queries both ran. Growth: the larger size over the first."
echo
echo "Total $(since "$started") s."
