"""Build only some languages: `HELPCENTER_LANGUAGES="nb id" mkdocs build` (or serve).

Used by `helpcenter build` (one process per language, merged afterwards) and by writers
previewing the languages they work on. static-i18n's own `build: false` would not do:
it also drops the language from the language switcher, the search languages and every
page's alternates, so the pages of the languages that are built would differ from a full
build. Here every language stays configured; static-i18n just does not run the builds of
the others. It starts with its default language and builds the rest from that build's
on_post_build through its module's `build` function, so the first build is pointed at
the first selected language and the others are skipped in that function, as is the
first selected language when static-i18n's loop comes to it again.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

ENV_VAR = "HELPCENTER_LANGUAGES"
_SELECTED = "helpcenter_languages"  # attribute set on static-i18n's plugin instance


def requested_languages() -> tuple[str, ...]:
    """The language codes in HELPCENTER_LANGUAGES (spaces or commas); empty for all."""
    return tuple(os.environ.get(ENV_VAR, "").replace(",", " ").split())


def select_languages(config: MkDocsConfig, requested: tuple[str, ...]) -> tuple[str, ...]:
    """Make this `mkdocs build` build only `requested` (in the configured order); returns
    the languages that will be built. Call it before static-i18n's on_config."""
    i18n = config.plugins.get("i18n")
    if i18n is None or not requested:
        return requested
    configured = [str(lang) for lang in i18n.build_languages]
    unknown = [lang for lang in requested if lang not in configured]
    if unknown:
        raise PluginError(
            f"{ENV_VAR} names {', '.join(unknown)}, not a language of this site;"
            f" use one or more of: {', '.join(configured)}"
        )
    selected = tuple(lang for lang in configured if lang in requested)
    setattr(i18n, _SELECTED, selected)
    i18n.current_language = selected[0]
    _skip_unselected_builds()
    return selected


def selected_languages(config: MkDocsConfig) -> tuple[str, ...]:
    """The languages this build was limited to; empty when it builds them all."""
    return tuple(getattr(config.plugins.get("i18n"), _SELECTED, None) or ())


def _skip_unselected_builds() -> None:
    import mkdocs_static_i18n.plugin as i18n_module  # type: ignore[import-untyped]

    original: Callable[..., Any] = i18n_module.build
    if getattr(original, "helpcenter_filter", False):
        return

    def build(config: MkDocsConfig, *args: Any, **kwargs: Any) -> Any:
        i18n = config.plugins.get("i18n")
        selected = getattr(i18n, _SELECTED, None)
        if selected and i18n is not None:
            language = i18n.current_language
            # The first selected language was MkDocs's own build. static-i18n's loop
            # skips only the language current before it, which is the last one it
            # skipped here: it would build the first selected language a second time.
            if language not in selected or language == selected[0]:
                return None
        return original(config, *args, **kwargs)

    build.helpcenter_filter = True  # type: ignore[attr-defined]
    i18n_module.build = build
