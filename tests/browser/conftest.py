"""Browser tests of the web workbench (docs/workbench.md): Debian's chromium driven by Playwright.

Shared fixtures:
  wenshu      the binary (WENSHU, else .build/debug/wenshu, else .build/release/wenshu)
  serve       a factory: serve(host="127.0.0.1", token=None, data=None) starts `wenshu serve` on a free
              port with a fresh --data folder and returns a Server (url, data, stop(), restart()); every
              server started is stopped after the test
  browser     one Chromium for the session (executable_path=/usr/bin/chromium: no browser download)
  page        a new page per test
"""
import os
import pathlib
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request

import pytest
from playwright.sync_api import sync_playwright

ROOT = pathlib.Path(__file__).resolve().parents[2]


def _binary():
    for candidate in [os.environ.get("WENSHU"), ROOT / ".build/debug/wenshu", ROOT / ".build/release/wenshu"]:
        if candidate and pathlib.Path(candidate).is_file():
            return str(pathlib.Path(candidate).resolve())
    pytest.skip("wenshu is not built (swift build --product wenshu)")


def free_port(host):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, binary, host, data, token_file=None):
        self.binary, self.host, self.data, self.token_file = binary, host, data, token_file
        self.port = free_port(host)
        self.process = None
        self.log = open(os.path.join(data, "..", f"serve-{self.port}.log"), "ab")
        self.start()

    @property
    def url(self):
        return f"http://{self.host}:{self.port}"

    def start(self):
        args = [self.binary, "serve", "--host", self.host, "--port", str(self.port), "--data", self.data,
                "--templates", str(ROOT / "templates")]
        if self.token_file:
            args += ["--token-file", self.token_file]
        self.process = subprocess.Popen(args, stdout=self.log, stderr=subprocess.STDOUT, cwd=str(ROOT))
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"wenshu serve exited with {self.process.returncode}")
            try:
                urllib.request.urlopen(self.url + "/static/workbench.css", timeout=2).read()
                return
            except urllib.error.HTTPError:
                return  # it answers (401 off the loopback)
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("wenshu serve did not start within 60 s")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def restart(self):
        self.stop()
        self.start()

    def get(self, path, headers=None):
        """(status, body) of a GET."""
        request = urllib.request.Request(self.url + path, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=30) as r:
                return r.status, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.read()


@pytest.fixture(scope="session")
def wenshu():
    return _binary()


@pytest.fixture
def serve(wenshu):
    servers = []
    scratch = tempfile.mkdtemp(prefix="wenshu-browser-")

    def start(host="127.0.0.1", token=None, data=None):
        data = data or tempfile.mkdtemp(dir=scratch, prefix="data-")
        token_file = None
        if token:
            token_file = os.path.join(scratch, "token")
            with open(token_file, "w") as f:
                f.write(token + "\n")
        server = Server(wenshu, host, data, token_file)
        servers.append(server)
        return server

    yield start
    for s in servers:
        s.stop()
    shutil.rmtree(scratch, ignore_errors=True)


@pytest.fixture(scope="session")
def browser():
    executable = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    if not os.path.exists(executable):
        pytest.skip("Debian's chromium is not installed (scripts/setup installs it)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1360, "height": 900}, locale="zh-CN", accept_downloads=True)
    p = context.new_page()
    p.set_default_timeout(30_000)
    yield p
    context.close()
