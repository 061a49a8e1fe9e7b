"""The registry of checks. Each rule is a module with an `ID`, a default `LEVEL`, a
`SCOPE` and a docstring with a passing and a failing example (`helpcenter rules`).

Scopes: "tree" rules check one tree (`check(tree, ctx)`), "project" rules look across
files (`check(ctx)`), "loader" rules are reported while reading a file and "test" rules
by `helpcenter test`; those two have no `check` of their own.
"""

from __future__ import annotations

from types import ModuleType

from generator.rules import (
    article_anchors,
    article_link,
    cycle,
    dangling_next,
    dead_end,
    duplicate_id,
    duplicate_key,
    duplicate_label,
    duplicate_tree_id,
    empty_file,
    encoding,
    file_name,
    id_format,
    internal_error,
    missing_translation,
    multi_document,
    no_outcome_path,
    raw_html,
    scenario_failed,
    schema,
    single_option,
    stale_translation,
    symlink_outside,
    syntax,
    too_deep,
    too_large,
    translation_mismatch,
    uncovered_option,
    unknown_embed,
    unknown_language,
    unknown_translation_key,
    unknown_tree,
    unreachable,
    unreadable_file,
    unsafe_url,
    yaml_alias,
    yaml_anchor,
    yaml_boolean,
    yaml_merge,
    yaml_tag,
)

RULES: list[ModuleType] = [
    encoding, syntax, too_large, too_deep, empty_file, multi_document, duplicate_key,
    yaml_anchor, yaml_alias, yaml_merge, yaml_tag, yaml_boolean, unreadable_file, internal_error,
    schema, id_format, file_name, duplicate_id, duplicate_tree_id,
    dangling_next, unreachable, cycle, dead_end, no_outcome_path, single_option,
    duplicate_label, article_link, unsafe_url, raw_html,
    missing_translation, unknown_translation_key, unknown_language, unknown_tree,
    translation_mismatch, stale_translation,
    article_anchors, unknown_embed, symlink_outside,
    scenario_failed, uncovered_option,
]  # fmt: skip

BY_ID: dict[str, ModuleType] = {rule.ID: rule for rule in RULES}
TREE_RULES = [rule for rule in RULES if rule.SCOPE == "tree"]
PROJECT_RULES = [rule for rule in RULES if rule.SCOPE == "project"]
