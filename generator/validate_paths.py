"""`helpcenter validate PATH...`: check the files given, wherever they are, by their kind.

A file the project reads (a tree, translation or scenario file in the trees folder, an
article in the articles folder, mkdocs.yml) gets exactly the problems a whole-project run
reports for it. A file elsewhere is checked as if it were in the project, under its own
name (`t.yml` in place of the project's `t.yml`), so that the checks that need the rest
of the project (a translation's tree, an article link) still run against it. A path that
cannot be checked is an error that says why: never a silent "no problems found".
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from generator.config import DEFAULT_TREES_DIR, ProjectConfig
from generator.model import Pos
from generator.problems import Problem
from generator.project import (
    TREE_FILE,
    YAML_SUFFIXES,
    Extra,
    Project,
    load_project,
    visible_files,
)
from generator.rules import unreadable_file

KINDS = ("tree", "translation", "scenarios", "article")
NAMES = "<tree-id>.yml, <tree-id>.<language>.yml, <tree-id>.scenarios.yml or <page>.md"


def config_for_paths(paths: list[Path], mkdocs_yml: Path | None) -> ProjectConfig:
    """The project the paths belong to: the mkdocs.yml beside the first path or above it;
    without one, the folder holding its decision_trees/ or content/ folder; else the
    working folder's project."""
    if mkdocs_yml is not None:
        return ProjectConfig.from_mkdocs_yml(mkdocs_yml)
    cwd = Path.cwd().resolve()
    existing = [p.resolve() for p in paths if p.exists()]
    if not existing:
        return ProjectConfig.discover(cwd)
    start = existing[0] if existing[0].is_dir() else existing[0].parent
    folders = [start, *start.parents]
    for folder in folders:
        if (folder / "mkdocs.yml").is_file():
            return ProjectConfig.from_mkdocs_yml(folder / "mkdocs.yml")
    for folder in folders:
        if folder.name in (DEFAULT_TREES_DIR, "content"):
            return ProjectConfig.for_directory(folder.parent)
    return ProjectConfig.discover(cwd)


def validate_paths(paths: list[Path], config: ProjectConfig, kind: str | None) -> list[Problem]:
    project = load_project(config)
    found: list[Problem] = []
    extras: list[Extra] = []  # files from elsewhere, checked as if in the project
    for path in paths:
        if not path.exists():
            found.append(_cannot(path, "no such file or folder; check the path"))
        elif path.is_dir():
            found += _folder(path, project, kind, extras)
        else:
            found += _file(path, project, kind, extras)
    for batch in _batches(extras):
        checked = load_project(config, extra=batch)
        found += _about(checked.problems, [extra.path.resolve() for extra in batch])
    return found


def _file(path: Path, project: Project, kind: str | None, extras: list[Extra]) -> list[Problem]:
    resolved = path.resolve()
    read_as = project.files.get(resolved)
    if read_as is not None:
        if kind is not None and kind != read_as:
            return [_cannot(path, f"the project reads this file as a {read_as}, not as a {kind}; "
                                  "leave out --kind, or rename or move the file")]  # fmt: skip
        return _about(project.problems, [resolved])
    folders = _project_folders(project.config)
    if any(resolved.is_relative_to(folder) for folder in folders):
        reported = _about(project.problems, [resolved])
        return reported or [_cannot(path, _unread_reason(resolved, project.config))]
    return _outside(path, kind, extras)


def _outside(path: Path, kind: str | None, extras: list[Extra]) -> list[Problem]:
    """A file outside the project's folders: checked as the kind its name or --kind says."""
    found = kind or kind_by_name(path.name)
    if found is None:
        return [_cannot(path, f"cannot tell what this file is: name it {NAMES}, or give --kind")]
    name = name_in_project(path.name, found)
    if name is None:
        return [_cannot(path, f"cannot tell which tree and language this {found} file is for; "
                              f"name it {_EXPECTED[found]}")]  # fmt: skip
    extras.append(Extra(path, found, name))
    return []


def _folder(path: Path, project: Project, kind: str | None, extras: list[Extra]) -> list[Problem]:
    resolved = path.resolve()
    folders = _project_folders(project.config)
    if any(f.is_relative_to(resolved) or resolved.is_relative_to(f) for f in folders):
        # The project, or a folder in it: what a whole-project run reports there.
        reported = _about(project.problems, [resolved])
        if reported or any(f.is_relative_to(resolved) for f in project.files):
            return reported
    else:
        files = [f for f in visible_files(resolved) if kind or kind_by_name(f.name)]
        problems: list[Problem] = []
        for file in files:
            problems += _outside(path / file.relative_to(resolved), kind, extras)
        if files:
            return problems
    return [_cannot(path, "there is nothing to check in this folder: no tree, translation, "
                          "scenario file or article; give the project folder, a file, or "
                          f"a folder with {NAMES} files")]  # fmt: skip


def kind_by_name(name: str) -> str | None:
    """tree, translation, scenarios or article, as the file's name says; None if it does
    not say."""
    lower = name.lower()
    if lower.endswith(".md"):
        return "article"
    for suffix in YAML_SUFFIXES:
        if lower.endswith(suffix):
            match = TREE_FILE.match(name[: -len(suffix)] + ".yml")
            if match is None:
                return None
            if match["kind"] is None:
                return "tree"
            return "scenarios" if match["kind"] == "scenarios" else "translation"
    return None


_EXPECTED = {
    "tree": "<tree-id>.yml",
    "translation": "<tree-id>.<language>.yml",
    "scenarios": "<tree-id>.scenarios.yml",
    "article": "<page>.md",
}


def name_in_project(name: str, kind: str) -> str | None:
    """The name the file takes in the project's folder for its kind, or None when its
    name does not say what that needs (a translation's tree and language)."""
    parts = name.split(".")
    if kind == "article":
        return name if name.endswith(".md") else f"{parts[0]}.md"
    if kind == "tree":
        return f"{parts[0]}.yml"
    if kind == "scenarios":
        return f"{parts[0]}.scenarios.yml"
    if len(parts) < 3 or parts[1] == "scenarios":
        return None
    return f"{parts[0]}.{parts[1]}.yml"


def _unread_reason(path: Path, config: ProjectConfig) -> str:
    if path.is_relative_to(config.trees_dir.resolve()):
        return (
            f"helpcenter does not read this file: in {config.trees_dir.name}/ it reads "
            f"{NAMES.rsplit(' or ', 1)[0]} files; rename it if it is one of them"
        )
    return (
        f"helpcenter does not check this file: in {config.content_dir.name}/ it checks "
        ".md articles, and other files are published as they are"
    )


def _project_folders(config: ProjectConfig) -> list[Path]:
    return [config.trees_dir.resolve(), config.content_dir.resolve()]


def _about(problems: Iterable[Problem], paths: list[Path]) -> list[Problem]:
    """The problems in these files, or in files under these folders."""
    return [
        p
        for p in problems
        if any((where := Path(p.path).resolve()) == path or path in where.parents for path in paths)
    ]


def _batches(extras: list[Extra]) -> list[list[Extra]]:
    """Files checked together, never two under the same name (one would hide the other)."""
    batches: list[list[Extra]] = []
    for extra in extras:
        for batch in batches:
            if all(other.name != extra.name or other.kind != extra.kind for other in batch):
                batch.append(extra)
                break
        else:
            batches.append([extra])
    return batches


def _cannot(path: Path, message: str) -> Problem:
    return Problem.of(unreadable_file, Pos(str(path), 1, 1), message)
