"""`helpcenter check` end to end on copies of the real site: clean, and with seeded faults.

Each run is a real `mkdocs build --strict` and a real lychee run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.check import check_links

ROOT = Path(__file__).parents[2]
HELPCENTER = str(Path(sys.executable).parent / "helpcenter")


def copy_project(target: Path) -> Path:
    for name in ("content", "decision_trees", "overrides"):
        shutil.copytree(ROOT / name, target / name)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


def run_check(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    return subprocess.run(
        [HELPCENTER, "check", *args], cwd=project, capture_output=True, text=True, env=env
    )


def test_the_sample_site_passes_every_step(tmp_path: Path) -> None:
    run = run_check(copy_project(tmp_path))
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout == ""
    for step in ("validate", "scenario", "mkdocs build", "lychee", "reproducible"):
        assert step in run.stderr


def test_a_broken_tree_is_reported_with_its_position(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    tree = project / "decision_trees" / "why-cant-i-cancel.yml"
    text = tree.read_text()
    first_next = text.index("next: ") + len("next: ")
    tree.write_text(text[:first_next] + "nowhere-" + text[first_next:])
    line = text[:first_next].count("\n") + 1
    column = first_next - text.rfind("\n", 0, first_next)
    run = run_check(project)
    assert run.returncode == 1
    assert f"decision_trees/why-cant-i-cancel.yml:{line}:{column}: error: answer " in run.stdout
    assert "[dangling-next]" in run.stdout


def test_a_broken_link_in_an_article_is_reported(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    article = project / "content" / "orders" / "index.md"
    article.write_text(article.read_text() + "\nSee [the old page](old-page.md).\n")
    run = run_check(project)
    assert run.returncode == 1
    lines = [line for line in run.stdout.splitlines() if "old-page.md" in line]
    last = len(article.read_text().splitlines())
    assert lines and lines[0].startswith(f"content/orders/index.md:{last}:20: error: ")
    assert lines[0].endswith("[mkdocs]")


def test_a_broken_anchor_in_another_language_is_reported(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    article = project / "content" / "orders" / "index.nb.md"
    article.write_text(article.read_text() + "\nSe [her](cancel-order.md#finnes-ikke).\n")
    run = run_check(project)
    assert run.returncode == 1
    assert "#finnes-ikke" in run.stdout
    assert "content/orders/index.nb.md:" in run.stdout


def test_lychee_finds_a_broken_anchor_in_the_built_html(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "nb" / "orders").mkdir(parents=True)
    (site / "nb" / "orders" / "index.html").write_text(
        '<html><body><h2 id="steps">Steg</h2><a href="#steps">ok</a>'
        '<a href="../missing/">gone</a><a href="#nowhere">bad anchor</a></body></html>'
    )
    problems = check_links(site, external=False)
    assert [str(p) for p in problems] == [
        "site/nb/orders/index.html:1:69: error: broken link /nb/missing: "
        "File not found. Check if file exists and path is correct [broken-link]",
        "site/nb/orders/index.html:1:99: error: broken link /nb/orders/index.html#nowhere: "
        "Cannot find fragment [broken-link]",
    ]


@pytest.mark.parametrize("place", ["content", "decision_trees"])
def test_a_symlink_out_of_the_project_fails_the_check(tmp_path: Path, place: str) -> None:
    outside = tmp_path / "secret.md"
    outside.write_text("# Secret\n")
    project = copy_project(tmp_path / "project")
    (project / place / "leak.md").symlink_to(outside)
    run = run_check(project)
    assert run.returncode == 1
    assert f"{place}/leak.md:1:1: error: this is a link to {outside}" in run.stdout
