"""The `helpcenter` command line. Exit status: 0 no error, 1 any error, 2 warnings under
--strict. Problems go to standard output, one per line; summaries to standard error."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from generator import __version__
from generator.check import add_check_command, cmd_check
from generator.config import ConfigError
from generator.output import (
    EXIT_ERRORS,
    EXIT_OK,
    config_problem,
    output_format,
    project_config,
    report,
)
from generator.parallel_build import add_build_command, cmd_build
from generator.problems import Level, sort_problems
from generator.project import Project, load_project
from generator.reporters import REPORTERS
from generator.translations.cli import add_translations_command, cmd_translations
from generator.validate_paths import KINDS, config_for_paths, validate_paths

DESCRIPTION = """\
Validate and render a help center made of Markdown articles (content/) and YAML
decision trees (decision_trees/). Every problem is printed as
PATH:LINE:COL: LEVEL: MESSAGE [RULE]; `helpcenter rules` explains each rule.
Exit status: 0 no errors, 1 errors, 2 warnings with --strict."""


def _add_output_options(
    parser: argparse.ArgumentParser,
    config_default: str = "the mkdocs.yml in the current folder or above",
) -> None:
    parser.add_argument(
        "--format",
        choices=sorted(REPORTERS),
        default=None,
        help="how to print problems (default: text; github when GITHUB_ACTIONS=true)",
    )
    parser.add_argument("--strict", action="store_true", help="exit 2 when there are warnings")
    parser.add_argument(
        "--config",
        type=Path,
        default=None,
        help=f"the site's mkdocs.yml (default: {config_default})",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="helpcenter", description=DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"helpcenter {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = commands.add_parser(
        "validate",
        help="check trees, translations, articles and settings; print every problem",
        description="Check trees, translations, scenario files, articles and mkdocs.yml, "
        "and print every problem found. Default: the whole project. A PATH limits the "
        "report to that file or folder: a file the project reads gets exactly what a "
        "whole-project run reports for it; a file elsewhere is checked by its kind "
        "(<tree-id>.yml, <tree-id>.<language>.yml, <tree-id>.scenarios.yml, <page>.md, "
        "or --kind) as if it were in the project, so that a translation is checked "
        "against its tree. A path that cannot be checked is an error.",
    )
    validate.add_argument(
        "paths", nargs="*", type=Path, metavar="PATH", help="files or folders to check"
    )
    validate.add_argument(
        "--kind",
        choices=KINDS,
        default=None,
        help="read the files given outside the project's folders as this kind "
        "(default: as their names say)",
    )
    _add_output_options(validate, "the mkdocs.yml in the folder of the first PATH or above it")

    test = commands.add_parser(
        "test",
        help="run the scenario tests of every tree and report answer coverage",
        description="Run each tree's <tree-id>.scenarios.yml and list every answer no "
        "scenario takes. Failing scenarios are errors; untested answers are warnings.",
    )
    test.add_argument("trees", nargs="*", metavar="TREE", help="tree ids (default: all)")
    _add_output_options(test)

    schema = commands.add_parser(
        "schema", help="write the JSON Schemas of the file formats (for editors)"
    )
    schema.add_argument("--out", type=Path, default=None, help="folder (default: <project>/schema)")
    schema.add_argument("--config", type=Path, default=None, help=argparse.SUPPRESS)

    graph = commands.add_parser("graph", help="print a tree as a Mermaid flowchart")
    graph.add_argument("tree", metavar="TREE", help="a tree id or its .yml file")
    graph.add_argument("--language", default="en", help="language of the labels (default: en)")
    graph.add_argument("--config", type=Path, default=None, help=argparse.SUPPRESS)

    accept = commands.add_parser(
        "accept-translation",
        help="mark translations as reviewed against the current English text",
        description="After checking a translation against the English tree, record the "
        "English text it matches (its fingerprints block), so that later changes to "
        "the English text are reported as stale.",
    )
    accept.add_argument(
        "files", nargs="+", type=Path, metavar="FILE", help="<tree-id>.<lang>.yml files"
    )
    accept.add_argument("--config", type=Path, default=None, help=argparse.SUPPRESS)

    commands.add_parser("rules", help="list every rule with its level and examples")

    add_check_command(commands)
    add_build_command(commands)
    add_translations_command(commands)
    return parser


def cmd_validate(args: argparse.Namespace) -> int:
    if not args.paths:
        if args.kind:
            print("helpcenter: --kind applies to the PATHs given; name a file", file=sys.stderr)
            return EXIT_ERRORS
        problems = load_project(project_config(args.config)).problems
    else:
        config = config_for_paths(args.paths, args.config)
        problems = validate_paths(args.paths, config, args.kind)
    return report(sort_problems(problems), output_format(args), args.strict)


def cmd_test(args: argparse.Namespace) -> int:
    from generator.scenarios import run_scenarios

    project = load_project(project_config(args.config))
    errors = [p for p in project.problems if p.level is Level.ERROR]
    wanted = args.trees or sorted(project.trees)
    unknown = [t for t in wanted if t not in project.trees]
    for tree_id in unknown:
        print(f"helpcenter: there is no tree '{tree_id}'", file=sys.stderr)
    problems = list(errors)
    for tree_id in [t for t in wanted if t in project.trees]:
        result = run_scenarios(project.trees[tree_id])
        problems += result.problems
        print(
            f"{tree_id}: {result.passed}/{result.scenarios} scenarios passed, "
            f"{result.covered}/{result.edges} answers covered ({result.percent:.0f}%)",
            file=sys.stderr,
        )
    status = report(sort_problems(problems), output_format(args), args.strict)
    return EXIT_ERRORS if unknown else status


def cmd_schema(args: argparse.Namespace) -> int:
    from generator.schema import SCENARIOS, TRANSLATION, TREE, export_json_schema

    out = args.out or project_config(args.config).root / "schema"
    out.mkdir(parents=True, exist_ok=True)
    for name, spec in (("tree", TREE), ("translation", TRANSLATION), ("scenarios", SCENARIOS)):
        target = out / f"{name}.schema.json"
        schema = export_json_schema(spec, f"{name}.schema.json")
        target.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {target}", file=sys.stderr)
    return EXIT_OK


def _find_tree(project: Project, name: str) -> str | None:
    if name in project.trees:
        return name
    stem = Path(name).name.removesuffix(".yml")
    return stem if stem in project.trees else None


def cmd_graph(args: argparse.Namespace) -> int:
    from generator.mermaid import flowchart

    project = load_project(project_config(args.config))
    tree_id = _find_tree(project, args.tree)
    if tree_id is None:
        known = ", ".join(sorted(project.trees)) or "none"
        print(f"helpcenter: there is no tree '{args.tree}' (trees: {known})", file=sys.stderr)
        return EXIT_ERRORS
    sys.stdout.write(flowchart(project.trees[tree_id], args.language))
    return EXIT_OK


def cmd_accept(args: argparse.Namespace) -> int:
    from generator.fingerprints import rewrite_fingerprints

    project = load_project(project_config(args.config))
    status = EXIT_OK
    for file in args.files:
        if file.suffix == ".md":  # a translated article: its source_fingerprint record
            from generator.fingerprints import accept_article_file

            config = project.config
            done, said = accept_article_file(file, config.content_dir, config.translation_languages)
            print(said, file=sys.stderr)
            status = status if done else EXIT_ERRORS
            continue
        parts = file.name.split(".")
        tree = project.trees.get(parts[0]) if len(parts) == 3 else None
        translation = tree.translations.get(parts[1]) if tree else None
        if tree is None or translation is None:
            print(
                f"{file}:1:1: error: not a loadable translation of a tree; run `helpcenter validate {file}`",
                file=sys.stderr,
            )
            status = EXIT_ERRORS
            continue
        blocking = [p for p in project.problems if p.is_error and p.path == translation.path]
        if blocking:
            sys.stdout.write("".join(f"{p}\n" for p in blocking))
            print(f"{file}: fix the errors above first; nothing was changed", file=sys.stderr)
            status = EXIT_ERRORS
            continue
        count = rewrite_fingerprints(file, tree, translation)
        print(f"{file}: {count} strings marked as reviewed", file=sys.stderr)
    return status


def cmd_rules(args: argparse.Namespace) -> int:
    from generator.rules import RULES

    for rule in RULES:
        doc = (rule.__doc__ or "").strip()
        print(f"{rule.ID} ({rule.LEVEL.value}, {rule.SCOPE})")
        print("    " + doc.replace("\n", "\n    ").rstrip() + "\n")
    return EXIT_OK


COMMANDS = {
    "validate": cmd_validate,
    "test": cmd_test,
    "schema": cmd_schema,
    "graph": cmd_graph,
    "accept-translation": cmd_accept,
    "rules": cmd_rules,
    "check": cmd_check,
    "build": cmd_build,
    "translations": cmd_translations,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except ConfigError as error:
        return report([config_problem(error)], output_format(args), strict=False)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
