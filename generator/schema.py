"""One declarative description of the file formats, used twice: to check a loaded YAML
tree (with positions, collecting every problem) and to export JSON Schema for editors.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from generator.characters import describe, hidden_characters, visible
from generator.model import OUTCOME_KINDS, Pos, Text
from generator.problems import Level, Problem, Rule
from generator.rules import id_format, yaml_boolean
from generator.rules import schema as schema_rule
from generator.suggest import did_you_mean
from generator.typed_text import SLUG, comment_problem, hidden_character_problems, id_advice
from generator.yamlload import YMap, YNode, YScalar, YSeq

SLUG_PATTERN = SLUG.pattern
YAML11_BOOLEANS = frozenset(
    [
        "y",
        "Y",
        "yes",
        "Yes",
        "YES",
        "n",
        "N",
        "no",
        "No",
        "NO",
        "on",
        "On",
        "ON",
        "off",
        "Off",
        "OFF",
        "True",
        "TRUE",
        "False",
        "FALSE",
    ]
)
_KIND_NAMES = {YMap: "a mapping (key: value lines)", YSeq: "a list (- items)", YScalar: "text"}


class Problems(list[Problem]):
    def add(self, rule: Rule, pos: Pos, message: str) -> None:
        """A problem of `rule`, with the rule's id and level."""
        self.append(Problem.of(rule, pos, message))

    def error(self, pos: Pos, rule: str, message: str) -> None:
        # Prefer add(rule_module, ...): the id and level then come from the rule.
        self.append(Problem.at(pos, Level.ERROR, rule, message))


def text_of(node: YScalar) -> Text:
    return Text(node.value, node.pos, node.source, node.start, node.body, node.end)


class Spec:
    description = ""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        check = cls.__dict__.get("check")
        if check is None:
            return

        def guarded(self: Spec, node: YNode, where: str, out: Problems) -> Any:
            # A value the loader already refused (alias, tag) gets no second message.
            return None if node.flagged else check(self, node, where, out)

        cls.check = guarded  # type: ignore[method-assign]

    def check(self, node: YNode, where: str, out: Problems) -> Any:
        """The checked value, or None after reporting why it is not usable."""
        raise NotImplementedError

    def json_schema(self) -> dict[str, Any]:
        raise NotImplementedError

    def _wrong_type(self, node: YNode, where: str, want: str, out: Problems) -> None:
        out.add(schema_rule, node.pos, f"{where} must be {want}, not {_KIND_NAMES[type(node)]}")


@dataclass
class TextSpec(Spec):
    description: str = ""
    # Writer text (not an id, a keyword or a fingerprint): a '#' in it may be meant, and
    # invisible characters in it are reported as such.
    writer_text: ClassVar[bool] = True

    def check(self, node: YNode, where: str, out: Problems) -> Text | None:
        if not isinstance(node, YScalar):
            self._wrong_type(node, where, "text", out)
            return None
        if self.writer_text and node.comment is not None:
            out.append(comment_problem(node, where))
        if node.is_null or not node.value.strip():
            out.add(schema_rule, node.pos, f"{where} is empty; write the text")
            return None
        text = text_of(node)
        hidden = hidden_characters(node.value)
        if not hidden:
            return text  # the common case
        if not visible(node.value):
            names = ", ".join(dict.fromkeys(describe(c) for _, c in hidden))
            message = (
                f"{where} is empty: it has only invisible characters ({names}); write the text"
            )
            out.add(schema_rule, node.pos, message)
            return None
        if self.writer_text:
            out.extend(hidden_character_problems(text, hidden, where))
        return text

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "minLength": 1, "description": self.description}


@dataclass
class SlugSpec(TextSpec):
    writer_text: ClassVar[bool] = False

    def check(self, node: YNode, where: str, out: Problems) -> Text | None:
        text = super().check(node, where, out)
        if text is not None and not SLUG.match(text.value):
            pos, advice = id_advice(text)
            out.add(id_format, pos, f"{where} is '{text.value}', which is not a valid id; {advice}")
        return text  # still usable, so that graph checks do not pile on

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": SLUG_PATTERN, "description": self.description}


@dataclass
class EnumSpec(TextSpec):
    values: tuple[str, ...] = ()
    writer_text: ClassVar[bool] = False

    def check(self, node: YNode, where: str, out: Problems) -> Text | None:
        text = super().check(node, where, out)
        if text is not None and text.value not in self.values:
            allowed = ", ".join(self.values)
            hint = did_you_mean(text.value, list(self.values))
            out.add(
                schema_rule,
                text.pos,
                f"{where} is '{text.value}', which is not one of: {allowed}{hint}",
            )
            return None
        return text

    def json_schema(self) -> dict[str, Any]:
        return {"enum": list(self.values), "description": self.description}


@dataclass
class BoolSpec(Spec):
    description: str = ""

    def check(self, node: YNode, where: str, out: Problems) -> bool | None:
        if isinstance(node, YScalar) and node.plain and node.value in ("true", "false"):
            return node.value == "true"
        if isinstance(node, YScalar) and node.plain and node.value in YAML11_BOOLEANS:
            out.add(
                yaml_boolean,
                node.pos,
                f"{where} is '{node.value}', which only old YAML reads as a yes/no value; "
                "write true or false",
            )
            return None
        quoted = " (without quotes)" if isinstance(node, YScalar) and not node.plain else ""
        out.add(schema_rule, node.pos, f"{where} must be true or false{quoted}")
        return None

    def json_schema(self) -> dict[str, Any]:
        return {"type": "boolean", "description": self.description}


@dataclass
class ListSpec(Spec):
    item: Spec
    description: str = ""

    def check(self, node: YNode, where: str, out: Problems) -> list[Any] | None:
        if not isinstance(node, YSeq):
            self._wrong_type(node, where, "a list (- items)", out)
            return None
        values = [
            self.item.check(item, f"item {i + 1} of {where}", out)
            for i, item in enumerate(node.items)
        ]
        return [v for v in values if v is not None]

    def json_schema(self) -> dict[str, Any]:
        return {"type": "array", "items": self.item.json_schema(), "description": self.description}


@dataclass
class Entry:
    key: Text
    value: Any


@dataclass
class MapSpec(Spec):
    """A mapping whose keys are writer-chosen ids (node ids, option ids)."""

    value: Spec
    what: str = "item"
    description: str = ""

    def check(self, node: YNode, where: str, out: Problems) -> dict[str, Entry] | None:
        if not isinstance(node, YMap):
            self._wrong_type(node, where, "a mapping (key: value lines)", out)
            return None
        result: dict[str, Entry] = {}
        for key, (key_node, value_node) in node.items.items():
            if key.startswith("\0"):
                continue  # already reported by the loader
            if not SLUG.match(key):
                pos, advice = id_advice(text_of(key_node))
                out.add(id_format, pos, f"{self.what} id '{key}' is not valid; {advice}")
            value = self.value.check(value_node, f"{self.what} '{key}'", out)
            # Kept even when unusable (None), so that the id is known to exist.
            result[key] = Entry(text_of(key_node), value)
        return result

    def json_schema(self) -> dict[str, Any]:
        return {
            "type": "object",
            "propertyNames": {"pattern": SLUG_PATTERN},
            "additionalProperties": self.value.json_schema(),
            "description": self.description,
        }


@dataclass
class Field:
    spec: Spec
    required: bool = False


@dataclass
class Fields:
    """A checked mapping: the usable values, and where the mapping and its keys are."""

    pos: Pos
    values: dict[str, Any]
    key_pos: dict[str, Pos] = field(default_factory=dict)

    def get(self, name: str, default: Any = None) -> Any:
        return self.values.get(name, default)


@dataclass
class ObjSpec(Spec):
    fields: dict[str, Field]
    description: str = ""
    title: str = ""

    def check(self, node: YNode, where: str, out: Problems) -> Fields | None:
        if not isinstance(node, YMap):
            self._wrong_type(node, where, "a mapping (key: value lines)", out)
            return None
        checked = Fields(node.pos, {})
        names = list(self.fields)
        for key, (key_node, value_node) in node.items.items():
            if key.startswith("\0"):
                continue
            field_spec = self.fields.get(key)
            if field_spec is None:
                hint = did_you_mean(key, names) or f"; allowed here: {', '.join(names)}"
                out.add(schema_rule, key_node.pos, f"unknown key '{key}' in {where}{hint}")
                continue
            checked.key_pos[key] = key_node.pos
            value = field_spec.spec.check(value_node, f"'{key}' of {where}", out)
            if value is not None:
                checked.values[key] = value
        missing = [n for n, f in self.fields.items() if f.required and n not in node.items]
        for name in missing:
            out.add(schema_rule, node.pos, f"{where} has no '{name}'; add it")
        return checked

    def json_schema(self) -> dict[str, Any]:
        return {
            "type": "object",
            "title": self.title or None,
            "description": self.description,
            "properties": {name: f.spec.json_schema() for name, f in self.fields.items()},
            "required": [name for name, f in self.fields.items() if f.required],
            "additionalProperties": False,
        }


@dataclass
class OneOfSpec(Spec):
    """A mapping whose kind is told by which key it has (`question:` or `outcome:`)."""

    choices: dict[str, ObjSpec]
    description: str = ""

    def check(self, node: YNode, where: str, out: Problems) -> tuple[str, Fields] | None:
        if not isinstance(node, YMap):
            self._wrong_type(node, where, "a mapping (key: value lines)", out)
            return None
        present = [key for key in self.choices if key in node.items]
        if len(present) != 1:
            keys = " or ".join(f"'{k}'" for k in self.choices)
            if present:
                message = f"{where} has both {' and '.join(repr(k) for k in present)}; keep one"
            else:
                message = f"{where} has neither {keys}; give it exactly one"
            out.add(schema_rule, node.pos, message)
            return None
        fields = self.choices[present[0]].check(node, where, out)
        return None if fields is None else (present[0], fields)

    def json_schema(self) -> dict[str, Any]:
        return {
            "oneOf": [spec.json_schema() for spec in self.choices.values()],
            "description": self.description,
        }


@dataclass
class FingerprintsSpec(Spec):
    """`text key: fingerprint` lines; the keys are dotted paths, not ids."""

    description: str = ""

    def check(self, node: YNode, where: str, out: Problems) -> dict[str, Text] | None:
        if not isinstance(node, YMap):
            self._wrong_type(node, where, "a mapping (key: value lines)", out)
            return None
        result: dict[str, Text] = {}
        for key, (key_node, value_node) in node.items.items():
            value = _FINGERPRINT.check(value_node, f"fingerprint of '{key}'", out)
            if value is not None and not key.startswith("\0"):
                result[key] = Text(value.value, key_node.pos)
        return result

    def json_schema(self) -> dict[str, Any]:
        return {
            "type": "object",
            "additionalProperties": {"type": "string"},
            "description": self.description,
        }


@dataclass
class _FingerprintSpec(TextSpec):
    writer_text: ClassVar[bool] = False


_FINGERPRINT = _FingerprintSpec()

# --- The formats ------------------------------------------------------------------------

OPTION = ObjSpec(
    {
        "id": Field(SlugSpec("Stable id of this answer; never rename it once published."), True),
        "label": Field(TextSpec("The answer as the customer reads it."), True),
        "next": Field(SlugSpec("The id of the node this answer leads to."), True),
    },
    "One answer to a question.",
)
QUESTION = ObjSpec(
    {
        "question": Field(TextSpec("The question, short and in the customer's words."), True),
        "help": Field(TextSpec("Optional help shown under the question.")),
        "options": Field(ListSpec(OPTION, "The answers a customer can pick."), True),
    },
    "A question node.",
    "Question",
)
LINK = ObjSpec(
    {
        "id": Field(SlugSpec("Stable id of this link, used by translations."), True),
        "label": Field(TextSpec("The link text."), True),
        "url": Field(TextSpec("http, https, mailto, tel or relative URL."), True),
    },
    "A link to an external page.",
)
OUTCOME = ObjSpec(
    {
        "outcome": Field(EnumSpec("What kind of answer this is.", OUTCOME_KINDS), True),
        "title": Field(TextSpec("The answer in one line."), True),
        "body": Field(TextSpec("Markdown: what to do next."), True),
        "articles": Field(ListSpec(TextSpec("An article in content/: path.md or path.md#anchor."))),
        "links": Field(ListSpec(LINK, "External pages.")),
    },
    "An outcome node: the answer and its next steps.",
    "Outcome",
)
TREE = ObjSpec(
    {
        "id": Field(SlugSpec("The tree's id; the file must be named <id>.yml."), True),
        "title": Field(TextSpec("The troubleshooter's title, as a question."), True),
        "summary": Field(TextSpec("One sentence saying what it helps with."), True),
        "start": Field(SlugSpec("The id of the first question."), True),
        "draft": Field(BoolSpec("true keeps the tree off the site.")),
        "nodes": Field(
            MapSpec(OneOfSpec({"question": QUESTION, "outcome": OUTCOME}), "node"), True
        ),
    },
    "A decision tree (troubleshooter).",
    "Decision tree",
)

_TRANSLATED_NODE = ObjSpec(
    {
        "question": Field(TextSpec()),
        "help": Field(TextSpec()),
        "options": Field(MapSpec(TextSpec("Translated answer label."), "answer")),
        "title": Field(TextSpec()),
        "body": Field(TextSpec()),
        "links": Field(MapSpec(TextSpec("Translated link text."), "link")),
    },
    "The translated text of one node, under the node's id.",
)
TRANSLATION = ObjSpec(
    {
        "title": Field(TextSpec("Translated title.")),
        "summary": Field(TextSpec("Translated summary.")),
        "nodes": Field(MapSpec(_TRANSLATED_NODE, "node")),
        "fingerprints": Field(
            FingerprintsSpec("Written by `helpcenter accept-translation`; do not edit by hand.")
        ),
    },
    "A translation of a decision tree: only text, keyed by node and option ids.",
    "Decision tree translation",
)
SCENARIOS = ListSpec(
    ObjSpec(
        {
            "name": Field(TextSpec("What this scenario checks."), True),
            "answers": Field(ListSpec(SlugSpec("An option id.")), True),
            "expect": Field(SlugSpec("The outcome node the answers must reach."), True),
        },
        "One scenario.",
    ),
    "Scenario tests: answers and the outcome they must reach.",
)


def export_json_schema(spec: Spec, name: str) -> dict[str, Any]:
    schema = {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": name,
        **spec.json_schema(),
    }
    cleaned: dict[str, Any] = _drop_empty(schema)
    return cleaned


def _drop_empty(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _drop_empty(v) for k, v in value.items() if v not in (None, "")}
    if isinstance(value, list):
        return [_drop_empty(v) for v in value]
    return value
