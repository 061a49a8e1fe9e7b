"""`./dev serve` (`mkdocs serve --dirty`): a save re-renders only the pages it changes, in
every language, and the site it serves is the site `mkdocs build` makes of the same files.

One real `mkdocs serve --dirty` of the sample project; each save is waited for until the
page shows it (the server answers only once a rebuild is over)."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from sitekit import copy_project, mkdocs_build

TREE = "why-cant-i-cancel"
EMBEDDING = "orders/embedded.md"  # an article, added here, that embeds the tree
TIMEOUT = 120.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as response:  # noqa: S310 - ours
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError):
        return None


def wait_for_text(url: str, text: str) -> str:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        page = fetch(url)
        if page is not None and text in page:
            return page
        time.sleep(0.2)
    raise AssertionError(f"{url} did not show {text!r} within {TIMEOUT:.0f} s")


def wait_for_log(log_file: Path, text: str) -> None:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if text in log_file.read_text("utf-8"):
            return
        time.sleep(0.2)
    raise AssertionError(f"serve did not log {text!r} within {TIMEOUT:.0f} s")


def site_files(site: Path) -> dict[str, Path]:
    """Every file of the site but the search indexes, which serve rewrites meanwhile."""
    found = {}
    for folder, subfolders, names in os.walk(site):
        subfolders[:] = [name for name in subfolders if name != "pagefind"]
        for name in names:
            path = Path(folder) / name
            found[str(path.relative_to(site))] = path
    return dict(sorted(found.items()))


def pages(site: Path) -> dict[str, Path]:
    """Every page of the site, 404 pages too."""
    return {
        name: path
        for name, path in site_files(site).items()
        if path.name in ("index.html", "404.html")
    }


def written(site: Path) -> dict[str, int]:
    return {name: path.stat().st_mtime_ns for name, path in pages(site).items()}


def edit(path: Path, change: Callable[[str], str]) -> None:
    text = path.read_text("utf-8")
    changed = change(text)
    assert changed != text
    path.write_text(changed, "utf-8")


def test_a_save_rerenders_only_its_pages_and_the_preview_equals_a_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", with_fixtures=False)
    (project / "content" / EMBEDDING).write_text(
        f"# Embedded troubleshooter\n\n::: troubleshooter {TREE}\n", "utf-8"
    )
    serve_tmp = tmp_path / "serve-tmp"  # serve builds into a folder made here
    serve_tmp.mkdir()
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    log_file = tmp_path / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(serve_tmp)}
    env.pop("HELPCENTER_LANGUAGES", None)  # every language, as ./dev serve by default
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "--dirty"]
    with log_file.open("w") as log:
        server = subprocess.Popen(command, cwd=project, env=env, stdout=log, stderr=log)
    try:
        question = "Apa yang ingin Anda batalkan?"
        wait_for_text(f"{base}id/troubleshooters/{TREE}/", question)
        (site,) = serve_tmp.glob("mkdocs_*")
        before = written(site)
        tree_page_before = (site / "id" / "troubleshooters" / TREE / "index.html").read_text()

        # A tree's translation: its troubleshooter pages and the article that embeds it.
        new_question = "Apa yang ingin Anda batalkan hari ini?"
        edit(
            project / "decision_trees" / f"{TREE}.id.yml",
            lambda text: text.replace(f"question: {question}", f"question: {new_question}", 1),
        )
        wait_for_text(f"{base}id/troubleshooters/{TREE}/", new_question)
        wait_for_text(f"{base}id/orders/embedded/", new_question)
        after_tree = written(site)
        changed = {name for name in before if after_tree[name] != before[name]}
        assert f"id/troubleshooters/{TREE}/index.html" in changed
        assert "id/orders/embedded/index.html" in changed
        assert "id/orders/cancel-order/index.html" not in changed
        assert "troubleshooters/refund-eligibility/index.html" not in changed
        assert not {name for name in changed if "orders/cancel-order" in name}
        assert not {name for name in changed if name.endswith("404.html")}
        # The page re-rendered shows every kept page in its navigation as before.
        tree_page = (site / "id" / "troubleshooters" / TREE / "index.html").read_text()
        assert tree_page == tree_page_before.replace(question, new_question)

        # A mistake stops the rebuild before any page is written; its fix shows as usual.
        translation = project / "decision_trees" / f"{TREE}.id.yml"
        good = translation.read_text("utf-8")
        translation.write_text(good.replace("nodes:", "nodes: [", 1), "utf-8")
        wait_for_log(log_file, "error(s) in the decision trees or articles")
        fixed_question = "Apa yang ingin Anda batalkan besok?"
        translation.write_text(good.replace(new_question, fixed_question), "utf-8")
        wait_for_text(f"{base}id/troubleshooters/{TREE}/", fixed_question)
        wait_for_text(f"{base}id/orders/embedded/", fixed_question)
        after_fix = written(site)
        assert (
            after_fix["id/orders/cancel-order/index.html"]
            == before["id/orders/cancel-order/index.html"]
        ), "a failed rebuild wrote nothing, so the next one still keeps unchanged pages"

        # An article: its page (not the troubleshooters whose outcomes link it).
        sentence = "You can cancel one item"
        edit(
            project / "content" / "orders" / "cancel-order.md",
            lambda text: text.replace(sentence, f"{sentence} (edited)", 1),
        )
        wait_for_text(f"{base}orders/cancel-order/", f"{sentence} (edited)")
        after_article = written(site)
        assert (
            after_article["orders/cancel-order/index.html"]
            != after_fix["orders/cancel-order/index.html"]
        )
        assert (
            after_article[f"troubleshooters/{TREE}/index.html"]
            == after_fix[f"troubleshooters/{TREE}/index.html"]
        )

        # A new title changes every page's navigation: every page is re-rendered.
        edit(
            project / "content" / "orders" / "cancel-order.md",
            lambda text: re.sub(
                r"^# .*$", "# Cancel an order (retitled)", text, count=1, flags=re.M
            ),
        )
        wait_for_text(f"{base}orders/unexpected-purchases/", "Cancel an order (retitled)")
        served = {name: path.read_text("utf-8") for name, path in pages(site).items()}
        served_files = set(site_files(site))
    finally:
        server.terminate()
        server.wait(timeout=60)
    log_text = log_file.read_text("utf-8")
    assert re.search(r"preview: re-rendered \d+ page\(s\), kept \d+ unchanged", log_text)
    assert "A 'dirty' build is being performed" not in log_text
    assert "stale files" not in log_text

    # The same files built from scratch, at the address serve gave the site.
    config = project / "mkdocs.yml"
    config.write_text(
        re.sub(r"^site_url: .*$", f"site_url: {base}", config.read_text("utf-8"), flags=re.M),
        "utf-8",
    )
    result = mkdocs_build(project, tmp_path / "built")
    assert result.returncode == 0, result.stderr
    built = {name: path.read_text("utf-8") for name, path in pages(tmp_path / "built").items()}
    assert sorted(served) == sorted(built)
    assert served_files == set(site_files(tmp_path / "built"))  # theme files, listed once
    different = [name for name in built if served[name] != built[name]]
    assert not different, f"the preview differs from a build in {different}"
