"""`helpcenter check` end to end on copies of the real site: clean, and with seeded faults.

Each run is a real `mkdocs build --strict` and a real lychee run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.check import build_site, check_links, read_problems
from generator.problems import Level, Problem

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
    last = len(article.read_text().splitlines())
    run = run_check(project)
    assert run.returncode == 1
    assert [line for line in run.stdout.splitlines() if "#finnes-ikke" in line] == [
        f"content/orders/index.nb.md:{last}:10: error: Doc file 'orders/index.nb.md' contains "
        "a link 'cancel-order.md#finnes-ikke', but the doc 'orders/cancel-order.nb.md' does "
        "not contain an anchor '#finnes-ikke'. [mkdocs]"
    ]


def seed_broken_anchor(project: Path) -> tuple[Path, int]:
    article = project / "content" / "orders" / "index.md"
    article.write_text(article.read_text() + "\nSee [x](cancel-order.md#nope).\n")
    return article, len(article.read_text().splitlines())


def test_the_build_hands_its_problems_over_as_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = copy_project(tmp_path / "project")
    _, line = seed_broken_anchor(project)
    monkeypatch.chdir(project)
    code, problems, _ = build_site(project / "mkdocs.yml", tmp_path / "site")
    assert code == 1
    assert (
        Problem(
            "content/orders/index.md",
            line,
            9,
            Level.ERROR,
            "mkdocs",
            "Doc file 'orders/index.md' contains a link 'cancel-order.md#nope', but the doc "
            "'orders/cancel-order.md' does not contain an anchor '#nope'.",
        )
        in problems
    )


def test_a_verbose_strict_build_fails_on_a_broken_anchor_too(tmp_path: Path) -> None:
    """MkDocs 1.6 skips anchor checks when its log is at DEBUG (-v); the plugin keeps them."""
    project = copy_project(tmp_path / "project")
    seed_broken_anchor(project)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    mkdocs = str(Path(sys.executable).parent / "mkdocs")
    for flags in (["--strict"], ["-v", "--strict"]):
        site = str(tmp_path / "site")
        run = subprocess.run(
            [mkdocs, "build", *flags, "--site-dir", site],
            cwd=project,
            capture_output=True,
            text=True,
            env=env,
        )
        assert run.returncode == 1, flags
        assert "does not contain an anchor '#nope'" in run.stderr, flags


@pytest.mark.parametrize(
    "value", ['"javascript:alert(1)"', r'"\x01javascript:alert(1)"', '"jav&#X61;script:x"']
)
def test_the_build_refuses_an_unsafe_contact_url_at_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    project = copy_project(tmp_path / "project")
    settings = project / "mkdocs.yml"
    lines = settings.read_text().splitlines()
    line = next(n for n, text in enumerate(lines, start=1) if "contact_url:" in text)
    lines[line - 1] = f"      contact_url: {value}"
    settings.write_text("\n".join(lines) + "\n")
    monkeypatch.chdir(project)
    code, problems, _ = build_site(settings, tmp_path / "site")
    assert code == 1
    assert [p for p in problems if p.rule == "unsafe-config-url"] == [
        Problem(
            "mkdocs.yml",
            line,
            20,
            Level.ERROR,
            "unsafe-config-url",
            "the helpcenter plugin's contact_url uses 'javascript:'; only http, https, "
            "mailto, tel and relative links are allowed",
        )
    ]


def test_an_upper_case_https_contact_url_is_accepted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = copy_project(tmp_path / "project")
    settings = project / "mkdocs.yml"
    text = settings.read_text().replace(
        "contact_url: contact.md", 'contact_url: "HTTPS://example.com/contact?topic={subject}"'
    )
    settings.write_text(text)
    monkeypatch.chdir(project)
    code, problems, output = build_site(settings, tmp_path / "site")
    assert (code, problems) == (0, []), output


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


def test_a_build_that_stops_before_the_plugin_is_reported_with_its_last_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\ntheme:\n  name: nonexistent\n")
    monkeypatch.chdir(tmp_path)
    code, problems, _ = build_site(tmp_path / "mkdocs.yml", tmp_path / "site")
    assert code == 1
    assert [str(p) for p in problems] == [
        "mkdocs.yml:1:1: error: mkdocs build failed: ERROR - Config value 'theme': "
        "Unrecognised theme name: 'nonexistent'. The available installed themes are: "
        "mkdocs, readthedocs, material [mkdocs]"
    ]


def test_the_problems_file_is_read_as_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    problems_file = tmp_path / "problems.jsonl"
    problems_file.write_text(
        '{"path": "content/a.md", "line": 3, "column": 9, "level": "error", "rule": "mkdocs",'
        ' "message": "contains a link \'b.md\'"}\n'
        '{"path": "content/a.md", "line": 3\n'
    )
    monkeypatch.chdir(tmp_path)
    problems = read_problems(problems_file, tmp_path / "site-src" / "mkdocs.yml")
    assert [str(p) for p in problems] == [
        "site-src/content/a.md:3:9: error: contains a link 'b.md' [mkdocs]",
        "site-src/mkdocs.yml:1:1: error: the build stopped while writing its problem 2; "
        "run the check again [mkdocs]",
    ]
