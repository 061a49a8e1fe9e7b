"""The site builds the same with ProperDocs (the maintained MkDocs 1.x fork, which runs
MkDocs plugins unchanged) as with MkDocs 1.6.1: only the generator tag differs."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[2]
BIN = Path(sys.executable).parent
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def copy_project(target: Path) -> Path:
    for name in ("content", "decision_trees", "overrides"):
        shutil.copytree(ROOT / name, target / name)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


def build(engine: str, project: Path, site: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "HELPCENTER_LANGUAGES"}
    env["NO_MKDOCS_2_WARNING"] = "1"
    command = [str(BIN / engine), "build", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    run = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stdout + run.stderr


def test_properdocs_builds_the_site_mkdocs_builds(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    build("mkdocs", project, tmp_path / "mkdocs")
    build("properdocs", project, tmp_path / "properdocs")
    mkdocs = {
        p.relative_to(tmp_path / "mkdocs"): p
        for p in (tmp_path / "mkdocs").rglob("*")
        if p.is_file()
    }
    proper = {
        p.relative_to(tmp_path / "properdocs"): p
        for p in (tmp_path / "properdocs").rglob("*")
        if p.is_file()
    }
    assert sorted(proper) == sorted(mkdocs)
    tags = set()
    for name, path in mkdocs.items():
        ours, theirs = path.read_bytes(), proper[name].read_bytes()
        if ours != theirs:
            tags.update(GENERATOR.findall(ours) + GENERATOR.findall(theirs))
            assert GENERATOR.sub(b"", ours) == GENERATOR.sub(b"", theirs), f"{name} differs"
    assert len(tags) <= 2, tags  # one tag per engine, nothing else
