#!/usr/bin/env bash
# Certificates in bulk: `wenshu batch` against Typst on the same rows, in one go.
#
# Usage: bench/certificates.sh       (from any folder; prints a summary, writes bench/results/certificates.md)
# Knobs (environment): ROWS=10000 (rows of the main comparison), BIG_ROWS=100000 (the memory check,
# Wenshu only; 0 skips it), RUNS=3 (runs of each side, alternating; the median is reported),
# BENCH_TIMEOUT=900 (seconds a single run may take).
#
# The rows come from ../shared/bench/make-winners.py (the same rows every time); Typst typesets
# them with ../shared/bench/typst-certificates.sh (certificate.typ). Wenshu is built in release
# mode into its own scratch folder (.build-bench). Measured: wall time and CPU time of both sides
# into one PDF and their ratio, both peak memories (/usr/bin/time -v), Wenshu's one-PDF-per-row
# mode in files a second, the size of one certificate PDF, and Wenshu's peak memory at BIG_ROWS.
# Wenshu runs twice each time: with the machine's own 仿宋, and with 仿宋 set to the face Typst's
# certificate.typ uses (Noto Serif CJK), which compares the engines on the same fonts.
set -euo pipefail

die() { echo "certificates.sh: error: $*" >&2; exit 1; }

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
shared=$(cd "$root/../shared/bench" 2>/dev/null && pwd) || die "missing ../shared/bench (make-winners.py, typst-certificates.sh)"
cd "$root"

ROWS=${ROWS:-10000}
BIG_ROWS=${BIG_ROWS:-100000}
RUNS=${RUNS:-3}
BENCH_TIMEOUT=${BENCH_TIMEOUT:-900}

[[ -f $shared/make-winners.py ]] || die "missing $shared/make-winners.py"
[[ -x $shared/typst-certificates.sh ]] || die "missing or not executable: $shared/typst-certificates.sh"
command -v python3 >/dev/null || die "python3 is needed"
command -v swift >/dev/null || die "swift is needed (to build Wenshu)"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/wenshu-certificates.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

# 1. Wenshu (release, own scratch path) and 2. Typst from PyPI.
source "$here/common.sh"
build_wenshu
ensure_typst

# 3. GNU time for peak memory.
if [[ ! -x /usr/bin/time ]]; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "== installing GNU time (apt-get install -y time)"
    apt-get install -y -qq time >/dev/null 2>&1 \
      || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq time >/dev/null 2>&1; } \
      || die "could not install GNU time (apt-get install time)"
  else
    die "/usr/bin/time is missing (apt-get install time)"
  fi
fi

# 4. The rows.
echo "== rows: make-winners.py $ROWS${BIG_ROWS:+ and $BIG_ROWS}"
python3 "$shared/make-winners.py" "$ROWS" > "$tmp/winners.csv" || die "make-winners.py $ROWS failed"
if [[ $BIG_ROWS -gt 0 ]]; then
  python3 "$shared/make-winners.py" "$BIG_ROWS" > "$tmp/winners-big.csv" || die "make-winners.py $BIG_ROWS failed"
fi

# The face Typst's certificate.typ sets every line in, for the like-for-like run.
noto=$(fc-match -f '%{file}' "Noto Serif CJK SC:style=Regular" 2>/dev/null || true)
[[ -n $noto && $noto == *NotoSerifCJK* ]] || { echo "certificates.sh: note: Noto Serif CJK not found; only the default fonts are measured" >&2; noto=""; }

rev=$(git rev-parse --short HEAD 2>/dev/null || echo "?")
if [[ -n $(git status --porcelain -- Sources Package.swift 2>/dev/null) ]]; then rev="$rev + uncommitted changes"; fi

# 5. Measure.
echo "== measuring (wenshu $rev, typst $typst_version, $RUNS runs a side)"
mkdir -p "$here/results"
python3 "$here/certificates_bench.py" \
  --wenshu "$wenshu" --typst-script "$shared/typst-certificates.sh" --tmp "$tmp" \
  --rows "$ROWS" --csv "$tmp/winners.csv" --big-rows "$BIG_ROWS" --big-csv "$tmp/winners-big.csv" \
  --runs "$RUNS" --timeout "$BENCH_TIMEOUT" --results "$here/results/certificates.md" \
  --wenshu-rev "$rev" --typst-version "$typst_version" --noto "$noto" \
  || die "a measurement failed (details above)"
