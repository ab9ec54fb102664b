#!/usr/bin/env bash
# Preview latency of the web workbench (issue 13): `wenshu serve` on loopback driven by
# bench/serve_bench.py. A one-field change in the notice and in the 10-page application book, timed
# from its save (PUT) to the new page image served (median, p95), then 20 users editing their own
# documents at once. Bounded: RUNS edits per template, EDITS per user; the server stops at the end.
# Usage: bench/serve.sh [RUNS] [USERS] [EDITS]   (a benchmark, not a test; release build in
# .build-bench, or the binary in $WENSHU)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
die() { echo "serve.sh: $*" >&2; exit 1; }
# shellcheck source=bench/common.sh
source bench/common.sh
if [[ -n ${WENSHU:-} ]]; then wenshu=$WENSHU; else build_wenshu; fi
python3 bench/serve_bench.py --wenshu "$wenshu" --runs "${1:-30}" --users "${2:-20}" --edits "${3:-10}"
