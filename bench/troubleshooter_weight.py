"""What the troubleshooter costs a customer's browser.

1. Weight: the gzipped size of the troubleshooter's own JS and CSS
   (overrides/assets/helpcenter/), goal <= 8 KB together.
2. Requests while walking 5 steps of a troubleshooter (answers, and a restart after an
   outcome), after the page has loaded: goal 0.
3. Click-to-next-step time: from a click on an answer until the next step is laid out
   (event handler, DOM, style and layout), median of --clicks (50), goal < 16 ms.

Builds the sample site to a temporary folder, serves it on 127.0.0.1 and drives Debian's
Chromium (/usr/bin/chromium).

    python bench/troubleshooter_weight.py [--clicks 50] [--site DIR]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
ASSETS = ROOT / "overrides" / "assets" / "helpcenter"
TREE = "why-cant-i-cancel"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip

# Runs in the page: answer the current step's first option (restart after an outcome,
# untimed) `clicks` times, timing each answer until layout is done.
TIME_CLICKS = """async clicks => {
  const root = document.querySelector(".hc-ts[data-tree]");
  const times = [];
  while (times.length < clicks) {
    const step = root.querySelector('[aria-current="step"]');
    const option = step.querySelector("[data-option]");
    if (!option) { step.querySelector(".hc-restart").click(); continue; }
    const start = performance.now();
    option.click();
    void root.offsetHeight;  // force style and layout of the new step
    times.push(performance.now() - start);
    await new Promise(requestAnimationFrame);
  }
  return times;
}"""


def gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9))


def build_site(target: Path) -> Path:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "-q",
        "-f",
        str(ROOT / "mkdocs.yml"),
        "-d",
        str(target),
    ]
    subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    return target


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def measure(site: Path, clicks: int) -> tuple[list[Any], list[float]]:
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/troubleshooters/{TREE}/"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
            )
            page = browser.new_page()
            page.goto(url, wait_until="networkidle")
            requests: list[Any] = []

            def record(request: Any) -> None:
                requests.append(request)

            page.on("request", record)
            steps = 0
            while steps < 5:
                step = page.locator(f'.hc-ts[data-tree="{TREE}"] [aria-current="step"]')
                options = step.locator("[data-option]")
                if options.count() == 0:
                    step.locator(".hc-restart").click()
                else:
                    options.last.click()
                steps += 1
            page.wait_for_timeout(500)  # anything the steps set off
            page.remove_listener("request", record)
            times = list(page.evaluate(TIME_CLICKS, clicks))
            browser.close()
    finally:
        server.shutdown()
    return requests, times


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--clicks", type=int, default=50)
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
    args = parser.parse_args()

    js, css = ASSETS / "helpcenter.js", ASSETS / "helpcenter.css"
    weight = gzipped(js) + gzipped(css)
    print(
        f"weight: {js.name} {gzipped(js)} B + {css.name} {gzipped(css)} B gzipped = {weight} B (goal <= 8192 B)"
    )

    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or build_site(Path(tmp) / "site")
        requests, times = measure(site, args.clicks)
    urls = [request.url for request in requests]
    print(f"requests while walking 5 steps: {len(urls)} (goal 0) {urls if urls else ''}")
    median = statistics.median(times)
    print(
        f"click to next step: median {median:.2f} ms, max {max(times):.2f} ms over {len(times)} clicks (goal < 16 ms)"
    )


if __name__ == "__main__":
    main()
