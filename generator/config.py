"""Where the project's files are and which languages it has.

Read from `mkdocs.yml` as plain YAML (its `!!python/name` tags are ignored), so that the
command line works without importing MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.model import SOURCE_LANGUAGE

DEFAULT_TREES_DIR = "decision_trees"
# MkDocs renders every page with these, whatever mkdocs.yml lists.
MKDOCS_BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml may hold `!!python/name:` and `!ENV` tags: read them as nothing."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_TolerantLoader.add_multi_constructor("!", _ignore_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


class ConfigError(Exception):
    """mkdocs.yml cannot be read; says which file, where and why, in one line.

    `kind` names what went wrong ("unreadable", "encoding", "syntax" or "schema"), so
    that the command line can report it as a problem of the matching rule."""

    def __init__(self, path: Path, message: str, kind: str, line: int = 1, column: int = 1):
        super().__init__(f"{path}: {message}")
        self.path, self.message, self.kind = path, message, kind
        self.line, self.column = line, column


@dataclass(frozen=True)
class ConfigValue:
    """A text setting of mkdocs.yml with the line and column (from 1) of its value."""

    value: str
    line: int
    column: int


@dataclass
class ProjectConfig:
    root: Path
    content_dir: Path
    trees_dir: Path
    # The source language first, then the translations.
    languages: list[str] = field(default_factory=lambda: [SOURCE_LANGUAGE])
    mkdocs_yml: Path | None = None
    # Python-Markdown extensions and their options, as MkDocs renders articles with them.
    markdown_extensions: list[tuple[str, dict[str, Any]]] = field(
        default_factory=lambda: [(name, {}) for name in MKDOCS_BUILTIN_EXTENSIONS]
    )
    # The helpcenter plugin's contact_url, checked like every address writers give.
    contact_url: ConfigValue | None = None

    @property
    def translation_languages(self) -> list[str]:
        return [lang for lang in self.languages if lang != SOURCE_LANGUAGE]

    @classmethod
    def for_directory(cls, root: Path, languages: list[str] | None = None) -> ProjectConfig:
        """Plain folders with no mkdocs.yml (tests, other site engines)."""
        return cls(
            root=root,
            content_dir=root / "content",
            trees_dir=root / DEFAULT_TREES_DIR,
            languages=languages or [SOURCE_LANGUAGE],
        )

    @classmethod
    def from_mkdocs_yml(cls, path: Path) -> ProjectConfig:
        try:
            raw = path.read_bytes()
        except OSError as error:
            reason = error.strerror or str(error)
            raise ConfigError(path, f"cannot read it: {reason}", "unreadable") from error
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            # Imported here: yamlload reports with the rules, which import this module.
            from generator.yamlload import decode_utf8

            (at,) = decode_utf8(raw, str(path))[1]  # where, counted in characters
            message = "this file is not UTF-8; save it as UTF-8"
            raise ConfigError(path, message, "encoding", at.line, at.column) from error
        try:
            data = yaml.load(text, Loader=_TolerantLoader)
            node = yaml.compose(text, Loader=_TolerantLoader)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            problem = getattr(error, "problem", None) or str(error)
            reason = " ".join(str(problem).split())  # one line, as every message
            line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            message = f"cannot read it: {reason}; fix the YAML here"
            raise ConfigError(path, message, "syntax", line, column) from error
        if not isinstance(data, dict):
            raise ConfigError(path, "expected a mapping of settings (name: value lines)", "schema")
        root = path.parent
        docs_dir = str(data.get("docs_dir") or "docs")
        plugin_options = _plugin_options(data.get("plugins"))
        helpcenter = plugin_options.get("helpcenter") or {}
        trees_dir = str(helpcenter.get("trees_dir") or DEFAULT_TREES_DIR)
        languages = _languages(plugin_options.get("i18n") or {})
        return cls(
            root=root,
            content_dir=root / docs_dir,
            trees_dir=root / trees_dir,
            languages=languages,
            mkdocs_yml=path,
            markdown_extensions=_markdown_extensions(data.get("markdown_extensions")),
            contact_url=_plugin_value(node, "helpcenter", "contact_url"),
        )

    @classmethod
    def discover(cls, start: Path) -> ProjectConfig:
        """The mkdocs.yml in `start` or the nearest parent, else the folder itself."""
        for folder in [start, *start.parents]:
            candidate = folder / "mkdocs.yml"
            if candidate.is_file():
                return cls.from_mkdocs_yml(candidate)
        return cls.for_directory(start)


def _plugin_options(plugins: Any) -> dict[str, dict[str, Any]]:
    options: dict[str, dict[str, Any]] = {}
    for entry in plugins or []:
        if isinstance(entry, str):
            options[entry] = {}
        elif isinstance(entry, dict):
            for name, value in entry.items():
                options[str(name)] = value if isinstance(value, dict) else {}
    return options


def _plugin_value(root: yaml.Node | None, plugin: str, option: str) -> ConfigValue | None:
    """A plugin option's text with its position, read from the YAML nodes (which know
    where each value is, unlike the loaded data)."""
    plugins = _child(root, "plugins")
    entries = plugins.value if isinstance(plugins, yaml.SequenceNode) else []
    for entry in entries:
        value = _child(_child(entry, plugin), option)
        if isinstance(value, yaml.ScalarNode) and value.tag == "tag:yaml.org,2002:str":
            mark = value.start_mark
            return ConfigValue(str(value.value), mark.line + 1, mark.column + 1)
    return None


def _child(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    for key_node, value in node.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
            return value if isinstance(value, yaml.Node) else None
    return None


def _languages(i18n: dict[str, Any]) -> list[str]:
    languages = [SOURCE_LANGUAGE]
    for entry in i18n.get("languages") or []:
        if isinstance(entry, dict) and entry.get("locale"):
            locale = str(entry["locale"])
            if locale not in languages:
                languages.append(locale)
    return languages


def _markdown_extensions(entries: Any) -> list[tuple[str, dict[str, Any]]]:
    """`markdown_extensions` as (name, options). An option given as a `!!python/name` tag
    is read as nothing, and left out so the extension uses its default."""
    found: dict[str, dict[str, Any]] = {name: {} for name in MKDOCS_BUILTIN_EXTENSIONS}
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, str):
            found.setdefault(entry, {})
        elif isinstance(entry, dict):
            for name, options in entry.items():
                found[str(name)] = _without_none(options) if isinstance(options, dict) else {}
    return list(found.items())


def _without_none(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_none(item) for item in value]
    return value
