"""The registry of checks. Each rule is a module with an `ID`, a default `LEVEL`, a
`SCOPE` and a docstring with a passing and a failing example (`helpcenter rules`).

Scopes: "tree" rules check one tree (`check(tree, ctx)`), "project" rules look across
files (`check(ctx)`), "loader" rules are reported while reading a file, "test" rules by
`helpcenter test` and "check" rules by `helpcenter check` (the built site); those three
have no `check` of their own. Whoever reports a problem takes its id and level from the
rule module (`Problem.of(rule, ...)`); tests/engine/test_rules_registry.py proves that
every id the code can emit is registered here.
"""

from __future__ import annotations

from types import ModuleType

from generator.rules import (
    article_anchors,
    article_html,
    article_link,
    article_render,
    bidi_control,
    broken_link,
    control_character,
    cycle,
    dangling_next,
    dead_end,
    duplicate_anchor,
    duplicate_id,
    duplicate_key,
    duplicate_label,
    duplicate_tree_id,
    empty_file,
    encoding,
    file_name,
    glossary_term,
    id_format,
    internal_error,
    invisible_character,
    missing_translation,
    mkdocs_build,
    multi_document,
    no_outcome_path,
    plain_comment,
    raw_html,
    reproducible,
    scenario_failed,
    schema,
    single_option,
    stale_article,
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
    unsafe_config_url,
    unsafe_url,
    yaml_alias,
    yaml_anchor,
    yaml_boolean,
    yaml_merge,
    yaml_tag,
)

RULES: list[ModuleType] = [
    encoding, control_character, syntax, too_large, too_deep, empty_file, multi_document,
    duplicate_key, plain_comment, bidi_control, invisible_character,
    yaml_anchor, yaml_alias, yaml_merge, yaml_tag, yaml_boolean, unreadable_file, internal_error,
    schema, id_format, file_name, duplicate_id, duplicate_tree_id,
    dangling_next, unreachable, cycle, dead_end, no_outcome_path, single_option,
    duplicate_label, article_link, unsafe_url, unsafe_config_url, raw_html,
    missing_translation, unknown_translation_key, unknown_language, unknown_tree,
    translation_mismatch, stale_translation, stale_article, glossary_term,
    article_anchors, unknown_embed, symlink_outside,
    article_render, article_html, duplicate_anchor,
    scenario_failed, uncovered_option,
    mkdocs_build, broken_link, reproducible,
]  # fmt: skip

TREE_RULES = [rule for rule in RULES if rule.SCOPE == "tree"]
PROJECT_RULES = [rule for rule in RULES if rule.SCOPE == "project"]
