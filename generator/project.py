"""Load a whole project: find its files, read the trees strictly, run every rule.

`load_project` never raises for bad input: everything wrong is a Problem. Only the CLI and
the MkDocs plugin decide whether problems fail the run.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from generator.articles import (
    LANGUAGE_SUFFIX,
    ArticleIndex,
    PathDisplay,
    read_article,
    scan_articles,
)
from generator.build import build_scenarios, build_translation, build_tree
from generator.config import ProjectConfig
from generator.gc_pauses import without_gc_pauses
from generator.model import SOURCE_LANGUAGE, Pos, Tree
from generator.problems import Level, Problem, sort_problems
from generator.rules import PROJECT_RULES, TREE_RULES, file_name, internal_error, unreadable_file
from generator.rules.base import Context
from generator.schema import Problems
from generator.yamlload import Loaded, YNode, load_yaml_bytes

TREE_FILE = re.compile(r"^(?P<tree>[^.]+)(?:\.(?P<kind>[^.]+))?\.yml$")
SCENARIOS_SUFFIX = "scenarios"
YAML_SUFFIXES = (".yml", ".yaml")
# What MkDocs builds as a page (case matters to it); helpcenter checks only `.md`.
MKDOCS_MARKDOWN_SUFFIXES = (".markdown", ".mdown", ".mkdn", ".mkd", ".md")


@dataclass(frozen=True)
class Extra:
    """A file from anywhere, checked as if it were in the project: `name` is its name in
    the trees folder (`t.nb.yml`, replacing a file of that name) or its path in the
    articles folder (`page.md`), by `kind` (tree, translation, scenarios or article)."""

    path: Path
    kind: str
    name: str


@dataclass
class Project:
    config: ProjectConfig
    trees: dict[str, Tree]
    articles: ArticleIndex
    problems: list[Problem] = field(default_factory=list)
    # Every file read and checked, resolved, with its kind (tree, translation, scenarios,
    # article, config); files only reported (misnamed, misplaced) are not in it.
    files: dict[Path, str] = field(default_factory=dict)

    @property
    def has_errors(self) -> bool:
        return any(p.level is Level.ERROR for p in self.problems)

    def published_trees(self) -> list[Tree]:
        return [tree for _, tree in sorted(self.trees.items()) if not tree.draft]


@without_gc_pauses  # a large tree is many objects: see gc_pauses
def load_project(
    config: ProjectConfig,
    relative_to: Path | None = None,
    extra: Sequence[Extra] = (),
    *,
    check: bool = True,
    skip: frozenset[str] = frozenset(),
) -> Project:
    """Read every file; with `check`, run every rule too (but the rules whose ids are in
    `skip`). Without it only what reading finds is reported: for a build whose caller
    checks the same files beside it."""
    display = PathDisplay(relative_to or Path.cwd())
    problems = Problems()
    ctx = Context(config, [], ArticleIndex())
    ctx.outside_links = _outside_links(config, display)
    files: dict[Path, str] = {}
    if config.mkdocs_yml is not None:
        ctx.config_path = display(config.mkdocs_yml)
        files[config.mkdocs_yml.resolve()] = "config"
    problems.extend(_unread_files(config, display))

    by_name = {file.name: file for file in _tree_files(config.trees_dir)}
    by_name.update({e.name: e.path for e in extra if e.kind != "article"})
    loaded: dict[str, Tree] = {}
    extras: list[tuple[Path, str, str]] = []  # translation and scenario files: (file, tree, kind)
    for name, file in sorted(by_name.items()):
        match = TREE_FILE.match(name)
        if match is None:
            message = (
                f"'{file.name}' is not a tree file name; name it <tree-id>.yml, "
                "<tree-id>.<language>.yml or <tree-id>.scenarios.yml"
            )
            problems.append(Problem.of(file_name, _origin(display(file)), message))
            continue
        if match["kind"] is not None:
            extras.append((file, match["tree"], match["kind"]))
            kind = "scenarios" if match["kind"] == SCENARIOS_SUFFIX else "translation"
            files[file.resolve()] = kind
            continue
        files[file.resolve()] = "tree"
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
    if config.content_dir.is_dir():
        files.update(
            (display.resolve(file), "article") for file in config.content_dir.rglob("*.md")
        )
    for e in extra:
        if e.kind == "article":
            with _guard(display(e.path), problems):
                _add_article(ctx.articles, e, config.languages, display)
            files[e.path.resolve()] = "article"
    # What reading an article found (not UTF-8, hidden characters): reported whatever runs.
    for versions in ctx.articles.articles.values():
        for article in versions.values():
            problems.extend(article.read_problems)
    if check:
        _run_rules(ctx, problems, display(config.content_dir), skip)
    trees = {tree.id: tree for tree in ctx.trees if tree.id}
    return Project(config, trees, ctx.articles, sort_problems(problems), files)


def _run_rules(ctx: Context, problems: Problems, content: str, skip: frozenset[str]) -> None:
    for tree in ctx.trees:
        with _guard(tree.path, problems):
            problems.extend(p for r in TREE_RULES if r.ID not in skip for p in r.check(tree, ctx))
    with _guard(content, problems):
        problems.extend(p for r in PROJECT_RULES if r.ID not in skip for p in r.check(ctx))


def _add_article(
    index: ArticleIndex, extra: Extra, languages: list[str], display: PathDisplay
) -> None:
    """An article from elsewhere, read as if it were `extra.name` in the articles folder."""
    match = LANGUAGE_SUFFIX.match(extra.name)
    language, base = SOURCE_LANGUAGE, extra.name
    if match and match["lang"] in languages:
        language, base = match["lang"], match["stem"] + ".md"
    article = read_article(extra.path, display(extra.path), language)
    index.articles.setdefault(base, {})[language] = article


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
    """The files read as trees, translations and scenarios: `*.yml` right in the folder."""
    if not trees_dir.is_dir():
        return []
    return sorted(p for p in trees_dir.iterdir() if p.suffix == ".yml" and not p.is_dir())


def _unread_files(config: ProjectConfig, display: PathDisplay) -> list[Problem]:
    """Files that look like trees or articles but that nothing would read, or that MkDocs
    would publish unchecked: say so at the file, with the name or place that works."""
    found = []
    trees = config.trees_dir
    for path in visible_files(trees):
        if path.suffix.lower() not in YAML_SUFFIXES:
            continue
        if path.parent != trees:
            message = (
                f"'{path.relative_to(trees).as_posix()}' is not read: trees in folders "
                f"inside {trees.name}/ are ignored; move it up to {trees.name}/{path.name}"
            )
        elif path.suffix != ".yml":
            message = (
                f"'{path.name}' is not read: tree files end in .yml, in lower case; "
                f"rename it to {path.stem}.yml"
            )
        else:
            continue
        found.append(Problem.of(file_name, _origin(display(path)), message))
    for path in visible_files(config.content_dir):
        suffix = path.suffix
        if suffix == ".md" or suffix.lower() not in MKDOCS_MARKDOWN_SUFFIXES:
            continue
        if suffix in MKDOCS_MARKDOWN_SUFFIXES:
            message = (
                f"'{path.name}' is published as an article but not checked: helpcenter "
                f"checks only .md files; rename it to {path.stem}.md"
            )
        else:
            message = (
                f"'{path.name}' is not an article: MkDocs reads only lower-case Markdown "
                f"names and would publish this file's raw text; rename it to {path.stem}.md"
            )
        found.append(Problem.of(file_name, _origin(display(path)), message))
    return found


def visible_files(folder: Path) -> list[Path]:
    """Files under `folder`, except hidden ones (MkDocs leaves out `.name` too)."""
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.rglob("*")
        if not p.is_dir() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )


def _read(file: Path, shown: str, problems: Problems) -> YNode | None:
    try:
        data = file.read_bytes()
    except OSError as error:
        reason = error.strerror or str(error)
        problems.error(_origin(shown), unreadable_file.ID, f"cannot read the file: {reason}")
        return None
    cached = _PARSED.get(shown)
    if cached is not None and cached[0] == data:
        loaded = cached[1]
    else:
        loaded = load_yaml_bytes(data, shown)
        _PARSED[shown] = (data, loaded)
    problems.extend(loaded.problems)
    return loaded.root


# `mkdocs serve` loads the project again on every change: a file whose bytes are those
# read last time is not parsed again (one entry per file; the parse is never modified).
_PARSED: dict[str, tuple[bytes, Loaded]] = {}


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
