#!/usr/bin/env bash
# The compilation book, Wenshu against Typst in one run: about 300 pages (the compilation template
# over 130 schools made from the 30 samples) built by `wenshu build compilation` and by Typst from
# bench/book.typ over the same data files (same fonts, cover, front matter, contents, bookmarks,
# running headers, photos). Prints each run's wall time (Wenshu's phases too), the best of each
# side, the ratio, peak memory, pages and file sizes; writes bench/results/book.txt.
# Usage: bench/book.sh [SCHOOLS]   (a benchmark, not a test; release build in .build-bench)
# Knobs (environment): RUNS=3.
set -euo pipefail
die() { echo "book.sh: error: $*" >&2; exit 1; }
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$root"
schools=${1:-130}
RUNS=${RUNS:-3}
source "$here/common.sh"
build_wenshu >/dev/null
ensure_typst
bin=$wenshu
tmp=$(mktemp -d); trap 'rm -rf "$tmp" "$tmp.out"' EXIT
out="$tmp.out"; mkdir -p "$out"   # outputs beside the data folder, never in it (they would be read as inputs)
cp samples/compilation/book.yaml "$tmp/"
cp -r samples/compilation/photos "$tmp/"
mkdir -p "$tmp/typst" && cp bench/book.typ "$tmp/typst/"
i=0
while [ $i -lt "$schools" ]; do
  for f in samples/compilation/[0-9]*.yaml; do
    [ $i -ge "$schools" ] && break
    i=$((i + 1))
    sed "s/^school: \(.*\)$/school: \1（第$i卷）/" "$f" > "$tmp/$(printf '%03d' $i).yaml"
  done
done
# Typst cannot list a folder: the school files, in name order as Wenshu reads them.
(cd "$tmp" && ls [0-9]*.yaml | sed 's/^/- /' > typst/index.yaml)
fonts="$root/fonts/free"
typst_child='import sys, typst
typst.compile(sys.argv[1], output=sys.argv[2], root=sys.argv[3], font_paths=sys.argv[4:])'
typst_run() { python3 -c "$typst_child" "$tmp/typst/book.typ" "$out/typst.pdf" "$tmp" "$fonts" /usr/share/fonts/opentype/noto; }

seconds() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.3f}')" "$1" "$2"; }
rss() {  # peak resident memory of one run of "$@", in MB
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -v "$@" 2>&1 >/dev/null | sed -n 's/.*Maximum resident set size (kbytes): \([0-9]*\).*/\1/p' | awk '{printf "%.0f MB", $1 / 1024}'
  else echo "n/a"; fi
}

mkdir -p bench/results
{
echo "book: $schools schools, $RUNS runs each, typst $typst_version (PyPI)"
best_w=""; best_t=""
for run in $(seq "$RUNS"); do
  start=$(date +%s.%N)
  WENSHU_TIMING=1 "$bin" build compilation "$tmp" -o "$out/book.pdf" 2> "$out/timing" > "$out/stdout" || die "wenshu failed: $(cat "$out/timing")"
  wall=$(seconds "$start" "$(date +%s.%N)")
  phases=$(grep -o 'timing: [a-z]* [0-9.]* ms' "$out/timing" | sed 's/timing: //' | tr '\n' ' ')
  echo "wenshu run $run: wall ${wall}s; $phases"
  best_w=$(python3 -c "import sys; a=sys.argv[1]; print(min(float(a), float(sys.argv[2])) if a else sys.argv[2])" "$best_w" "$wall")
  start=$(date +%s.%N)
  typst_run 2> "$out/typst.err" || die "typst failed: $(tail -5 "$out/typst.err")"
  wall=$(seconds "$start" "$(date +%s.%N)")
  echo "typst  run $run: wall ${wall}s"
  best_t=$(python3 -c "import sys; a=sys.argv[1]; print(min(float(a), float(sys.argv[2])) if a else sys.argv[2])" "$best_t" "$wall")
done
wp=$(pdfinfo "$out/book.pdf" | sed -n 's/^Pages: *//p'); tp=$(pdfinfo "$out/typst.pdf" | sed -n 's/^Pages: *//p')
echo "pages: wenshu $wp, typst $tp"
echo "size: wenshu $(stat -c %s "$out/book.pdf") bytes, typst $(stat -c %s "$out/typst.pdf") bytes"
echo "peak memory: wenshu $(rss "$bin" build compilation "$tmp" -o "$out/book.pdf"), typst $(rss python3 -c "$typst_child" "$tmp/typst/book.typ" "$out/typst.pdf" "$tmp" "$fonts" /usr/share/fonts/opentype/noto)"
echo "best: wenshu ${best_w}s, typst ${best_t}s, ratio $(python3 -c "import sys; print(f'{float(sys.argv[2]) / float(sys.argv[1]):.2f}')" "$best_w" "$best_t")× (typst / wenshu)"
} | tee bench/results/book.txt
