#!/usr/bin/env python3
"""Timing harness for bench/certificates.sh: `wenshu batch` against Typst on the same certificate rows.

Called by certificates.sh (which builds Wenshu, installs Typst and GNU time, makes the rows and
owns the temporary folder); not meant to be run on its own. Every measurement is a fresh process
run under `/usr/bin/time -v`, which gives wall time, CPU time (user + system) and peak memory.
The two sides run alternately, so that a machine whose load changes treats them alike; medians
are reported, with the load average before and after.
"""
import argparse
import datetime
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys


class StepFailed(Exception):
    pass


def timed(cmd, timeout, env=None):
    """Runs cmd under /usr/bin/time -v; returns dict(wall, cpu, rss_mb, stdout)."""
    full = ["/usr/bin/time", "-v"] + cmd
    try:
        p = subprocess.run(full, capture_output=True, text=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        raise StepFailed(f"timed out after {timeout:g} s: {' '.join(cmd)}")
    if p.returncode != 0:
        tail = "\n".join(p.stderr.strip().splitlines()[-20:])
        raise StepFailed(f"exit status {p.returncode}: {' '.join(cmd)}\n{tail}")

    def field(name):
        m = re.search(re.escape(name) + r":\s*(.+)", p.stderr)
        if not m:
            raise StepFailed(f"/usr/bin/time gave no '{name}' for {' '.join(cmd)}")
        return m.group(1).strip()

    wall_text = field("Elapsed (wall clock) time (h:mm:ss or m:ss)")
    parts = [float(x) for x in wall_text.split(":")]
    wall = parts[-1] + 60 * parts[-2] + (3600 * parts[-3] if len(parts) > 2 else 0)
    cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    rss = int(field("Maximum resident set size (kbytes)")) / 1024
    return {"wall": wall, "cpu": cpu, "rss_mb": rss, "stdout": p.stdout}


def pages(pdf):
    out = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    m = re.search(r"Pages:\s+(\d+)", out)
    return int(m.group(1)) if m else None


def whole(pdf):
    with open(pdf, "rb") as f:
        head = f.read(5)
        f.seek(max(0, os.path.getsize(pdf) - 1024))
        return head == b"%PDF-" and b"%%EOF" in f.read()


def load():
    try:
        return " ".join(open("/proc/loadavg").read().split()[:3])
    except OSError:
        return "?"


def machine():
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "?"
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.0f} GiB"
    except OSError:
        pass
    return f"{platform.system()} {platform.release()}, {os.cpu_count()} cores ({cpu}), {mem}"


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--wenshu", required=True)
    a.add_argument("--typst-script", required=True)
    a.add_argument("--tmp", required=True)
    a.add_argument("--rows", type=int, required=True)
    a.add_argument("--csv", required=True)
    a.add_argument("--big-rows", type=int, default=0)
    a.add_argument("--big-csv")
    a.add_argument("--runs", type=int, default=3)
    a.add_argument("--timeout", type=float, default=900)
    a.add_argument("--results", required=True)
    a.add_argument("--wenshu-rev", default="?")
    a.add_argument("--typst-version", default="?")
    a.add_argument("--noto", default="", help="Noto Serif CJK Regular (the face Typst uses), for the like-for-like set-up")
    o = a.parse_args()
    tmp = o.tmp
    load_before = load()

    # Two font set-ups for Wenshu: the machine's own 仿宋 (the template's role; on Debian without
    # office fonts that is cwTeXFangSong, whose missing simplified characters come from AR PL
    # KaitiM, so a line alternates between two faces), and 仿宋 set to the face Typst's
    # certificate.typ uses for every line (Noto Serif CJK), which compares like with like.
    setups = [("default fonts", [])]
    if o.noto:
        setups.append(("仿宋 = Noto Serif CJK, as Typst", ["--font", "仿宋=" + o.noto]))

    # One PDF: each side in turn, alternating.
    w_runs = {name: [] for name, _ in setups}
    t_runs = []
    for i in range(o.runs):
        for name, extra in setups:
            out = os.path.join(tmp, "wenshu.pdf")
            r = timed([o.wenshu, "batch", "certificate", o.csv, "-o", out, "-q", "--allow-placeholders"] + extra, o.timeout)
            if pages(out) != o.rows or not whole(out):
                raise StepFailed(f"wenshu wrote {pages(out)} pages, expected {o.rows}")
            r["size"] = os.path.getsize(out)
            w_runs[name].append(r)
            print(f"   wenshu one PDF   run {i + 1} ({name}): {r['wall']:.2f} s wall, {r['cpu']:.2f} s CPU, {r['rss_mb']:.0f} MB")
        tout = os.path.join(tmp, "typst.pdf")
        r = timed([o.typst_script, o.csv, tout], o.timeout)
        if pages(tout) != o.rows:
            raise StepFailed(f"typst wrote {pages(tout)} pages, expected {o.rows}")
        t_runs.append(r)
        print(f"   typst  one PDF   run {i + 1}: {r['wall']:.2f} s wall, {r['cpu']:.2f} s CPU, {r['rss_mb']:.0f} MB")
    typst_pdf_size = os.path.getsize(os.path.join(tmp, "typst.pdf"))

    # One PDF per row.
    f_runs = {name: [] for name, _ in setups}
    sizes, first, first_size = {}, {}, {}
    for name, extra in setups:
        for i in range(o.runs):
            folder = os.path.join(tmp, "files")
            shutil.rmtree(folder, ignore_errors=True)
            r = timed([o.wenshu, "batch", "certificate", o.csv, "-o", folder, "-q", "--allow-placeholders"] + extra, o.timeout)
            files = [f for f in os.listdir(folder) if f.endswith(".pdf") and not f.startswith(".")]
            if len(files) != o.rows:
                raise StepFailed(f"wenshu wrote {len(files)} files, expected {o.rows}")
            f_runs[name].append(r)
            print(f"   wenshu per row   run {i + 1} ({name}): {r['wall']:.2f} s wall ({o.rows / r['wall']:.0f} files/s), {r['rss_mb']:.0f} MB")
        sizes[name] = sorted(os.path.getsize(os.path.join(folder, f)) for f in os.listdir(folder) if f.endswith(".pdf"))
        first[name] = sorted(f for f in os.listdir(folder) if f.endswith(".pdf"))[0]
        first_size[name] = os.path.getsize(os.path.join(folder, first[name]))

    # The memory check at BIG_ROWS (Wenshu only).
    big = None
    if o.big_rows > 0:
        out = os.path.join(tmp, "wenshu-big.pdf")
        big = timed([o.wenshu, "batch", "certificate", o.big_csv, "-o", out, "-q", "--allow-placeholders"], o.timeout * 10)
        if pages(out) != o.big_rows:
            raise StepFailed(f"wenshu wrote {pages(out)} pages at {o.big_rows} rows")
        print(f"   wenshu one PDF   {o.big_rows} rows: {big['wall']:.2f} s wall, {big['rss_mb']:.0f} MB")
        os.remove(out)
    load_after = load()

    med = lambda runs, k: statistics.median(r[k] for r in runs)
    t_wall, t_cpu = med(t_runs, "wall"), med(t_runs, "cpu")
    t_rss = max(r["rss_mb"] for r in t_runs)
    default = setups[0][0]
    w_rss = max(r["rss_mb"] for r in w_runs[default])

    def mark(ok):
        return "yes" if ok else "NO"

    # Issue 15's goals: ≥ 5× Typst into one PDF, memory ≤ 100 MB at 100,000 rows (flat), one PDF
    # per row at ≥ 2,000 files/s and < 20 KB each.
    goals = []
    for name, _ in setups:
        ratio = t_wall / med(w_runs[name], "wall")
        goals.append((f"throughput into one PDF ≥ 5× Typst's, {name}", f"{ratio:.2f}×", ratio >= 5))
    goals.append((f"peak memory ≤ 100 MB at {o.rows:,} rows", f"{w_rss:.0f} MB", w_rss <= 100))
    if big:
        goals.append((f"peak memory flat, ≤ 100 MB at {o.big_rows:,} rows", f"{big['rss_mb']:.0f} MB "
                      f"(+{big['rss_mb'] - w_rss:.0f} MB for {o.big_rows // o.rows}× the rows)", big["rss_mb"] <= 100))
    for name, _ in setups:
        fps = o.rows / med(f_runs[name], "wall")
        goals.append((f"≥ 2,000 files a second, one PDF per row, {name}", f"{fps:.0f} files/s", fps >= 2000))
    for name, _ in setups:
        sz = sizes[name]
        goals.append((f"one certificate PDF < 20 KB, {name}", f"{first_size[name] / 1024:.1f} KB (median "
                      f"{sz[len(sz) // 2] / 1024:.1f}, max {sz[-1] / 1024:.1f})", sz[len(sz) // 2] < 20 * 1024))

    today = datetime.date.today().isoformat()
    lines = [
        f"# Certificates in bulk: Wenshu against Typst ({today})",
        "",
        f"- Machine: {machine()}; load average {load_before} before, {load_after} after",
        f"- Wenshu {o.wenshu_rev}; Typst {o.typst_version} (PyPI) via typst-certificates.sh",
        f"- Rows: make-winners.py {o.rows} (and {o.big_rows} for the memory check); {o.runs} runs a side, alternating; medians",
        "",
        "| | wall | CPU (user + system) | peak memory | certificates/s | PDF size | Typst ÷ Wenshu, wall |",
        "|---|---:|---:|---:|---:|---:|---:|",
        f"| Typst, {o.rows:,} certificates into one PDF | {t_wall:.2f} s | {t_cpu:.2f} s | {t_rss:.0f} MB | "
        f"{o.rows / t_wall:.0f} | {typst_pdf_size / 1e6:.1f} MB | |",
    ]
    for name, _ in setups:
        runs = w_runs[name]
        w_wall = med(runs, "wall")
        lines.append(f"| Wenshu, {name} | {w_wall:.2f} s | {med(runs, 'cpu'):.2f} s | {max(r['rss_mb'] for r in runs):.0f} MB | "
                     f"{o.rows / w_wall:.0f} | {runs[-1]['size'] / 1e6:.1f} MB | {t_wall / w_wall:.2f}× |")
    lines += ["", "| one PDF per row | wall | files/s | one certificate | sizes over the files |", "|---|---:|---:|---:|---|"]
    for name, _ in setups:
        f_wall = med(f_runs[name], "wall")
        sz = sizes[name]
        lines.append(f"| Wenshu, {name} | {f_wall:.2f} s | {o.rows / f_wall:.0f} | {first_size[name] / 1024:.1f} KB ({first[name]}) | "
                     f"min {sz[0] / 1024:.1f}, median {sz[len(sz) // 2] / 1024:.1f}, max {sz[-1] / 1024:.1f} KB |")
    if big:
        lines += ["", f"Memory check, Wenshu (default fonts), {o.big_rows:,} certificates into one PDF: {big['wall']:.2f} s, "
                  f"peak {big['rss_mb']:.0f} MB (at {o.rows:,}: {w_rss:.0f} MB)."]
    lines += ["", "| goal | measured | met |", "|---|---|---|"]
    lines += [f"| {g} | {m} | {mark(ok)} |" for g, m, ok in goals]
    lines.append("")
    text = "\n".join(lines)
    with open(o.results, "w", encoding="utf-8") as f:
        f.write(text)
    print()
    print(text)
    print(f"(written to {o.results})")


if __name__ == "__main__":
    try:
        main()
    except StepFailed as e:
        print(f"certificates.sh: error: {e}", file=sys.stderr)
        sys.exit(1)
