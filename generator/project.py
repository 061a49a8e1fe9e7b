"""Load a whole project: find its files, read the trees strictly, run every rule.

`load_project` never raises for bad input: everything wrong is a Problem. Only the CLI and
the MkDocs plugin decide whether problems fail the run.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from generator.articles import ArticleIndex, PathDisplay, scan_articles
from generator.build import build_scenarios, build_translation, build_tree
from generator.config import ProjectConfig
from generator.model import Pos, Tree
from generator.problems import Level, Problem, sort_problems
from generator.rules import PROJECT_RULES, TREE_RULES, internal_error
from generator.rules.base import Context
from generator.schema import Problems
from generator.yamlload import YNode, load_yaml_bytes

TREE_FILE = re.compile(r"^(?P<tree>[^.]+)(?:\.(?P<kind>[^.]+))?\.yml$")
SCENARIOS_SUFFIX = "scenarios"


@dataclass
class Project:
    config: ProjectConfig
    trees: dict[str, Tree]
    articles: ArticleIndex
    problems: list[Problem] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        return any(p.level is Level.ERROR for p in self.problems)

    def published_trees(self) -> list[Tree]:
        return [tree for _, tree in sorted(self.trees.items()) if not tree.draft]


def load_project(config: ProjectConfig, relative_to: Path | None = None) -> Project:
    display = PathDisplay(relative_to or Path.cwd())
    problems = Problems()
    ctx = Context(config, [], ArticleIndex())
    ctx.outside_links = _outside_links(config, display)

    loaded: dict[str, Tree] = {}
    extras: list[tuple[Path, str, str]] = []  # translation and scenario files: (file, tree, kind)
    for file in _tree_files(config.trees_dir):
        match = TREE_FILE.match(file.name)
        if match is None:
            problems.error(
                _origin(display(file)),
                "file-name",
                f"'{file.name}' is not a tree file name; name it <tree-id>.yml, "
                "<tree-id>.<language>.yml or <tree-id>.scenarios.yml",
            )
            continue
        if match["kind"] is not None:
            extras.append((file, match["tree"], match["kind"]))
            continue
        with _guard(display(file), problems):
            root = _read(file, display(file), problems)
            tree = build_tree(root, display(file), problems) if root is not None else None
            if tree is not None:
                loaded[match["tree"]] = tree

    for file, tree_id, kind in extras:
        shown = display(file)
        tree = loaded.get(tree_id)
        if kind != SCENARIOS_SUFFIX and kind not in config.translation_languages:
            ctx.unknown_languages.append((shown, kind))
            continue
        if tree is None:
            ctx.orphans.append((shown, tree_id))
            continue
        with _guard(shown, problems):
            root = _read(file, shown, problems)
            if root is None:
                continue
            if kind == SCENARIOS_SUFFIX:
                tree.scenarios = build_scenarios(root, problems)
                tree.scenarios_path = shown
            else:
                translation = build_translation(root, shown, kind, problems)
                if translation is not None:
                    tree.translations[kind] = translation

    ctx.trees = list(loaded.values())
    ctx.articles = scan_articles(config.content_dir, config.languages, display)
    for tree in ctx.trees:
        with _guard(tree.path, problems):
            for rule in TREE_RULES:
                problems.extend(rule.check(tree, ctx))
    with _guard(display(config.content_dir), problems):
        for rule in PROJECT_RULES:
            problems.extend(rule.check(ctx))
    trees = {tree.id: tree for tree in ctx.trees if tree.id}
    return Project(config, trees, ctx.articles, sort_problems(problems))


@contextmanager
def _guard(shown: str, problems: Problems) -> Iterator[None]:
    """A bug in a check must not hide the other problems or become a traceback: report
    it against the file being read, and go on with the next file."""
    try:
        yield
    except Exception as error:  # noqa: BLE001 - turned into a reported problem
        message = (
            f"helpcenter failed while reading this file ({type(error).__name__}: {error}); "
            "this is a bug in helpcenter: please report it with the file"
        )
        problems.error(_origin(shown), internal_error.ID, message)


def _origin(path: str) -> Pos:
    return Pos(path, 1, 1)


def _tree_files(trees_dir: Path) -> list[Path]:
    if not trees_dir.is_dir():
        return []
    return sorted(
        p for p in trees_dir.iterdir() if p.suffix in (".yml", ".yaml") and not p.is_dir()
    )


def _read(file: Path, shown: str, problems: Problems) -> YNode | None:
    try:
        data = file.read_bytes()
    except OSError as error:
        reason = error.strerror or str(error)
        problems.error(_origin(shown), "unreadable-file", f"cannot read the file: {reason}")
        return None
    loaded = load_yaml_bytes(data, shown)
    problems.extend(loaded.problems)
    return loaded.root


def _outside_links(config: ProjectConfig, display: PathDisplay) -> list[tuple[str, str]]:
    """Files under content/ or decision_trees/ whose text comes from elsewhere: symlinks
    to a file outside that folder (the repository's ignored `.env`, /etc/passwd) and hard
    links (a regular file with more than one name). (path, what it is) for each."""
    root = config.root.resolve()
    found = []
    for folder in (config.content_dir, config.trees_dir):
        if not folder.is_dir():
            continue
        inside = folder.resolve()
        for path in sorted(folder.rglob("*")):
            if path.is_symlink():
                target = path.resolve()
                if not target.exists() or target.is_relative_to(inside):
                    continue  # a dangling link is unreadable-file; one inside is a copy
                where = "the project" if not target.is_relative_to(root) else display(folder) + "/"
                shown = str(target) if not target.is_relative_to(root) else display(target)
                found.append((display(path), f"a link to {shown}, outside {where}"))
            elif path.is_file() and (links := path.lstat().st_nlink) > 1:
                found.append((display(path), f"a hard link: the same file has {links} names"))
    return found
