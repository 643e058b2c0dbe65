#!/usr/bin/env bash
# run_harness.sh: run one libFuzzer harness of test/fuzz and print one line.
#
#   run_harness.sh regress NAME
#       every seed in corpus/NAME/ and every reproducer crashes/NAME-* once
#   run_harness.sh fuzz NAME SECONDS CORPUS_DIR
#       fuzz for SECONDS on CORPUS_DIR (which grows), with verbatim.dict
#
# Knobs (environment): BUILD, where the harnesses were built (default
# ../build/fuzz beside this script); NICE, a prefix such as "nice -n 10".
# Output: "ok NAME: ..." or "not ok NAME: ... (reason; log: FILE)"; the
# exit status is non-zero on a crash.
# Crash artifacts go to BUILD/artifacts/, full logs to BUILD/logs/.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
mode=$1
name=$2
build=${BUILD:-$here/../build/fuzz}
bin=$build/$name
artifacts=$build/artifacts
logs=$build/logs
mkdir -p "$artifacts" "$logs"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

# fuzz_check reads a quotation and a source from one input
case $name in
	fuzz_check) max_len=8192 ;;
	*) max_len=4096 ;;
esac

status=0
case $mode in
	regress)
		log=$logs/$name.regress.log
		reproducers=()
		for f in "$here"/crashes/"$name"-*; do
			[ -e "$f" ] && reproducers+=("$f")
		done
		${NICE:-} "$bin" -runs=0 -artifact_prefix="$artifacts/regress-$name-" \
			"$here/corpus/$name" >"$log" 2>&1 || status=$?
		if [ "$status" = 0 ] && [ ${#reproducers[@]} -gt 0 ]; then
			${NICE:-} "$bin" -artifact_prefix="$artifacts/regress-$name-" \
				"${reproducers[@]}" >>"$log" 2>&1 || status=$?
		fi
		seeds=$(find "$here/corpus/$name" -type f | wc -l)
		summary="$seeds seeds and ${#reproducers[@]} reproducers once each"
		;;
	fuzz)
		seconds=$3
		corpus=$4
		log=$logs/$name.fuzz.log
		start=$(date +%s)
		${NICE:-} "$bin" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 \
			-max_len="$max_len" -dict="$here/verbatim.dict" -print_final_stats=1 \
			-artifact_prefix="$artifacts/$name-" "$corpus" >"$log" 2>&1 || status=$?
		execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
		summary="${execs:-0} execs in $(($(date +%s) - start)) s"
		;;
	*)
		echo "usage: $0 regress NAME | fuzz NAME SECONDS CORPUS_DIR" >&2
		exit 2
		;;
esac

if [ "$status" = 0 ]; then
	echo "ok $name: $summary"
else
	reason=$(grep -m 1 -E '^(invariant broken|==[0-9]+==ERROR|SUMMARY|.*runtime error)' "$log" |
		cut -c 1-160 || true)
	artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)
	echo "not ok $name: $summary: ${reason:-exit status $status}${artifact:+, input $artifact} (log: $log)"
fi
exit "$status"
