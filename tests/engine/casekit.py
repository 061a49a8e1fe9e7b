"""Run the engine over an example folder the way `helpcenter validate` + `test` would."""

from __future__ import annotations

from pathlib import Path

from generator.config import ProjectConfig
from generator.problems import Problem, sort_problems
from generator.project import load_project
from generator.scenarios import run_scenarios

CASES = Path(__file__).parent / "cases"


def config_for(case: Path) -> ProjectConfig:
    """Each case is a project of its own: never pick up the repository's mkdocs.yml."""
    mkdocs_yml = case / "mkdocs.yml"
    if mkdocs_yml.is_file():
        return ProjectConfig.from_mkdocs_yml(mkdocs_yml)
    return ProjectConfig.for_directory(case)


def problems_for(case: Path) -> list[Problem]:
    project = load_project(config_for(case), relative_to=case)
    problems = list(project.problems)
    for tree in project.trees.values():
        if tree.scenarios_path:  # scenario problems only where the case has scenarios
            problems += run_scenarios(tree).problems
    return sort_problems(problems)
