#!/usr/bin/env bash
# The long report against its floor: parse, layout and render of `wenshu typeset` measured apart,
# and the floor, the same frames (already laid out) written to PDF again: what Wenshu would take
# with no layout at all (bench/Recompile/Floor.swift). Prints medians in ms.
# Usage: bench/floor.sh [COPIES] [RUNS]   (report.txt COPIES times over, default 50 = 100,000
# characters; a benchmark, not a test; release build in .build-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${1:-50}
runs=${2:-5}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/wenshu-floor.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
python3 - bench/data/report.txt "$tmp/report.txt" "$copies" <<'PY'
import sys
src, dst, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
text = open(src, encoding="utf-8").read().strip()
open(dst, "w", encoding="utf-8").write("\n\n".join([text] * n) + "\n")
PY
swift build -c release --scratch-path .build-bench --product WenshuBench >/dev/null
.build-bench/release/WenshuBench floor "$tmp/report.txt" "$runs"
