#!/usr/bin/env python3
"""Preview latency of the web workbench (bench/serve.sh): `wenshu serve` on loopback, driven over HTTP.

For the notice and the 10-page application book, a document is made from the sample's data (uploaded
as a workbook is: POST /api/docs/{id}/upload?kind=workbook, its images with kind=image), then ONE
field is changed RUNS times. Each edit is timed from the start of its save (the PUT the page sends
after the last keystroke) to the last byte of the last redrawn page image: PUT data, POST preview,
GET each changed page. Then USERS clients, each editing its own notice EDITS times with no pause,
at once: the same timing per edit under load, and the edits per second the server kept up.

Prints the median and 95th percentile of each, the server's own compile+draw time ("ms" of the
preview answer), and the load average. Every loop is bounded; the server is stopped at the end.
"""
import argparse
import concurrent.futures
import http.client
import json
import os
import pathlib
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

ROOT = pathlib.Path(__file__).resolve().parents[1]


class Client:
    """One keep-alive HTTP connection, as one browser tab holds."""

    def __init__(self, port):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)

    def call(self, method, path, body=None, content_type="application/json"):
        headers = {}
        if body is not None:
            if not isinstance(body, (bytes, bytearray)):
                body = json.dumps(body, ensure_ascii=False).encode()
            headers["Content-Type"] = content_type
        self.conn.request(method, path, body=body, headers=headers)
        r = self.conn.getresponse()
        data = r.read()
        if r.status >= 300:
            raise RuntimeError(f"{method} {path}: {r.status} {data[:300].decode(errors='replace')}")
        return json.loads(data) if r.getheader("Content-Type", "").startswith("application/json") else data


def percentile(values, p):
    s = sorted(values)
    if not s:
        return float("nan")
    k = min(len(s) - 1, max(0, int(round(p / 100 * (len(s) - 1)))))
    return s[k]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(wenshu, data):
    port = free_port()
    log = open(os.path.join(data, "serve.log"), "ab")
    p = subprocess.Popen([wenshu, "serve", "--port", str(port), "--data", data, "--templates", str(ROOT / "templates")],
                         stdout=log, stderr=subprocess.STDOUT, cwd=str(ROOT))
    deadline = time.time() + 60
    while time.time() < deadline:
        if p.poll() is not None:
            sys.exit(f"serve_bench: wenshu serve exited with {p.returncode} (see {data}/serve.log)")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return p, port
        except OSError:
            time.sleep(0.2)
    p.kill()
    sys.exit("serve_bench: wenshu serve did not start within 60 s")


def make_document(client, template, sample):
    """A document filled from samples/<sample>/data.yaml and its images; returns (id, data, revision)."""
    folder = ROOT / "samples" / sample
    doc = client.call("POST", "/api/docs", {"template": template})
    doc_id = doc["id"]
    q = urllib.parse.quote
    uploaded = {}
    for image in sorted(list(folder.glob("*.png")) + list(folder.glob("*/*.jpg")) + list(folder.glob("*/*.png"))):
        answer = client.call("POST", f"/api/docs/{doc_id}/upload?kind=image&name={q(image.name)}", image.read_bytes(),
                             "application/octet-stream")
        uploaded[str(image.relative_to(folder))] = answer["path"]
    answer = client.call("POST", f"/api/docs/{doc_id}/upload?kind=workbook&name=data.yaml", (folder / "data.yaml").read_bytes(),
                         "application/octet-stream")

    def relink(v):
        if isinstance(v, str):
            return uploaded.get(v, v)
        if isinstance(v, list):
            return [relink(x) for x in v]
        if isinstance(v, dict):
            return {k: relink(x) for k, x in v.items()}
        return v

    data = relink(answer["data"])
    saved = client.call("PUT", f"/api/docs/{doc_id}/data", {"revision": doc["revision"], "data": data})
    errors = [p for p in saved.get("problems", []) if p.get("severity") == "error"]
    if errors:
        print(f"  ({template}: the save reports {len(errors)} problem(s), e.g. {errors[0].get('chinese')})")
    preview = client.call("POST", f"/api/docs/{doc_id}/preview")
    if preview.get("failed"):
        sys.exit(f"serve_bench: the {template} preview failed: {preview.get('problems')}")
    for n in range(1, preview["pages"] + 1):
        client.call("GET", f"/api/docs/{doc_id}/pages/{n}.png")
    return doc_id, data, saved["revision"], preview["pages"]


def edit(client, doc_id, data, revision, field, i):
    """One one-field edit, as the page makes it; returns (seconds, server ms, pages redrawn, new revision)."""
    data = dict(data)
    data[field] = f"{data[field].rstrip('0123456789')}{i}"
    start = time.perf_counter()
    saved = client.call("PUT", f"/api/docs/{doc_id}/data", {"revision": revision, "data": data})
    preview = client.call("POST", f"/api/docs/{doc_id}/preview")
    revisions = preview.get("revisions", [])
    for n in preview.get("changed", []):
        rev = revisions[n - 1] if n - 1 < len(revisions) else i
        png = client.call("GET", f"/api/docs/{doc_id}/pages/{n}.png?rev={rev}")
        if not png.startswith(b"\x89PNG"):
            raise RuntimeError(f"page {n} is not a PNG")
    return time.perf_counter() - start, preview.get("ms", float("nan")), len(preview.get("changed", [])), saved["revision"]


def single(port, template, sample, field, runs, warmup=3):
    client = Client(port)
    doc_id, data, revision, pages = make_document(client, template, sample)
    times, server, redrawn = [], [], []
    for i in range(warmup + runs):
        seconds, ms, changed, revision = edit(client, doc_id, data, revision, field, i + 1)
        if i >= warmup:
            times.append(seconds * 1000)
            server.append(ms)
            redrawn.append(changed)
    return {"template": template, "pages": pages, "field": field, "times": times, "server": server, "redrawn": redrawn}


def crowd(port, users, edits):
    clients = [Client(port) for _ in range(users)]
    docs = [make_document(c, "notice", "notice") for c in clients]
    lock = threading.Lock()
    times = []
    barrier = threading.Barrier(users)

    def user(k):
        client, (doc_id, data, revision, _) = clients[k], docs[k]
        barrier.wait()
        for i in range(edits):
            seconds, _, _, revision = edit(client, doc_id, data, revision, "title", i + 1)
            with lock:
                times.append(seconds * 1000)

    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(users) as pool:
        for f in [pool.submit(user, k) for k in range(users)]:
            f.result()
    wall = time.perf_counter() - start
    return {"times": times, "wall": wall, "rate": len(times) / wall}


def line(name, values):
    return (f"{name}: median {statistics.median(values):.0f} ms, p95 {percentile(values, 95):.0f} ms, "
            f"min {min(values):.0f}, max {max(values):.0f} (n={len(values)})")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--wenshu", required=True)
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--users", type=int, default=20)
    ap.add_argument("--edits", type=int, default=10)
    args = ap.parse_args()
    data = tempfile.mkdtemp(prefix="wenshu-serve-bench-")
    server, port = start_server(args.wenshu, data)
    try:
        print(f"load average before: {os.getloadavg()[0]:.2f} ({os.cpu_count()} cores)")
        for template, sample, field in [("notice", "notice", "title"), ("application", "application", "leader")]:
            r = single(port, template, sample, field, args.runs)
            print(f"{template} ({r['pages']} pages), one field ({field}) changed {args.runs} times, "
                  f"{statistics.mean(r['redrawn']):.1f} page(s) redrawn per edit:")
            print("  " + line("save → new page image", r["times"]))
            print("  " + line("server compile + draw", r["server"]))
        c = crowd(port, args.users, args.edits)
        print(f"{args.users} users at once, each editing its own notice {args.edits} times without pause:")
        print("  " + line("save → new page image", c["times"]))
        print(f"  {c['rate']:.1f} edits/s served in {c['wall']:.1f} s")
        print(f"load average after: {os.getloadavg()[0]:.2f}")
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
