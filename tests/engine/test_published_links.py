"""Files whose text lives elsewhere are not published: a symlink under content/ to a file
outside content/ (even inside the repository) and a hard link are errors at file:1:1,
and the build refuses them too (errors fail it)."""

from __future__ import annotations

import os
from pathlib import Path

from casekit import problems_for


def _project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    (project / "content").mkdir(parents=True)
    (project / "content" / "index.md").write_text("# Home\n")
    return project


def test_a_symlink_to_the_repositorys_env_file_is_an_error(tmp_path: Path) -> None:
    project = _project(tmp_path)
    (project / ".env").write_text("TOKEN=secret\n")
    (project / "content" / "settings.md").symlink_to("../.env")
    (project / "content" / "copy.md").symlink_to("index.md")  # inside content/: fine
    assert [str(p) for p in problems_for(project)] == [
        "content/settings.md:1:1: error: this is a link to .env, outside content/; its "
        "content would be published. Replace the link with a real file [symlink-outside]"
    ]


def test_a_hard_link_is_an_error(tmp_path: Path) -> None:
    project = _project(tmp_path)
    outside = tmp_path / "notes.md"
    outside.write_text("# Private notes\n")
    os.link(outside, project / "content" / "notes.md")
    (project / "decision_trees").mkdir()
    os.link(outside, project / "decision_trees" / "notes.yml")
    problems = [str(p) for p in problems_for(project) if p.rule == "symlink-outside"]
    assert problems == [
        "content/notes.md:1:1: error: this is a hard link: the same file has 3 names; its "
        "content would be published. Replace the link with a real file [symlink-outside]",
        "decision_trees/notes.yml:1:1: error: this is a hard link: the same file has 3 names; "
        "its content would be published. Replace the link with a real file [symlink-outside]",
    ]
