#!/usr/bin/env bash
# Fuzzes Wenshu's inputs with libFuzzer: bench/fuzz.sh [SECONDS] [TARGET…]
#   SECONDS  how long each target runs (default 60)
#   TARGET   yaml json csv xlsx template expression image font (default: all)
# Builds Fuzz/ (its own package and .build) with -sanitize=fuzzer,address, runs each target for
# SECONDS from Fuzz/Corpus/<target>/, then merges what it found into that folder (-merge=1 keeps
# only inputs that add coverage, so the committed corpus stays small). A crash, leak, timeout or
# out-of-memory leaves its reproducer in Fuzz/Crashes/<target>/ and the script exits 1.
# FUZZ_CONFIG=release builds optimised (slower to build, faster to run); FUZZ_JOBS runs several
# processes per target. Replay without the sanitizers: swift test --filter CorpusReplayTests.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
die() { echo "fuzz.sh: $*" >&2; exit 2; }

seconds=${1:-60}
[[ $seconds =~ ^[0-9]+$ ]] || die "SECONDS must be a whole number, got '$seconds'"
shift || true
all=(yaml json csv xlsx template expression image font)
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=("${all[@]}")
for t in "${targets[@]}"; do
  [[ " ${all[*]} " == *" $t "* ]] || die "unknown target '$t' (targets: ${all[*]})"
done

config=${FUZZ_CONFIG:-debug}
echo "== building the fuzzer ($config, -sanitize=fuzzer,address)"
swift build --package-path "$root/Fuzz" -c "$config" \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -g \
  || die "swift build --package-path Fuzz failed (see above)"
bin="$(swift build --package-path "$root/Fuzz" -c "$config" --show-bin-path)/WenshuFuzzer"
[[ -x $bin ]] || die "the build finished but $bin is missing"

# Inputs bigger than a real data file or template are not worth the fuzzer's time; fonts and
# workbooks need room.
max_len() { case $1 in xlsx|font|image) echo 65536 ;; template) echo 16384 ;; *) echo 8192 ;; esac; }

status=0
for t in "${targets[@]}"; do
  corpus="$root/Fuzz/Corpus/$t"; crashes="$root/Fuzz/Crashes/$t"; found=$(mktemp -d)
  mkdir -p "$corpus" "$crashes"
  echo "== $t: ${seconds}s"
  jobs=()
  [[ ${FUZZ_JOBS:-1} -gt 1 ]] && jobs=(-jobs="$FUZZ_JOBS" -workers="$FUZZ_JOBS")
  # (cd: with -jobs, libFuzzer writes fuzz-N.log into the current folder.)
  (cd "$found" && WENSHU_FUZZ_TARGET=$t ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 nice "$bin" \
    "$found" "$corpus" -max_total_time="$seconds" -max_len="$(max_len "$t")" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$crashes/" -print_final_stats=1 "${jobs[@]}" > "$found.log" 2>&1)
  rc=$?
  grep -E "^stat::(number_of_executed_units|new_units_added|peak_rss_mb)|cov: .*ft:" "$found.log" | tail -4
  if [[ $rc -ne 0 ]]; then
    status=1
    echo "   finding (exit $rc): $(grep -m1 -E 'ERROR|Fatal error|==[0-9]+==' "$found.log")"
    ls -1 "$crashes" | sed 's/^/   reproducer: Fuzz\/Crashes\/'"$t"'\//'
    cp "$found.log" "$crashes/last-run.log"
  fi
  # Keep only the inputs that add coverage to what is committed.
  WENSHU_FUZZ_TARGET=$t ASAN_OPTIONS=detect_leaks=0 nice "$bin" -merge=1 -max_len="$(max_len "$t")" -timeout=10 \
    "$corpus" "$found" > "$found.merge.log" 2>&1 || echo "   (merge stopped: see $found.merge.log)"
  # Keep the committed corpus small: past CORPUS_KB (default 48) per target, the largest inputs
  # the fuzzer found (named by their SHA-1; the named seeds stay) go first.
  cap=$(( ${CORPUS_KB:-48} * 1024 ))
  while (( $(cat "$corpus"/* | wc -c) > cap )); do
    largest=$(ls -S "$corpus" | grep -E '^[0-9a-f]{40}$' | head -1)
    [[ -n $largest ]] || break
    rm -f "$corpus/$largest"
  done
  echo "   corpus: $(ls -1 "$corpus" | wc -l) files, $(( $(cat "$corpus"/* | wc -c) / 1024 )) KB"
  rm -rf "$found" "$found.log" "$found.merge.log"
done
exit $status
