"""Living with mkdocs-static-i18n (1.3): which language is being built, and pages that
the help center generates in memory for each language.

static-i18n rebuilds the whole site once per language with the same config, and in its
`on_files` (priority -100) it rebuilds every File from `abs_src_path`, which crashes on
`File.generated(...)` pages. So generated pages are added *after* it (a lower priority),
already in the shape it gives its own files: a language folder in `dest_uri`, and the
`locale`/`alternates` attributes its language switcher and sitemap read.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from generator.model import SOURCE_LANGUAGE

I18N_PLUGIN = "i18n"


@dataclass(frozen=True)
class Languages:
    current: str
    default: str
    built: tuple[str, ...]

    def folder(self, language: str) -> str:
        """The site folder of a language: '' for the default, else 'xx/'."""
        return "" if language == self.default else f"{language}/"


def _i18n(config: MkDocsConfig) -> Any | None:
    return config.plugins.get(I18N_PLUGIN)


def languages(config: MkDocsConfig) -> Languages:
    i18n = _i18n(config)
    if i18n is None or not getattr(i18n, "default_language", None):
        language = str(config.theme.get("language") or SOURCE_LANGUAGE)
        return Languages(language, language, (language,))
    default = str(i18n.default_language)
    current = str(i18n.current_language or default)
    return Languages(current, default, tuple(str(lang) for lang in i18n.build_languages))


def is_nested_language_build(config: MkDocsConfig) -> bool:
    """True inside the extra builds static-i18n starts from the first build's on_post_build."""
    i18n = _i18n(config)
    return bool(i18n is not None and getattr(i18n, "building", False))


def _page_file(config: MkDocsConfig, src_uri: str, content: str, folder: str, in_nav: bool) -> File:
    file = File.generated(
        config,
        src_uri,
        content=content,
        inclusion=InclusionLevel.INCLUDED if in_nav else InclusionLevel.NOT_IN_NAV,
    )
    # Set before anything reads it: url and abs_dest_path are derived from dest_uri.
    file.dest_uri = folder + file.dest_uri
    return file


def add_generated_page(
    files: Files,
    config: MkDocsConfig,
    langs: Languages,
    src_uri: str,
    content: str,
    *,
    in_nav: bool = True,
    in_sitemap: bool = True,
) -> File:
    """Add a page generated for the language being built, wired like static-i18n's own.

    Its alternates are stand-in Files at the other languages' URLs (every language gets
    the same generated pages), for the language switcher and the sitemap's hreflang.
    """
    file = _page_file(config, src_uri, content, langs.folder(langs.current), in_nav)
    alternates = {
        lang: file
        if lang == langs.current
        else _page_file(config, src_uri, "", langs.folder(lang), in_nav)
        for lang in langs.built
    }
    extra: dict[str, Any] = {
        "alternates": alternates,
        "locale": langs.current,
        "locale_alternate_of": langs.current,
        "localization": None if langs.current == langs.default else langs.current,
        "norm_src_uri": src_uri,
    }
    for name, value in extra.items():
        setattr(file, name, value)
    existing = files.get_file_from_path(src_uri)
    if existing is not None and existing.src_uri == src_uri:
        files.remove(existing)  # a page of the same name in content/ loses: ours is the tree
    files.append(file)
    i18n = _i18n(config)
    if in_sitemap and i18n is not None:
        # static-i18n's sitemap lists the files it saw in on_files; add ours (once).
        listed = i18n.i18n_files_per_language.setdefault(langs.current, [])
        listed[:] = [f for f in listed if f.src_uri != src_uri]
        listed.append(file)
    return file


def reset_language_switcher(config: MkDocsConfig) -> None:
    """Give the templates built before the pages (404.html) the language switcher of the
    language homes, as static-i18n computed it for this build.

    static-i18n sets each page's switcher as an attribute, `config.extra.alternate = ...`,
    but resets it between languages as an item, `config.extra["alternate"] = ...`;
    templates read the attribute first. So every language after the first wrote a 404
    page whose switcher led to the last page of the language built before it (a writers'
    page), and a build of one language wrote a different 404 page from a full build."""
    extra = config.extra
    if "alternate" in extra:
        extra.alternate = extra["alternate"]  # type: ignore[attr-defined]  # as static-i18n sets it
