"""Lighthouse on a phone: the sample site built and served on 127.0.0.1, measured with
Lighthouse 12.2.3 (pinned in bench/package.json, installed here with `npm ci`) driving
Debian's Chromium, mobile form factor with Lighthouse's default simulated throttling.

Prints, per page, the performance / accessibility / best-practices / SEO scores and the
first contentful paint, largest contentful paint, speed index and total blocking time
(median of --runs runs). Goal: >= 98 / 100 / 100 / 100 on every page. Never fails on a
figure; it is not a test.

The server gzips text like any static host (GitHub Pages, Netlify, nginx) does, so the
figures are not dominated by the missing compression of Python's test server; pass
--no-gzip to see them without it.

    .venv/bin/python bench/lighthouse.py [--runs 3] [--site-dir DIR] [--no-gzip]
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
LIGHTHOUSE = BENCH / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROMIUM = "/usr/bin/chromium"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
METRICS = {
    "FCP": "first-contentful-paint",
    "LCP": "largest-contentful-paint",
    "SI": "speed-index",
    "TBT": "total-blocking-time",
}
OUTCOME = "refund-eligibility/subscription/from-microsoft/manage/prorated-country"
PAGES = {
    "home": "",
    "article": "orders/cancel-order/",
    "question step": "troubleshooters/refund-eligibility/",
    "outcome": f"troubleshooters/refund-eligibility/#{OUTCOME}",
}
TEXT_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml")


def install_lighthouse() -> None:
    """`npm ci` into bench/node_modules when the lock file is newer than the install."""
    stamp = BENCH / "node_modules" / ".package-lock.json"
    lock = BENCH / "package-lock.json"
    if LIGHTHOUSE.exists() and stamp.exists() and stamp.stat().st_mtime >= lock.stat().st_mtime:
        return
    print("installing Lighthouse with npm ci ...", file=sys.stderr)
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=BENCH, check=True)


def build_site(target: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(REPO / "mkdocs.yml")]
    subprocess.run([*command, "-d", str(target)], cwd=REPO, env=env, check=True)


class _Handler(http.server.SimpleHTTPRequestHandler):
    # Keep-alive, like any real host (HTTP/1.0 would cost a new connection per request).
    protocol_version = "HTTP/1.1"
    use_gzip = True

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self) -> BinaryIO | None:
        """Like the base class, but text goes out gzipped when the client accepts it."""
        path = Path(self.translate_path(self.path))
        if path.is_dir() and urlsplit(self.path).path.endswith("/"):
            path = path / "index.html"
        kind = self.guess_type(str(path))
        accepted = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.use_gzip and accepted and path.is_file() and kind.startswith(TEXT_TYPES)):
            return super().send_head()  # also redirects a folder without its trailing /
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextlib.contextmanager
def serve(directory: Path, use_gzip: bool) -> Iterator[str]:
    handler = functools.partial(
        type("Handler", (_Handler,), {"use_gzip": use_gzip}), directory=str(directory)
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def lighthouse(url: str) -> tuple[dict[str, float], list[str]]:
    """One Lighthouse run (mobile, the default): scores 0-100 and metrics in ms, and the
    audits that scored below 0.9."""
    command = [
        "node",
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        "--output-path=stdout",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
    ]
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    report = json.loads(done.stdout)
    figures: dict[str, float] = {
        name: 100.0 * (report["categories"][name]["score"] or 0) for name in CATEGORIES
    }
    for short, audit in METRICS.items():
        figures[short] = report["audits"][audit]["numericValue"]
    below = [
        f"{a['id']} ({a['score']})"
        for a in report["audits"].values()
        if a.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")
        and a.get("score") is not None
        and a["score"] < 0.9
    ]
    return figures, below


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per page (median)")
    parser.add_argument("--site-dir", type=Path, help="a built site (default: build one)")
    parser.add_argument("--no-gzip", action="store_true", help="serve without compression")
    parser.add_argument("--audits", action="store_true", help="list audits scoring < 0.9")
    args = parser.parse_args()
    if not Path(CHROMIUM).exists() or shutil.which("node") is None:
        sys.exit(f"needs Node (20+) and Debian's Chromium at {CHROMIUM}")
    install_lighthouse()
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site_dir
        if site is None:
            site = Path(tmp) / "site"
            build_site(site)
        with serve(site, use_gzip=not args.no_gzip) as base:
            header = f"{'page':<14}" + "".join(f"{c[:4]:>6}" for c in CATEGORIES)
            print(header + "".join(f"{m:>8}" for m in METRICS) + "   (scores; ms)")
            for name, path in PAGES.items():
                runs = [lighthouse(base + path) for _ in range(args.runs)]
                row = f"{name:<14}"
                for key in [*CATEGORIES, *METRICS]:
                    value = statistics.median(figures[key] for figures, _ in runs)
                    row += f"{value:>6.0f}" if key in CATEGORIES else f"{value:>8.0f}"
                print(row, flush=True)
                if args.audits:
                    below = sorted({audit for _, audits in runs for audit in audits})
                    print("    below 0.9:", ", ".join(below) or "none", flush=True)


if __name__ == "__main__":
    main()
