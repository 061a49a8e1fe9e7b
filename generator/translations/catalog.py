"""Every translatable string of a project in one language, with a stable context.

A context names where a string lives, never its position in a list, so reordering
options or nodes changes nothing:

    tree/<tree-id>/title
    tree/<tree-id>/<node-id>/question          (help, title, body)
    tree/<tree-id>/<node-id>/options/<option-id>
    tree/<tree-id>/<node-id>/links/<link-id>
    interface/<key>                            (generator/locales/<lang>.yml)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.model import SOURCE_LANGUAGE, Pos, Tree
from generator.project import Project
from generator.rules.base import fingerprint
from generator.yamlload import YMap, YScalar, load_yaml_bytes

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"
# How interface strings' references are shown: the same on every machine.
LOCALES_SHOWN = "generator/locales"


@dataclass(frozen=True)
class Entry:
    context: str
    source: str
    target: str  # "" when not translated
    fuzzy: bool  # translated, but the English changed since it was reviewed (or never was)
    reference: Pos  # where the English is written


@dataclass(frozen=True)
class Target:
    """Where an entry's translation is written back."""

    kind: str  # "tree" or "interface"
    tree_id: str  # "" for interface strings
    key: str  # a tree's text key (title, node.options.id) or a locale key


def tree_context(tree_id: str, key: str) -> str:
    return "tree/" + tree_id + "/" + key.replace(".", "/")


def parse_context(context: str) -> Target | None:
    kind, _, rest = context.partition("/")
    if kind == "interface" and rest:
        return Target("interface", "", rest)
    tree_id, _, key = rest.partition("/")
    if kind == "tree" and tree_id and key:
        return Target("tree", tree_id, key.replace("/", "."))
    return None


def read_locale(language: str, locales_dir: Path = LOCALES_DIR) -> dict[str, YScalar]:
    """A locale file's strings with their positions ({} when there is no such file)."""
    file = locales_dir / f"{language}.yml"
    if not file.is_file():
        return {}
    root = load_yaml_bytes(file.read_bytes(), f"{LOCALES_SHOWN}/{file.name}").root
    if not isinstance(root, YMap):
        return {}
    return {key: value for key, (_, value) in root.items.items() if isinstance(value, YScalar)}


def tree_entries(tree: Tree, language: str) -> list[Entry]:
    translation = tree.translations.get(language)
    entries = []
    for key, text in tree.source_texts().items():
        if not text.value:
            continue
        target, fuzzy = "", False
        if translation is not None and key in translation.strings:
            target = translation.strings[key].value
            recorded = translation.fingerprints.get(key)
            fuzzy = recorded is None or recorded.value != fingerprint(text.value)
        entries.append(Entry(tree_context(tree.id, key), text.value, target, fuzzy, text.pos))
    return entries


def interface_entries(language: str, locales_dir: Path = LOCALES_DIR) -> list[Entry]:
    """Interface strings have no review record: a translated one is never fuzzy."""
    english = read_locale(SOURCE_LANGUAGE, locales_dir)
    translated = read_locale(language, locales_dir)
    entries = []
    for key, text in english.items():
        target = translated[key].value if key in translated else ""
        entries.append(Entry(f"interface/{key}", text.value, target, False, text.pos))
    return entries


def catalog(project: Project, language: str, locales_dir: Path = LOCALES_DIR) -> list[Entry]:
    """Every string of every tree (sorted by tree id), then every interface string."""
    entries: list[Entry] = []
    for tree_id in sorted(project.trees):
        entries += tree_entries(project.trees[tree_id], language)
    return entries + interface_entries(language, locales_dir)
