"""`helpcenter translations import`: check exchange files, then write their translations
into the trees' overlay files and the locale files.

Nothing is written unless every file is free of errors. Unchanged strings are not
touched, so importing an exported file unchanged leaves every file byte-identical."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from generator.build import build_translation
from generator.fingerprints import HEADER
from generator.model import Tree
from generator.problems import Problem
from generator.project import Project
from generator.rules.base import fingerprint
from generator.schema import Problems
from generator.translations import problems
from generator.translations.catalog import LOCALES_DIR, Entry, catalog, parse_context
from generator.translations.checks import link_problem, placeholder_problem
from generator.translations.formats import ReadFile, read_exchange_file
from generator.translations.yamledit import EditError, set_value
from generator.yamlload import YMap, YScalar, load_yaml_bytes


@dataclass
class Change:
    """One string to write: the text (None: keep) and the review record (None: keep)."""

    text: str | None
    fingerprint: str | None


@dataclass
class ImportResult:
    problems: list[Problem] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    strings: int = 0

    @property
    def failed(self) -> bool:
        return any(p.is_error for p in self.problems)


# (overlay or locale file) -> key -> change
Changes = dict[Path, dict[str, Change]]


def import_files(
    project: Project, files: list[tuple[Path, str]], locales_dir: Path = LOCALES_DIR
) -> ImportResult:
    """files: (file, how it is shown in messages)."""
    result = ImportResult()
    changes: Changes = {}
    trees_of: dict[Path, Tree] = {}
    for file, shown in files:
        read = _read(file, shown, result)
        if read is None:
            continue
        language = _language(read, file, shown, project, result)
        if language is None:
            continue
        entries = {e.context: e for e in catalog(project, language, locales_dir)}
        seen: dict[str, int] = {}
        for item in read.entries:
            if item.context in seen:
                result.problems.append(
                    problems.error(
                        shown,
                        item.line,
                        problems.SYNTAX,
                        f"'{item.context}' is in the file twice (also at line "
                        f"{seen[item.context]}); keep only one of them",
                    )
                )
                continue
            seen[item.context] = item.line
            entry = entries.get(item.context)
            target = parse_context(item.context) if entry else None
            if entry is None or target is None:
                result.problems.append(
                    problems.error(
                        shown,
                        item.line,
                        problems.UNKNOWN_CONTEXT,
                        f"there is no string '{item.context}' in the project (was the tree, "
                        "node or answer renamed or removed?); export a fresh file and "
                        "translate the string there",
                    )
                )
                continue
            if not item.target:
                continue
            fuzzy = item.fuzzy
            if item.source != entry.source:
                fuzzy = True
                result.problems.append(
                    problems.warning(
                        shown,
                        item.line,
                        problems.SOURCE_CHANGED,
                        f"the English of '{item.context}' changed after this file was "
                        "exported; the translation is imported as needing review: check it "
                        "against the new English",
                    )
                )
            for rule, check in (
                (problems.PLACEHOLDER, placeholder_problem),
                (problems.LINK, link_problem),
            ):
                message = check(entry.source, item.target)
                if message:
                    result.problems.append(problems.error(shown, item.target_line, rule, message))
            if target.kind == "interface":
                overlay = locales_dir / f"{language}.yml"
            else:
                tree = project.trees[target.tree_id]
                overlay = project.config.trees_dir / f"{tree.id}.{language}.yml"
                trees_of[overlay] = tree
            change = _change(entry, item.target, fuzzy, target.kind == "tree")
            if change is not None:
                changes.setdefault(overlay, {})[target.key] = change
    _blocking_errors(project, changes, result)
    if result.failed:
        return result
    new_texts = _edit_all(changes, trees_of, project, result)
    if result.failed:
        return result
    for overlay, text in new_texts.items():
        overlay.write_bytes(text.encode("utf-8"))
        result.written.append(overlay)
    result.strings = sum(len(c) for c in changes.values())
    return result


def _read(file: Path, shown: str, result: ImportResult) -> ReadFile | None:
    try:
        text = file.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        reason = getattr(err, "strerror", None) or "it is not UTF-8 text"
        result.problems.append(
            problems.error(shown, 1, problems.SYNTAX, f"cannot read the file: {reason}")
        )
        return None
    read = read_exchange_file(text, shown)
    result.problems += read.problems
    return None if read.problems else read


def _language(
    read: ReadFile, file: Path, shown: str, project: Project, result: ImportResult
) -> str | None:
    known = project.config.translation_languages
    listed = ", ".join(known) or "none"
    if read.language is None:
        message = f"the file does not say its language; add the header Language (one of: {listed})"
    elif read.language not in known:
        message = f"the file's language '{read.language}' is not one of the site's translations ({listed}); set the right language in its header"
    elif file.stem in known and file.stem != read.language:
        message = f"the file is named {file.name} but its header says language '{read.language}'; fix whichever is wrong"
    else:
        return read.language
    result.problems.append(problems.error(shown, read.language_line, problems.LANGUAGE, message))
    return None


def _change(entry: Entry, text: str, fuzzy: bool, reviewed_records: bool) -> Change | None:
    new_text = text if text != entry.target else None
    record = None
    if reviewed_records and not fuzzy and (entry.fuzzy or new_text is not None):
        record = fingerprint(entry.source)
    if new_text is None and record is None:
        return None
    return Change(new_text, record)


def _blocking_errors(project: Project, changes: Changes, result: ImportResult) -> None:
    """An overlay that does not load cleanly cannot be edited safely."""
    root = project.config.root
    for overlay in changes:
        shown = (
            overlay.relative_to(root).as_posix() if overlay.is_relative_to(root) else str(overlay)
        )
        for problem in project.problems:
            if problem.is_error and problem.path == shown:
                result.problems.append(problem)


def _edit_all(
    changes: Changes, trees_of: dict[Path, Tree], project: Project, result: ImportResult
) -> dict[Path, str]:
    new_texts = {}
    for overlay, wanted in sorted(changes.items()):
        raw = overlay.read_bytes().decode("utf-8") if overlay.exists() else ""
        # Edited with \n line ends; a file written with \r\n gets them back.
        crlf = "\r\n" in raw
        old = raw.replace("\r\n", "\n")
        text = old or "# yaml-language-server: $schema=../schema/translation.schema.json\n"
        try:
            for key, change in wanted.items():  # the English order
                if change.text is not None:
                    path = _yaml_path(key) if overlay in trees_of else (key,)
                    text = set_value(text, path, change.text)
            for key, change in wanted.items():  # the English order
                if change.fingerprint is not None:
                    text = _set_fingerprint(text, key, change.fingerprint)
        except EditError as err:
            result.problems.append(
                problems.error(
                    os.path.relpath(overlay),
                    1,
                    problems.SYNTAX,
                    f"cannot edit this file automatically: {err}",
                )
            )
            continue
        if not _says(text, overlay, wanted, trees_of.get(overlay)):
            result.problems.append(
                problems.error(
                    os.path.relpath(overlay),
                    1,
                    problems.SYNTAX,
                    "helpcenter could not write the translations into this file safely; this is a bug in helpcenter: please report it with the file",
                )
            )
            continue
        if text != old:
            new_texts[overlay] = text.replace("\n", "\r\n") if crlf else text
    return new_texts


def _yaml_path(key: str) -> tuple[str, ...]:
    parts = tuple(key.split("."))
    return parts if len(parts) == 1 else ("nodes",) + parts


def _set_fingerprint(text: str, key: str, value: str) -> str:
    if not any(line.startswith("fingerprints:") for line in text.splitlines()):
        return text.rstrip("\n") + f'\n{HEADER}  {key}: "{value}"\n'
    return set_value(text, ("fingerprints", key), value, force_quotes=True)


def _says(text: str, overlay: Path, wanted: dict[str, Change], tree: Tree | None) -> bool:
    """Re-read the edited text: every change must read back as meant."""
    loaded = load_yaml_bytes(text.encode("utf-8"), str(overlay))
    if loaded.root is None or any(p.is_error for p in loaded.problems):
        return False
    if tree is None:
        if not isinstance(loaded.root, YMap):
            return False
        values = {k: v.value for k, (_, v) in loaded.root.items.items() if isinstance(v, YScalar)}
        return all(values.get(k) == c.text for k, c in wanted.items() if c.text is not None)
    out = Problems()
    translation = build_translation(loaded.root, str(overlay), overlay.name.split(".")[1], out)
    if translation is None or any(p.is_error for p in out):
        return False
    for key, change in wanted.items():
        if change.text is not None and translation.strings.get(key, None) is None:
            return False
        if change.text is not None and translation.strings[key].value != change.text:
            return False
        record = translation.fingerprints.get(key)
        if change.fingerprint is not None and (
            record is None or record.value != change.fingerprint
        ):
            return False
    return True
