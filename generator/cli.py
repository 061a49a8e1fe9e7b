"""The `helpcenter` command line. Exit status: 0 no error, 1 any error, 2 warnings under
--strict. Problems go to standard output, one per line; summaries to standard error."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from generator import __version__
from generator.config import ConfigError, ProjectConfig
from generator.problems import Level, Problem, sort_problems
from generator.project import Project, load_project
from generator.reporters import REPORTERS, summary

EXIT_OK, EXIT_ERRORS, EXIT_WARNINGS = 0, 1, 2

DESCRIPTION = """\
Validate and render a help center made of Markdown articles (content/) and YAML
decision trees (decision_trees/). Every problem is printed as
PATH:LINE:COL: LEVEL: MESSAGE [RULE]; `helpcenter rules` explains each rule.
Exit status: 0 no errors, 1 errors, 2 warnings with --strict."""


def _add_output_options(parser: argparse.ArgumentParser) -> None:
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
        help="the site's mkdocs.yml (default: found in the current folder or above)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="helpcenter", description=DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"helpcenter {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = commands.add_parser(
        "validate",
        help="check trees, translations and articles; print every problem",
        description="Check trees, translations and articles and print every problem found. "
        "PATHs (files or folders) limit the report to those files; cross-file checks "
        "still see the whole project. Default: the whole project.",
    )
    validate.add_argument("paths", nargs="*", type=Path, metavar="PATH")
    _add_output_options(validate)

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

    from generator.check import add_check_command

    add_check_command(commands)
    return parser


def _config(path: Path | None, start: Path | None = None) -> ProjectConfig:
    if path is not None:
        return ProjectConfig.from_mkdocs_yml(path)
    return ProjectConfig.discover((start or Path.cwd()).resolve())


def _format(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def report(problems: list[Problem], fmt: str, strict: bool) -> int:
    sys.stdout.write(REPORTERS[fmt](problems))
    if fmt == "text":
        print(summary(problems), file=sys.stderr)
    if any(p.level is Level.ERROR for p in problems):
        return EXIT_ERRORS
    if strict and problems:
        return EXIT_WARNINGS
    return EXIT_OK


def _within(problem: Problem, paths: list[Path]) -> bool:
    location = Path(problem.path).resolve()
    return any(location == p or p in location.parents for p in paths)


def cmd_validate(args: argparse.Namespace) -> int:
    missing = [
        Problem(str(p), 1, 1, Level.ERROR, "unreadable-file", "no such file or folder")
        for p in args.paths
        if not p.exists()
    ]
    existing = [p for p in args.paths if p.exists()]
    start = None
    if existing:
        first = existing[0] if existing[0].is_dir() else existing[0].parent
        start = first
    project = load_project(_config(args.config, start))
    problems = project.problems
    if existing:
        roots = [p.resolve() for p in existing]
        if not any(root == project.config.root.resolve() for root in roots):
            problems = [p for p in problems if _within(p, roots)]
    return report(sort_problems(problems + missing), _format(args), args.strict)


def cmd_test(args: argparse.Namespace) -> int:
    from generator.scenarios import run_scenarios

    project = load_project(_config(args.config))
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
    status = report(sort_problems(problems), _format(args), args.strict)
    return EXIT_ERRORS if unknown else status


def cmd_schema(args: argparse.Namespace) -> int:
    from generator.schema import SCENARIOS, TRANSLATION, TREE, export_json_schema

    out = args.out or _config(args.config).root / "schema"
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

    project = load_project(_config(args.config))
    tree_id = _find_tree(project, args.tree)
    if tree_id is None:
        known = ", ".join(sorted(project.trees)) or "none"
        print(f"helpcenter: there is no tree '{args.tree}' (trees: {known})", file=sys.stderr)
        return EXIT_ERRORS
    sys.stdout.write(flowchart(project.trees[tree_id], args.language))
    return EXIT_OK


def cmd_accept(args: argparse.Namespace) -> int:
    from generator.fingerprints import rewrite_fingerprints

    project = load_project(_config(args.config))
    status = EXIT_OK
    for file in args.files:
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
}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "check":
            from generator.check import cmd_check

            return cmd_check(args)
        return COMMANDS[args.command](args)
    except ConfigError as error:
        print(f"helpcenter: {error}", file=sys.stderr)
        return EXIT_ERRORS
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
