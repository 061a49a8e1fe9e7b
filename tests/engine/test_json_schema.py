"""The JSON Schemas editors use are the ones the validator enforces."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from casekit import CASES

from generator.schema import SCENARIOS, TRANSLATION, TREE, export_json_schema

SCHEMA_DIR = Path(__file__).parents[2] / "schema"
SPECS = {"tree": TREE, "translation": TRANSLATION, "scenarios": SCENARIOS}


@pytest.mark.parametrize("name", sorted(SPECS))
def test_committed_schema_is_up_to_date(name: str) -> None:
    committed = json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text())
    assert committed == export_json_schema(SPECS[name], f"{name}.schema.json"), (
        "run `helpcenter schema` and commit schema/"
    )


def _kind(path: Path) -> str:
    parts = path.name.split(".")
    return "tree" if len(parts) == 2 else "scenarios" if parts[1] == "scenarios" else "translation"


VALID_FILES = sorted(CASES.glob("valid/*/decision_trees/*.yml")) + sorted(
    (Path(__file__).parents[2] / "decision_trees").glob("*.yml")
)


@pytest.mark.parametrize("path", VALID_FILES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_valid_files_pass_the_json_schema(path: Path) -> None:
    data = yaml.load(path.read_bytes().decode("utf-8-sig"), Loader=yaml.BaseLoader)  # all text
    schema = json.loads((SCHEMA_DIR / f"{_kind(path)}.schema.json").read_text())
    if _kind(path) == "tree" and "draft" in data:
        data["draft"] = data["draft"] == "true"
    jsonschema.validate(data, schema)


@pytest.mark.parametrize(
    "case",
    ["schema-misspelt-key", "schema-unknown-kind", "id-format", "schema-question-and-outcome"],
)
def test_invalid_examples_fail_the_json_schema(case: str) -> None:
    path = CASES / "invalid" / case / "decision_trees" / "t.yml"
    data = yaml.load(path.read_text(), Loader=yaml.BaseLoader)
    schema = json.loads((SCHEMA_DIR / "tree.schema.json").read_text())
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)
