#!/usr/bin/env python3
"""Timing harness for bench/typeset.sh: Wenshu (`wenshu typeset`) against Typst on the same text.

Called by typeset.sh (which builds Wenshu, makes sure Typst is installed and owns the temporary
files); not meant to be run on its own. Every measurement is a fresh process, timed with
time.perf_counter() around subprocess.run; peak memory comes from `/usr/bin/time -v`.
"""
import argparse
import datetime
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import time

TYPST_CHILD = (
    "import sys, time, typst\n"
    "import os\n"
    "t = time.perf_counter()\n"
    "typst.compile(sys.argv[1], output=sys.argv[2], sys_inputs={'data': sys.argv[3]}, font_paths=[os.environ.get('WENSHU_FREE_FONTS', 'fonts/free')])\n"
    "print('compile-seconds', time.perf_counter() - t)\n"
)


class StepFailed(Exception):
    pass


def chars(path):
    """Characters typeset: the text without any whitespace."""
    with open(path, encoding="utf-8") as f:
        return len("".join(f.read().split()))


def describe(cmd):
    """cmd as a shell line, with the embedded Typst child script abbreviated."""
    return shlex.join(["<typst.compile child>" if c == TYPST_CHILD else c for c in cmd])


def run(cmd, timeout):
    """Runs cmd once; returns (wall seconds, stdout). Raises StepFailed with the details."""
    t0 = time.perf_counter()
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise StepFailed(f"timed out after {timeout:g} s: {describe(cmd)}")
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        tail = "\n".join((p.stderr or p.stdout).strip().splitlines()[-15:])
        raise StepFailed(f"exit status {p.returncode}: {describe(cmd)}\n{tail}")
    return wall, p.stdout


def check_pdf(path):
    with open(path, "rb") as f:
        if f.read(5) != b"%PDF-":
            raise StepFailed(f"{path} is not a PDF")


def pdf_pages(path):
    if shutil.which("pdfinfo"):
        out = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
        m = re.search(r"^Pages:\s+(\d+)", out, re.M)
        if m:
            return int(m.group(1))
    return None


def peak_rss_mb(cmd, timeout):
    """Maximum resident set size of one run of cmd, in MB (from /usr/bin/time -v)."""
    t0 = time.perf_counter()
    try:
        p = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise StepFailed(f"timed out after {timeout:g} s: {describe(cmd)}")
    if p.returncode != 0:
        tail = "\n".join(p.stderr.strip().splitlines()[-25:])
        raise StepFailed(f"exit status {p.returncode} under /usr/bin/time: {describe(cmd)}\n{tail}")
    m = re.search(r"Maximum resident set size \(kbytes\):\s*(\d+)", p.stderr)
    if not m:
        raise StepFailed("/usr/bin/time -v printed no 'Maximum resident set size'")
    return int(m.group(1)) / 1024


class Bench:
    def __init__(self, a):
        self.a = a
        self.failures = []

    def log(self, msg):
        print(msg, flush=True)

    # --- the two commands -------------------------------------------------------------------
    def wenshu_cmd(self, text, out):
        return [self.a.wenshu, "typeset", text, "-o", out]

    def typst_cmd(self, staged, out):
        # staged: a file name next to report.typ (Typst resolves read() against the .typ's folder).
        return [sys.executable, "-c", TYPST_CHILD, self.a.typ, out, staged]

    # --- measuring ----------------------------------------------------------------------------
    def timed(self, label, cmd, runs, out=None):
        """Median wall time of `runs` fresh processes, or None when a run fails (recorded)."""
        walls, extra = [], []
        try:
            for i in range(runs):
                if out and os.path.exists(out):
                    os.remove(out)
                wall, stdout = run(cmd, self.a.timeout)
                walls.append(wall)
                m = re.search(r"compile-seconds ([0-9.eE+-]+)", stdout)
                if m:
                    extra.append(float(m.group(1)))
                if out:
                    check_pdf(out)
                self.log(f"  {label:<34} run {i + 1}/{runs}: {wall:7.3f} s")
        except StepFailed as e:
            self.failures.append(f"{label}: {e}")
            self.log(f"  {label}: FAILED — {e}")
            return None, None
        return statistics.median(walls), (statistics.median(extra) if extra else None)

    def memory(self, label, cmd):
        if not self.a.time_v:
            return None
        try:
            mb = peak_rss_mb(cmd, self.a.timeout)
        except StepFailed as e:
            self.failures.append(f"{label} (memory): {e}")
            self.log(f"  {label} (memory): FAILED — {e}")
            return None
        self.log(f"  {label:<34} peak RSS {mb:7.1f} MB")
        return mb

    def main(self):
        a = self.a
        tmp = a.tmp
        inputs = {
            "demo": (a.demo_text, a.demo_staged),
            "report": (a.report_text, a.report_staged),
            "big": (a.big_text, a.big_staged),
        }
        nchars = {k: chars(v[0]) for k, v in inputs.items()}
        self.log(f"inputs: demo {a.demo_text} ({nchars['demo']} chars), report {a.report_text} "
                 f"({nchars['report']} chars), big = report × {a.copies} ({nchars['big']} chars)")

        R = {}
        self.log("python start + import typst")
        R["py", "demo"], _ = self.timed("python3 -c 'import typst'", [sys.executable, "-c", "import typst"], a.runs)
        for key, runs in (("demo", a.runs), ("report", a.runs), ("big", a.big_runs)):
            text, staged = inputs[key]
            self.log(f"{key}: {text}")
            wout, tout = os.path.join(tmp, f"wenshu-{key}.pdf"), os.path.join(tmp, f"typst-{key}.pdf")
            R["wenshu", key], _ = self.timed(f"wenshu {key}", self.wenshu_cmd(text, wout), runs, wout)
            R["typst", key], R["typst-inproc", key] = self.timed(f"typst {key}", self.typst_cmd(staged, tout), runs, tout)
            R["wenshu-pages", key] = pdf_pages(wout) if R["wenshu", key] else None
            R["typst-pages", key] = pdf_pages(tout) if R["typst", key] else None

        self.log("peak memory (/usr/bin/time -v, one more run each)" if a.time_v else
                 "peak memory: /usr/bin/time not available, skipped")
        M = {}
        M["py"] = self.memory("python3 -c 'import typst'", [sys.executable, "-c", "import typst"])
        for key in ("demo", "big"):
            text, staged = inputs[key]
            if R["wenshu", key] is not None:
                M["wenshu", key] = self.memory(f"wenshu {key}", self.wenshu_cmd(text, os.path.join(tmp, "m.pdf")))
            if R["typst", key] is not None:
                M["typst", key] = self.memory(f"typst {key}", self.typst_cmd(staged, os.path.join(tmp, "m.pdf")))

        self.report(R, M, nchars)
        if self.failures:
            print("\nFAILED steps:", file=sys.stderr)
            for f in self.failures:
                print("  - " + f.replace("\n", "\n    "), file=sys.stderr)
            return 1
        return 0

    # --- output -------------------------------------------------------------------------------
    def report(self, R, M, nchars):
        a = self.a

        def s(x):
            return "FAILED" if x is None else f"{x:.2f} s"

        def s3(x):
            return "FAILED" if x is None else f"{x:.3f} s"

        def mb(x):
            return "n/a" if x is None else f"{x:.0f} MB"

        def rate(key, who):
            t = R[who, key]
            return None if t is None else nchars[key] / t

        def rs(x):
            return "FAILED" if x is None else f"{x:,.0f} chars/s"

        def pages(who, key):
            n = R[who + "-pages", key]
            return "" if n is None else f"{n} pp"

        wr, tr = rate("big", "wenshu"), rate("big", "typst")
        ratio = None if wr is None or tr is None else wr / tr
        inproc = R.get(("typst-inproc", "big"))
        tr_inproc = None if inproc is None else nchars["big"] / inproc

        lines = [
            "wenshu vs typst (same text, this machine)",
            f"demo cold wall:            wenshu {s(R['wenshu', 'demo'])}   typst {s(R['typst', 'demo'])} "
            f"(python start+import {s(R['py', 'demo'])})",
            f"2000-char report wall:     wenshu {s(R['wenshu', 'report'])}   typst {s(R['typst', 'report'])}",
            f"100k-char report wall:     wenshu {s(R['wenshu', 'big'])}   typst {s(R['typst', 'big'])}",
            f"throughput ({nchars['big'] // 1000}k chars):   wenshu {rs(wr)}   typst {rs(tr)}   ratio "
            + ("n/a" if ratio is None else f"{ratio:.2f}"),
            f"peak memory (demo):        wenshu {mb(M.get(('wenshu', 'demo')))}   typst {mb(M.get(('typst', 'demo')))} "
            f"(python+import alone {mb(M.get('py'))})",
            f"peak memory (100k chars):  wenshu {mb(M.get(('wenshu', 'big')))}   typst {mb(M.get(('typst', 'big')))}",
        ]
        print("\n" + "\n".join(lines))

        # Markdown, with the machine and the versions.
        cpu = platform.processor() or platform.machine()
        try:
            with open("/proc/cpuinfo") as f:
                m = re.search(r"^model name\s*:\s*(.+)$", f.read(), re.M)
                if m:
                    cpu = m.group(1).strip()
        except OSError:
            pass
        md = [
            "# Wenshu vs Typst: typesetting a plain-text report",
            "",
            f"Run {datetime.datetime.now().strftime('%Y-%m-%d %H:%M')} by `bench/typeset.sh` on {cpu} "
            f"({os.cpu_count()} CPUs), {platform.system()} {platform.release()}.",
            f"Wenshu {a.wenshu_rev} (release build, `.build-bench`); Typst {a.typst_version} through Python "
            f"{platform.python_version()} (`typst.compile`, bench/report.typ).",
            f"Wall times are medians of {a.runs} fresh processes ({a.big_runs} for the 100k text); "
            "every Typst figure includes starting Python and importing typst.",
            "",
            "| measure | Wenshu | Typst | note |",
            "|---|---:|---:|---|",
            f"| demo cold wall (`samples/text/plan.txt`, {nchars['demo']} chars) | {s3(R['wenshu', 'demo'])} "
            f"| {s3(R['typst', 'demo'])} | python start + `import typst` alone: {s3(R['py', 'demo'])}; "
            f"typst `compile()` in-process: {s3(R.get(('typst-inproc', 'demo')))}; "
            f"pages {pages('wenshu', 'demo')} / {pages('typst', 'demo')} |",
            f"| report wall (`bench/data/report.txt`, {nchars['report']} chars) | {s3(R['wenshu', 'report'])} "
            f"| {s3(R['typst', 'report'])} | typst `compile()` in-process: {s3(R.get(('typst-inproc', 'report')))}; "
            f"pages {pages('wenshu', 'report')} / {pages('typst', 'report')} |",
            f"| big wall (report × {a.copies}, {nchars['big']} chars) | {s3(R['wenshu', 'big'])} "
            f"| {s3(R['typst', 'big'])} | typst `compile()` in-process: {s3(inproc)}; "
            f"pages {pages('wenshu', 'big')} / {pages('typst', 'big')} |",
            f"| throughput (big, chars / wall s) | {rs(wr)} | {rs(tr)} | Wenshu/Typst = "
            + ("n/a" if ratio is None else f"{ratio:.2f}")
            + ("" if tr_inproc is None else f"; Typst in-process only: {tr_inproc:,.0f} chars/s")
            + " |",
            f"| peak RSS, demo | {mb(M.get(('wenshu', 'demo')))} | {mb(M.get(('typst', 'demo')))} "
            f"| python + `import typst` alone: {mb(M.get('py'))} |",
            f"| peak RSS, big | {mb(M.get(('wenshu', 'big')))} | {mb(M.get(('typst', 'big')))} | |",
            "",
            "Characters = the input text without whitespace. Typst sets the same paragraphs with the same "
            "page, margins, fonts, sizes and 22-line pitch (bench/report.typ), but justifies freely "
            "instead of on Wenshu's 28×22 grid, so page counts can differ slightly.",
        ]
        if self.failures:
            md += ["", "## Failed steps", ""] + ["- " + f.replace("\n", "\n  ") for f in self.failures]
        os.makedirs(os.path.dirname(a.results), exist_ok=True)
        with open(a.results, "w", encoding="utf-8") as f:
            f.write("\n".join(md) + "\n")
        print(f"\nwrote {a.results}")


def parse():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--wenshu", required=True)
    p.add_argument("--typ", required=True, help="bench/report.typ")
    p.add_argument("--tmp", required=True)
    p.add_argument("--results", required=True)
    p.add_argument("--demo-text", required=True)
    p.add_argument("--demo-staged", required=True, help="the demo text's copy, relative to report.typ")
    p.add_argument("--report-text", required=True)
    p.add_argument("--report-staged", required=True)
    p.add_argument("--big-text", required=True)
    p.add_argument("--big-staged", required=True)
    p.add_argument("--copies", type=int, required=True)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--big-runs", type=int, default=3)
    p.add_argument("--timeout", type=float, default=600)
    p.add_argument("--time-v", action="store_true", help="/usr/bin/time -v is available")
    p.add_argument("--wenshu-rev", default="?")
    p.add_argument("--typst-version", default="?")
    return p.parse_args()


if __name__ == "__main__":
    sys.exit(Bench(parse()).main())
