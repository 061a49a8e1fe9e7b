"""`helpcenter translations export|import|status`."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from generator.config import ProjectConfig
from generator.problems import sort_problems
from generator.project import Project, load_project
from generator.translations.apply import import_files
from generator.translations.catalog import LOCALES_DIR, catalog
from generator.translations.formats import FORMATS, SUFFIXES, WRITERS
from generator.translations.status import format_text, project_status

EXIT_OK, EXIT_ERRORS = 0, 1


def add_translations_command(commands: Any) -> None:
    parser = commands.add_parser(
        "translations",
        help="exchange files for translators (PO, XLIFF) and the translation status",
        description="Export every string of every tree and of the interface to one PO or "
        "XLIFF file per language, import translated files back, or show how far each "
        "language is. See docs/translations.md.",
    )
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    export = actions.add_parser("export", help="write one exchange file per language")
    export.add_argument(
        "--language", action="append", metavar="CODE", help="only this language (repeatable)"
    )
    export.add_argument("--format", choices=FORMATS, default="po", help="po (default) or xliff")
    export.add_argument(
        "--out", type=Path, required=True, metavar="DIR", help="folder to write into"
    )
    imp = actions.add_parser("import", help="write translated exchange files back")
    imp.add_argument("files", nargs="+", type=Path, metavar="FILE", help=".po or .xlf files")
    status = actions.add_parser("status", help="strings and articles translated, stale, missing")
    status.add_argument("--format", choices=("text", "json"), default="text")
    for sub in (export, imp, status):
        sub.add_argument("--config", type=Path, default=None, help=argparse.SUPPRESS)


def _project(config_path: Path | None) -> Project:
    if config_path is not None:
        config = ProjectConfig.from_mkdocs_yml(config_path)
    else:
        config = ProjectConfig.discover(Path.cwd().resolve())
    return load_project(config, relative_to=config.root)


def cmd_translations(args: argparse.Namespace, locales_dir: Path = LOCALES_DIR) -> int:
    project = _project(args.config)
    if args.action == "export":
        return _export(project, args, locales_dir)
    if args.action == "import":
        return _import(project, args, locales_dir)
    statuses = project_status(project, locales_dir)
    if args.format == "json":
        json.dump([s.to_json() for s in statuses], sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_text(statuses))
    return EXIT_OK


def _export(project: Project, args: argparse.Namespace, locales_dir: Path) -> int:
    known = project.config.translation_languages
    wanted = args.language or known
    unknown = [lang for lang in wanted if lang not in known]
    if unknown:
        listed = ", ".join(known) or "none"
        print(
            f"helpcenter: '{unknown[0]}' is not one of the site's translations ({listed})",
            file=sys.stderr,
        )
        return EXIT_ERRORS
    args.out.mkdir(parents=True, exist_ok=True)
    for language in wanted:
        target = args.out / f"{language}{SUFFIXES[args.format]}"
        text = WRITERS[args.format](language, catalog(project, language, locales_dir))
        target.write_text(text, encoding="utf-8")
        print(f"wrote {target}", file=sys.stderr)
    return EXIT_OK


def _import(project: Project, args: argparse.Namespace, locales_dir: Path) -> int:
    files = [(file, str(file)) for file in args.files]
    result = import_files(project, files, locales_dir)
    sys.stdout.write("".join(f"{p}\n" for p in sort_problems(result.problems)))
    if result.failed:
        print("helpcenter: fix the errors above; nothing was written", file=sys.stderr)
        return EXIT_ERRORS
    for file in result.written:
        print(f"wrote {os.path.relpath(file)}", file=sys.stderr)
    print(
        f"{result.strings} strings imported, {len(result.written)} files changed", file=sys.stderr
    )
    return EXIT_OK
