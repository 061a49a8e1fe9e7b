"""`helpcenter build` (one process per language, merged) against `mkdocs build`, on copies
of the real site: the same files byte for byte, the same problems for a bad tree, and a
large troubleshooter whose every step is in the page and reachable by its links."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections import deque
from pathlib import Path

ROOT = Path(__file__).parents[2]
HELPCENTER = str(Path(sys.executable).parent / "helpcenter")
PROBLEM = re.compile(r"\S+\.(?:yml|md):\d+:\d+: (?:error|warning): .*\]$")
LANGUAGES = ("en", "id", "vi", "lv", "nb")


def problems_in(output: str) -> list[str]:
    found = [m.group(0) for line in output.splitlines() if (m := PROBLEM.search(line))]
    return list(dict.fromkeys(found))


def copy_project(target: Path) -> Path:
    for name in ("content", "decision_trees", "overrides"):
        shutil.copytree(ROOT / name, target / name)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


def env() -> dict[str, str]:
    return {
        **{
            k: v
            for k, v in os.environ.items()
            if k not in ("GITHUB_ACTIONS", "HELPCENTER_LANGUAGES")
        },
        "NO_MKDOCS_2_WARNING": "1",
    }


def run(project: Path, *command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        list(command), cwd=project, capture_output=True, text=True, env=env(), timeout=900
    )


def mkdocs(project: Path, site: Path) -> subprocess.CompletedProcess[str]:
    return run(project, sys.executable, "-m", "mkdocs", "build", "-d", str(site))


def helpcenter(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run(project, HELPCENTER, "build", *args)


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def assert_same_site(expected: Path, actual: Path) -> None:
    want, got = files(expected), files(actual)
    assert sorted(got) == sorted(want)
    differing = [name for name in want if want[name] != got[name]]
    assert differing == []


def test_helpcenter_build_writes_what_mkdocs_build_writes(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    single = mkdocs(project, tmp_path / "single")
    assert single.returncode == 0, single.stderr
    parallel = helpcenter(project, "--jobs", "2", "--site-dir", str(tmp_path / "parallel"))
    assert parallel.returncode == 0, parallel.stderr
    assert_same_site(tmp_path / "single", tmp_path / "parallel")
    assert not list(tmp_path.glob(".parallel-*")), "temporary folders are removed"


def test_parts_built_apart_and_merged_make_the_same_site(tmp_path: Path) -> None:
    """What CI does across machines: one job per language, then a merge job."""
    project = copy_project(tmp_path / "project")
    assert mkdocs(project, tmp_path / "single").returncode == 0
    parts = []
    for language in LANGUAGES:
        part = tmp_path / "parts" / language
        built = helpcenter(project, "--language", language, "--part-dir", str(part))
        assert built.returncode == 0, built.stderr
        parts.append(str(part))
    merged = helpcenter(project, "--merge", *parts, "--site-dir", str(tmp_path / "merged"))
    assert merged.returncode == 0, merged.stderr
    assert_same_site(tmp_path / "single", tmp_path / "merged")
    # The CI's last job: the merged site's links and anchors, without building it again.
    checked = run(project, HELPCENTER, "check", "--built-site", str(tmp_path / "merged"))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "mkdocs build" not in checked.stderr and "lychee" in checked.stderr


def test_a_part_builds_each_of_its_languages_once(tmp_path: Path) -> None:
    """static-i18n's loop skips only the language current before it: without the guard in
    generator/site/language_selection.py a part's first language (not the default one)
    was built a second time, doubling that part's work."""
    project = copy_project(tmp_path / "project")
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-d", str(tmp_path / "part")],
        cwd=project,
        capture_output=True,
        text=True,
        env={**env(), "HELPCENTER_LANGUAGES": "lv nb"},
        timeout=900,
    )
    assert built.returncode == 0, built.stderr
    builds = re.findall(r"Building '(\w+)' documentation", built.stderr)
    assert builds == ["lv", "nb"]


def test_a_bad_tree_fails_with_the_problems_mkdocs_build_reports(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    tree = project / "decision_trees" / "why-cant-i-cancel.yml"
    text = tree.read_text()
    at = text.index("next: ") + len("next: ")
    tree.write_text(text[:at] + "nowhere-" + text[at:])
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the previous site")
    single = mkdocs(project, tmp_path / "single")
    parallel = helpcenter(project, "--jobs", "2", "--site-dir", str(site))
    assert single.returncode != 0
    assert parallel.returncode == 1

    def problems(output: str) -> list[str]:
        found = [m.group(0) for line in output.splitlines() if (m := PROBLEM.search(line))]
        return list(dict.fromkeys(found))

    expected = problems(single.stdout + single.stderr)
    line = text[:at].count("\n") + 1
    column = at - text.rfind("\n", 0, at)
    assert any(
        p.startswith(f"decision_trees/why-cant-i-cancel.yml:{line}:{column}: error:")
        for p in expected
    )
    assert problems(parallel.stdout + parallel.stderr) == expected
    # The part of lv and nb checks the project for all and fails at once: the other part,
    # with three languages to build, is stopped instead of finishing for nothing.
    assert "helpcenter: stopped the build of en, id, vi early" in parallel.stderr
    assert files(site) == {"index.html": b"the previous site"}, "the old site is left as it was"
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".site")], "no half site"


def test_a_warning_fails_a_strict_build_and_is_printed_once(tmp_path: Path) -> None:
    """The rules run once, in `helpcenter build` itself, not in each language's build."""
    project = copy_project(tmp_path / "project")
    tree = project / "decision_trees" / "why-cant-i-cancel.yml"
    text = tree.read_text()
    at = text.index("\ntitle: ") + len("\ntitle: ")
    end = text.index("\n", at)
    tree.write_text(text[:end] + " # a comment that was meant" + text[end:])
    line, column = text[:at].count("\n") + 1, end - at + len("title: ") + 2
    warning = f"decision_trees/why-cant-i-cancel.yml:{line}:{column}: warning: "
    single = run(project, sys.executable, "-m", "mkdocs", "build", "--strict", "-d", "s")
    assert single.returncode != 0 and warning in single.stdout + single.stderr
    site = tmp_path / "site"
    lenient = helpcenter(project, "--jobs", "2", "--site-dir", str(site))
    assert lenient.returncode == 0, lenient.stderr
    assert lenient.stdout.count(warning) == 1 and "[plain-comment]" in lenient.stdout
    assert (site / "nb" / "index.html").is_file()
    strict = helpcenter(project, "--jobs", "2", "--strict", "--site-dir", str(site))
    assert strict.returncode == 1
    assert strict.stdout.count(warning) == 1
    assert "0 errors, 1 warning in 1 file" in strict.stderr and "was not changed" in strict.stderr


def test_an_article_the_renderer_stops_on_is_reported_at_its_line(tmp_path: Path) -> None:
    """`helpcenter build` leaves the render check to the builds, which render every page;
    when one fails it is run, and the article is named at its line as `mkdocs build`
    names it, without the build's traceback."""
    project = copy_project(tmp_path / "project")
    article = project / "content" / "orders" / "cancel-order.lv.md"
    text = article.read_text()
    article.write_text(text + "\nSkatiet [palīdzību](http://[palidziba) šeit.\n")
    line = text.count("\n") + 2
    single = mkdocs(project, tmp_path / "single")
    assert single.returncode != 0
    found = [p for p in problems_in(single.stdout + single.stderr) if "[article-render]" in p]
    assert [p.split(": error: ")[0] for p in found] == [
        f"content/orders/cancel-order.lv.md:{line}:38"
    ]
    expected = found[0]
    parallel = helpcenter(project, "--jobs", "2", "--site-dir", str(tmp_path / "site"))
    assert parallel.returncode == 1
    assert expected in parallel.stdout
    assert "Traceback" not in parallel.stdout + parallel.stderr
    # lv's build fails on its first page; en, id and vi's are stopped, not waited for.
    assert "helpcenter: stopped the build of en, id, vi early" in parallel.stderr
    assert "helpcenter: 1 error, 0 warnings in 1 file" in parallel.stderr
    assert "was not changed" in parallel.stderr and not (tmp_path / "site").exists()


def test_a_strict_build_fails_on_a_warning_only_mkdocs_finds(tmp_path: Path) -> None:
    """MkDocs counts its warnings after the last language is built and only then fails a
    --strict build: a part that ends without Python's teardown must not end before
    that, nor with status 0. The part stopped on the way leaves no temporary files."""
    project = copy_project(tmp_path / "project")
    article = project / "content" / "orders" / "cancel-order.nb.md"
    article.write_text(article.read_text() + "\nSe [her](missing-page.md).\n")
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    site = tmp_path / "site"
    strict = subprocess.run(
        [HELPCENTER, "build", "--jobs", "2", "--strict", "--site-dir", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
        env={**env(), "TMPDIR": str(scratch)},
        timeout=900,
    )
    assert strict.returncode == 1, strict.stderr
    warning = "WARNING -  Doc file 'orders/cancel-order.nb.md' contains a link 'missing-page.md'"
    assert strict.stderr.count(warning) == 1
    assert "helpcenter: the build failed (lv, nb)" in strict.stderr
    assert not site.exists() and not [p.name for p in tmp_path.iterdir() if p.name[0] == "."]
    assert list(scratch.iterdir()) == [], "the parts' temporary files are removed"
    lenient = helpcenter(project, "--jobs", "2", "--site-dir", str(site))
    assert lenient.returncode == 0, lenient.stderr
    assert lenient.stderr.count(warning) == 1 and (site / "nb" / "index.html").is_file()


def test_the_check_beside_the_builds_still_reports_what_reading_an_article_finds(
    tmp_path: Path,
) -> None:
    """The render check waits for a failed build; an article's hidden characters, found
    when it is read, are reported at once all the same."""
    from generator.part_check import AFTER_A_FAILED_BUILD, check_project

    project = copy_project(tmp_path / "project")
    article = project / "content" / "orders" / "cancel-order.nb.md"
    text = article.read_text()
    article.write_text(text + "\nBetal \u202e123\n")
    line = text.count("\n") + 2
    found = [str(p) for p in check_project(project / "mkdocs.yml", AFTER_A_FAILED_BUILD)]
    assert [p.split(": error: ")[0] + " " + p.rsplit(" ", 1)[-1] for p in found] == [
        f"content/orders/cancel-order.nb.md:{line}:7 [bidi-control]"
    ]


def big_tree(nodes: int) -> str:
    """A binary tree of `nodes` steps: question i leads to 2i+1 and 2i+2."""
    questions = (nodes - 1) // 2
    out = ["id: big", "title: A big troubleshooter", "summary: Many steps.", "start: s0", "nodes:"]
    for i in range(nodes):
        out.append(f"  s{i}:")
        if i < questions:
            out += [f"    question: Question number {i}?", "    options:"]
            for k, child in enumerate((2 * i + 1, 2 * i + 2)):
                out += [
                    f"      - id: a{k}",
                    f"        label: Answer {k} of {i}",
                    f"        next: s{child}",
                ]
        else:
            out += ["    outcome: solved", f"    title: Outcome number {i}", "    body: Done."]
    return "\n".join(out) + "\n"


def test_a_large_tree_builds_and_every_step_is_reachable(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    nodes = 2001
    (project / "decision_trees" / "big.yml").write_text(big_tree(nodes))
    site = tmp_path / "site"
    built = helpcenter(project, "--language", "en", "--site-dir", str(site))
    assert built.returncode == 0, built.stderr
    assert not (site / "nb").exists(), "only the language asked for is built"
    page = (site / "troubleshooters" / "big" / "index.html").read_text()
    sections = re.findall(r'<section class="hc-step" id="big--(s\d+)"', page)
    assert sorted(sections) == sorted(f"s{i}" for i in range(nodes))
    links: dict[str, list[str]] = {}
    for section in re.findall(r'<section class="hc-step" id="big--.*?</section>', page, re.S):
        node = re.match(r'<section class="hc-step" id="big--(s\d+)"', section)
        assert node is not None
        targets = re.findall(r'<a class="hc-option" href="#big--(s\d+)"', section)
        assert all(t in sections for t in targets)
        links[node.group(1)] = targets
    reached, queue = {"s0"}, deque(["s0"])
    while queue:
        for target in links[queue.popleft()]:
            if target not in reached:
                reached.add(target)
                queue.append(target)
    assert len(reached) == nodes
    outline = (site / "writers" / "big" / "index.html").read_text()
    assert len(re.findall(r'<dt id="map--s\d+"', outline)) == nodes
