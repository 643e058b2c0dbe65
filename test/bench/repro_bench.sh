#!/usr/bin/env bash
# Benchmark of verbatim.reproductions() against pg_trgm (a GIN index with
# gin_trgm_ops, queried with quote <% body) on generated corpora with
# planted reproductions (test/bench/repro_gen.c): index build time and
# size, query latency p50 and p95, recall and precision against what was
# planted.  Needs a server with verbatim and pg_trgm available (PG*
# variables); creates and drops its own database.  Prints a markdown table.
#
# Knobs (environment): VB_REPRO_SIZES ("10000 100000"), VB_REPRO_QUERIES
# (100: queries per size), VB_REPRO_TRGM_QUERIES ("20 5": how many of them
# pg_trgm also answers, per size), VB_REPRO_TRGM_TIMEOUT (600s),
# VB_REPRO_SEED (1), VB_WORDS (/usr/share/dict/words), VB_REPRO_DB
# (verbatim_repro), VB_REPRO_KEEP (set: keep the last database).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
sizes=${VB_REPRO_SIZES:-10000 100000}
queries=${VB_REPRO_QUERIES:-100}
read -r -a trgm_queries <<<"${VB_REPRO_TRGM_QUERIES:-20 5}"
trgm_timeout=${VB_REPRO_TRGM_TIMEOUT:-600s}
seed=${VB_REPRO_SEED:-1}
words=${VB_WORDS:-/usr/share/dict/words}
db=${VB_REPRO_DB:-verbatim_repro}
build=$root/test/build
work=$(mktemp -d /tmp/verbatim-repro.XXXXXX)
results=$work/results.txt
trap 'rm -rf "$work"' EXIT
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"

mkdir -p "$build"
cc -O2 -Wall -Wextra -o "$build/repro_gen" "$here/repro_gen.c" -lm

i=0
for size in $sizes; do
	n_trgm=${trgm_queries[$i]:-${trgm_queries[-1]}}
	i=$((i + 1))
	echo "== $size articles: generating (seed $seed)"
	start=$(date +%s)
	"$build/repro_gen" --seed "$seed" --articles "$size" --queries "$queries" \
		--words "$words" --out "$work"
	echo "   generated in $(($(date +%s) - start)) s"
	psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
	echo "   loading, indexing, then $queries queries ($n_trgm also through pg_trgm)"
	psql -X -q -v ON_ERROR_STOP=1 -d "$db" -v size="$size" -v queries="$queries" \
		-v trgm_queries="$n_trgm" -v trgm_timeout="$trgm_timeout" <<SQL
CREATE EXTENSION verbatim;
CREATE EXTENSION pg_trgm;
CREATE TABLE staging (id bigint, key text, outlet text, published_at date, body text);
CREATE TABLE queries (query_id int PRIMARY KEY, quote text);
CREATE TABLE truth (query_id int, article_id bigint, planted text);
\\copy queries FROM '$work/queries.tsv'
\\copy truth FROM '$work/truth.tsv'
\\copy staging FROM '$work/articles.tsv'
\\i $here/repro_bench.sql
SQL
	psql -X -q -A -t -F $'\t' -d "$db" -c "SELECT * FROM bench_results ORDER BY method DESC" >>"$results"
	rm -f "$work"/*.tsv
done
[ -n "${VB_REPRO_KEEP:-}" ] || psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null

# size articles text_mb method build_s index_bytes queries timeouts p50 p95
# found_pos positives returned returned_pos load_s
echo
echo "| articles | text | method | index build | index size | queries | p50 | p95 | recall | precision |"
echo "|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|"
awk -F'\t' '{
	recall = $12 > 0 ? 100 * $11 / $12 : 0; precision = $13 > 0 ? 100 * $14 / $13 : 0
	printf "| %d | %.0f MB | %s | %.1f s | %.1f MB | %d%s | %.1f ms | %.1f ms | %.2f%% (%d/%d) | %.2f%% (%d/%d) |\n",
		$2, $3, ($4 == "verbatim" ? "reproductions()" : "pg_trgm <%"), $5, $6 / 1048576, $7,
		($8 > 0 ? " (+" $8 " timed out)" : ""), $9, $10, recall, $11, $12, precision, $14, $13
}' "$results"
echo
echo "| articles | p50 pg_trgm / p50 reproductions() | index size reproductions() / pg_trgm | load (trigger: extraction, fingerprint) |"
echo "|---:|---:|---:|---:|"
awk -F'\t' '{ key = $2; if ($4 == "verbatim") { v50[key] = $9; vsz[key] = $6; load[key] = $15 } else { t50[key] = $9; tsz[key] = $6 } order[NR] = key }
	END { for (k in v50) printf "| %d | %.0f× | %.2f | %.0f s |\n", k, (v50[k] > 0 ? t50[k] / v50[k] : 0), (tsz[k] > 0 ? vsz[k] / tsz[k] : 0), load[k] }' "$results" | sort -t'|' -k2 -n
if [ "$(wc -l <"$results")" -ge 4 ]; then
	echo
	echo "Growth of reproductions() latency with the corpus:"
	awk -F'\t' '$4 == "verbatim" { n[++k] = $2; p50[k] = $9; p95[k] = $10 }
		END { for (i = 2; i <= k; i++) printf "  %d -> %d articles (×%.0f): p50 ×%.2f, p95 ×%.2f\n", n[1], n[i], n[i] / n[1], p50[i] / p50[1], p95[i] / p95[1] }' "$results"
fi
