"""The site's own terms per language, from `glossary.yml` beside mkdocs.yml: what a
troubleshooter is called, the names of buttons the customer must find. Read for the
`glossary-term` rule.

    troubleshooter:
      en: troubleshooter
      nb: feilsøkingsveiviser            # one approved form, or a list of accepted forms
      lv: [problēmu novēršanas rīks, problēmu novēršanas rīki]
      avoid:                             # words that must not name it
        nb: [veiviser, feilsøking]

A form matches at the start of a word, whatever ending follows (feilsøkingsveiviser
matches feilsøkingsveiviseren), without regard to case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from generator.model import Pos

if TYPE_CHECKING:
    from generator.yamlload import YNode

GLOSSARY_FILE = "glossary.yml"


@dataclass
class Term:
    id: str
    forms: dict[str, list[str]]  # language -> accepted forms, the first one preferred
    avoid: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class Glossary:
    terms: list[Term] = field(default_factory=list)
    # Entries that could not be read: (where, what is wrong); reported by the rule.
    mistakes: list[tuple[Pos, str]] = field(default_factory=list)


def _strings(node: YNode) -> list[str] | None:
    from generator.yamlload import YScalar, YSeq  # see read_glossary

    if isinstance(node, YScalar) and node.value.strip():
        return [node.value.strip()]
    if isinstance(node, YSeq) and node.items and all(isinstance(i, YScalar) for i in node.items):
        return [i.value.strip() for i in node.items if isinstance(i, YScalar)]
    return None


def read_glossary(file: Path, shown: str) -> Glossary | None:
    """None when there is no glossary; mistakes in it are kept, not raised."""
    # Imported here: the YAML loader reports with the rules, and a rule reads the glossary.
    from generator.yamlload import YMap, load_yaml_bytes

    if not file.is_file():
        return None
    glossary = Glossary()
    loaded = load_yaml_bytes(file.read_bytes(), shown)
    if loaded.root is None or not isinstance(loaded.root, YMap):
        where = loaded.problems[0] if loaded.problems else None
        pos = Pos(shown, where.line, where.column) if where else Pos(shown, 1, 1)
        glossary.mistakes.append(
            (
                pos,
                "the glossary is ignored: write it as terms, each with its text per language (troubleshooter: {en: troubleshooter, nb: veiviser})",
            )
        )
        return glossary
    for term_id, (key, value) in loaded.root.items.items():
        if not isinstance(value, YMap):
            glossary.mistakes.append(
                (
                    key.pos,
                    f"term '{term_id}' is ignored: give its text per language (en: ..., nb: ...)",
                )
            )
            continue
        term = Term(term_id, {})
        for language, (lang_key, text) in value.items.items():
            if language == "avoid" and isinstance(text, YMap):
                for avoid_lang, (avoid_key, words) in text.items.items():
                    found = _strings(words)
                    if found is None:
                        glossary.mistakes.append(
                            (
                                avoid_key.pos,
                                f"'avoid: {avoid_lang}' of term '{term_id}' is ignored: write it as a list of words",
                            )
                        )
                    else:
                        term.avoid[avoid_lang] = found
                continue
            forms = _strings(text)
            if forms is None:
                glossary.mistakes.append(
                    (
                        lang_key.pos,
                        f"'{language}' of term '{term_id}' is ignored: write it as a text or a list of texts",
                    )
                )
            else:
                term.forms[language] = forms
        if "en" not in term.forms:
            glossary.mistakes.append(
                (key.pos, f"term '{term_id}' is ignored: it has no English (en:); add it")
            )
            continue
        glossary.terms.append(term)
    return glossary


def word_pattern(form: str) -> re.Pattern[str]:
    """`form` at the start of a word, any ending after it."""
    return re.compile(r"(?<!\w)" + re.escape(form) + r"\w*", re.IGNORECASE)
