#!/usr/bin/env bash
# Lays out a book of about 300 pages (the compilation template over 130 schools made from the 30
# samples) and reports the time of each phase: template, layout, render, and the whole run.
# Usage: bench/book.sh [SCHOOLS]   (a benchmark, not a test; release build in .build-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
schools=${1:-130}
swift build -c release --scratch-path .build-bench --product wenshu >/dev/null
bin=.build-bench/release/wenshu
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cp samples/compilation/book.yaml "$tmp/"
cp -r samples/compilation/photos "$tmp/"
i=0
while [ $i -lt "$schools" ]; do
  for f in samples/compilation/[0-9]*.yaml; do
    [ $i -ge "$schools" ] && break
    i=$((i + 1))
    sed "s/^school: \(.*\)$/school: \1（第$i卷）/" "$f" > "$tmp/$(printf '%03d' $i).yaml"
  done
done
mkdir -p bench/results
echo "book: $schools schools"
best=""
for run in 1 2 3; do
  start=$(date +%s.%N)
  WENSHU_TIMING=1 "$bin" build compilation "$tmp" -o "$tmp/book.pdf" 2> "$tmp/timing" > "$tmp/out"
  end=$(date +%s.%N)
  wall=$(python3 -c "print(f'{$end - $start:.3f}')")
  pages=$(sed -n 's/.*(\([0-9]*\) pages).*/\1/p' "$tmp/out")
  phases=$(grep -o 'timing: [a-z]* [0-9.]* ms' "$tmp/timing" | sed 's/timing: //' | tr '\n' ' ')
  echo "run $run: $pages pages, wall ${wall}s; $phases"
done | tee bench/results/book.txt
ls -la "$tmp/book.pdf" | awk '{print "PDF size: " $5 " bytes"}' | tee -a bench/results/book.txt
