#!/usr/bin/env bash
# First compile against a one-field recompile, for the notice and the application book: a
# CompileSession over a MemoryWorld (bench/Recompile/main.swift) compiles each once cold, then
# again after changing ONE data field, RUNS times, and prints the medians side by side.
# Usage: bench/recompile.sh [RUNS]   (a benchmark, not a test; release build in .build-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
swift build -c release --scratch-path .build-bench --product WenshuBench >/dev/null
.build-bench/release/WenshuBench "$PWD" "$runs"
