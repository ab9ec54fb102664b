#!/usr/bin/env bash
# Wenshu vs Typst on the same plain-text report: cold wall time of the demo command, wall time and
# characters per second on a 2,000- and a 100,000-character report, and peak memory.
#
# Usage: bench/typeset.sh            (from any folder; prints a summary, writes bench/results/typeset.md)
# Knobs (environment): RUNS=5 (small inputs), BIG_RUNS=3, COPIES=50 (report.txt copies in the big
# text), BENCH_TIMEOUT=600 (seconds a single run may take).
#
# Wenshu is built in release mode into its own scratch folder (.build-bench) so it never collides
# with the default .build. Typst is the `typst` package from PyPI, driven from Python with
# bench/report.typ, which sets the text like `wenshu typeset` does (GB/T 9704-2012).
set -euo pipefail

die() { echo "typeset.sh: error: $*" >&2; exit 1; }

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$root"

RUNS=${RUNS:-5}
BIG_RUNS=${BIG_RUNS:-3}
COPIES=${COPIES:-50}
BENCH_TIMEOUT=${BENCH_TIMEOUT:-600}

demo_text=samples/text/plan.txt
report_text=bench/data/report.txt
[[ -f $demo_text ]] || die "missing $demo_text (the demo input)"
[[ -f $report_text ]] || die "missing $report_text"
[[ -f $here/report.typ ]] || die "missing bench/report.typ"
command -v python3 >/dev/null || die "python3 is needed"
command -v swift >/dev/null || die "swift is needed (to build Wenshu)"

# Temporary files: a scratch folder, and the texts copied next to report.typ (Typst reads files
# relative to the .typ file's folder). Both go away however the script ends.
tmp=$(mktemp -d "${TMPDIR:-/tmp}/wenshu-bench.XXXXXX")
stage="$here/.typst-data-$$"
cleanup() { rm -rf "$tmp"; rm -f "$stage"-*.txt; }
trap cleanup EXIT
trap 'exit 130' INT TERM

# 1. Wenshu (release, own scratch path) and 2. Typst from PyPI.
source "$here/common.sh"
build_wenshu
ensure_typst

# 3. /usr/bin/time for peak memory.
time_v=()
if [[ ! -x /usr/bin/time ]]; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "== installing GNU time (apt-get install -y time)"
    apt-get install -y -qq time >/dev/null 2>&1 \
      || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq time >/dev/null 2>&1; } \
      || echo "typeset.sh: warning: could not install GNU time; peak memory will be n/a" >&2
  else
    echo "typeset.sh: warning: /usr/bin/time is missing (apt-get install time); peak memory will be n/a" >&2
  fi
fi
[[ -x /usr/bin/time ]] && time_v=(--time-v)

# 4. Inputs: the demo text, the 2,000-character report, and the report COPIES times over.
big_text="$tmp/report-x$COPIES.txt"
python3 - "$report_text" "$big_text" "$COPIES" <<'EOF' || die "could not build the big text"
import sys
src, dst, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
text = open(src, encoding="utf-8").read().strip()
open(dst, "w", encoding="utf-8").write("\n\n".join([text] * n) + "\n")
EOF
cp "$demo_text" "$stage-demo.txt"
cp "$report_text" "$stage-report.txt"
cp "$big_text" "$stage-big.txt"

rev=$(git rev-parse --short HEAD 2>/dev/null || echo "?")
if [[ -n $(git status --porcelain -- Sources Package.swift 2>/dev/null) ]]; then rev="$rev + uncommitted changes"; fi

# 5. Measure.
echo "== measuring (wenshu $rev, typst $typst_version)"
python3 "$here/typeset_bench.py" \
  --wenshu "$wenshu" --typ "$here/report.typ" --tmp "$tmp" --results "$here/results/typeset.md" \
  --demo-text "$demo_text" --demo-staged "$(basename "$stage")-demo.txt" \
  --report-text "$report_text" --report-staged "$(basename "$stage")-report.txt" \
  --big-text "$big_text" --big-staged "$(basename "$stage")-big.txt" --copies "$COPIES" \
  --runs "$RUNS" --big-runs "$BIG_RUNS" --timeout "$BENCH_TIMEOUT" \
  --wenshu-rev "$rev" --typst-version "$typst_version" "${time_v[@]}" \
  || die "a measurement failed (details above); partial results are in bench/results/typeset.md"
