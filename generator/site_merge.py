"""Putting the parts of `helpcenter build` together into one site, equal to a single
`mkdocs build` (generator/parallel_build.py builds the parts):

- a language's own folder (`nb/`) comes from its part; the default language's part gives
  everything else at the root (its pages, the theme's assets, its search index);
- 404.html comes from the part of the last language in build order: in a single build
  each language writes the root 404.html and the last one stays;
- sitemap.xml lists every language (static-i18n writes it after each language with the
  pages seen so far): the parts' <url> entries are joined in build order, and
  sitemap.xml.gz is compressed again with the header MkDocs wrote.

The site is put together in a folder beside the site folder and swapped in at the end.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.config import _TolerantLoader

MANIFEST = "helpcenter-part.json"
LAST_WRITER_WINS = ("404.html",)
SITEMAP, SITEMAP_GZ = "sitemap.xml", "sitemap.xml.gz"
URL_END = "</url>"


@dataclass(frozen=True)
class SiteLanguages:
    """static-i18n's languages as mkdocs.yml sets them: build order, default first."""

    order: tuple[str, ...]
    default: str
    site_dir: Path

    def folder(self, language: str) -> str:
        return "" if language == self.default else f"{language}/"

    @classmethod
    def read(cls, mkdocs_yml: Path) -> SiteLanguages:
        data = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
        site_dir = mkdocs_yml.parent / str(data.get("site_dir") or "site")
        entries: list[dict[str, object]] = []
        for plugin in data.get("plugins") or []:
            if isinstance(plugin, dict) and isinstance(plugin.get("i18n"), dict):
                entries = [e for e in plugin["i18n"].get("languages") or [] if isinstance(e, dict)]
        built = [str(e["locale"]) for e in entries if e.get("build", True) is not False]
        default = next((str(e["locale"]) for e in entries if e.get("default")), None)
        if not built or default is None:
            theme = data.get("theme") if isinstance(data.get("theme"), dict) else {}
            language = str((theme or {}).get("language") or "en")
            return cls((language,), language, site_dir)
        order = (default, *[lang for lang in built if lang != default])
        return cls(order, default, site_dir)


@dataclass
class Part:
    """One build of some languages: in `folder`, once it has succeeded."""

    languages: tuple[str, ...]
    folder: Path
    returncode: int = 0
    output: str = ""
    stopped: bool = False  # by `helpcenter build`, because another part failed


def read_part(folder: Path) -> Part:
    manifest = folder / MANIFEST
    if not manifest.is_file():
        raise SystemExit(f"helpcenter: {folder} is not a part built by `helpcenter build`")
    languages = tuple(json.loads(manifest.read_text("utf-8"))["languages"])
    return Part(languages, folder)


def merge_parts(
    parts: Sequence[Part], site: SiteLanguages, target: Path, move: bool = False
) -> None:
    """Put the parts together in `target` (see the module docstring). With `move`, the
    parts' files are moved, not copied (parts of this run, in a temporary folder)."""
    by_language = {lang: part for part in parts for lang in part.languages}
    missing = [lang for lang in by_language if lang not in site.order]
    if missing:
        raise SystemExit(f"helpcenter: parts of languages not in mkdocs.yml: {missing}")
    present = [lang for lang in site.order if lang in by_language]
    root_part = by_language.get(site.default) or by_language[present[0]]
    other_folders = tuple(site.folder(lang) for lang in site.order if lang != site.default)
    target.mkdir(parents=True, exist_ok=True)
    _put(root_part.folder, target, lambda rel: not rel.startswith(other_folders), move)
    for lang in present:
        if lang != site.default:
            folder = site.folder(lang)
            _put(by_language[lang].folder, target, _under(folder), move)
    last = by_language[present[-1]].folder
    for name in LAST_WRITER_WINS:
        if (last / name).is_file():
            shutil.copy2(last / name, target / name)
    in_order = list(dict.fromkeys(id(by_language[lang]) for lang in present))
    ordered = [next(p for p in parts if id(p) == key) for key in in_order]
    _merge_sitemaps([part.folder for part in ordered], root_part.folder, target)
    (target / MANIFEST).unlink(missing_ok=True)


# Read again after the copy (the sitemaps are joined, 404.html is the last part's).
READ_AFTERWARDS = frozenset({SITEMAP, SITEMAP_GZ, *LAST_WRITER_WINS})


def _under(folder: str) -> Callable[[str], bool]:
    return lambda rel: rel.startswith(folder)


def _put(source: Path, target: Path, wanted: Callable[[str], bool], move: bool) -> None:
    """The files of `source` that are `wanted` (by their path in it, "nb/index.html"),
    in `target`. Moved, a folder the target does not have yet goes over in one rename
    (a language's folder: thousands of pages), not file by file."""
    if not move:
        _copy_tree(source, target, wanted)
        return
    for entry in source.iterdir():
        rel = entry.name + ("/" if entry.is_dir() else "")
        if entry.name == MANIFEST or not wanted(rel):
            continue
        if entry.is_dir() and not (target / entry.name).exists():
            os.replace(entry, target / entry.name)
        elif entry.is_dir():
            _copy_tree(source, target, _under(rel), move=True)
        elif entry.name in READ_AFTERWARDS:
            shutil.copy2(entry, target / entry.name)
        else:
            os.replace(entry, target / entry.name)


def _copy_tree(source: Path, target: Path, wanted: object, move: bool = False) -> None:
    assert callable(wanted)
    made: set[Path] = set()
    for dirpath, _dirs, names in os.walk(source):
        for name in names:
            path = Path(dirpath) / name
            rel = path.relative_to(source).as_posix()
            if rel == MANIFEST or not wanted(rel):
                continue
            out = target / rel
            if out.parent not in made:
                out.parent.mkdir(parents=True, exist_ok=True)
                made.add(out.parent)
            if move and rel not in READ_AFTERWARDS:
                os.replace(path, out)  # a rename: ten thousand pages cost nothing
            else:
                shutil.copy2(path, out)


def _merge_sitemaps(folders: list[Path], root_folder: Path, target: Path) -> None:
    """Each part's sitemap lists its own languages' pages, in the order a single build
    adds them; join their <url> entries in build order under one <urlset>."""
    texts = [(f / SITEMAP).read_text("utf-8") for f in folders if (f / SITEMAP).is_file()]
    if not texts:
        return
    heads, entries, tails = [], [], []
    for text in texts:
        if "<url>" not in text:
            continue
        first, last = text.index("<url>"), text.rindex(URL_END) + len(URL_END)
        heads.append(text[:first])
        entries.append(text[first:last])
        tails.append(text[last:])
    if not entries:
        return
    # Between two entries: what follows an entry's end up to the next "<url>".
    merged = heads[0] + ("\n" + heads[0].rsplit("\n", 1)[-1]).join(entries) + tails[-1]
    (target / SITEMAP).write_text(merged, "utf-8")
    _gzip_like(root_folder / SITEMAP_GZ, merged.encode("utf-8"), target / SITEMAP_GZ)


def _gzip_like(model: Path, data: bytes, out: Path) -> None:
    """Compress `data` with the file name and time stamp in `model`'s gzip header, as
    MkDocs wrote it, so that the file is what a single build writes."""
    mtime, name = 0, ""
    if model.is_file():
        header = model.read_bytes()[:512]
        mtime = int.from_bytes(header[4:8], "little")
        if header[3] & 0x08:  # FNAME: a zero-terminated name after the 10-byte header
            name = header[10 : header.index(b"\0", 10)].decode("latin-1")
    with open(out, "wb") as raw, gzip.GzipFile(name, "wb", fileobj=raw, mtime=mtime) as gz:
        gz.write(data)


def swap_in(built: Path, site_dir: Path) -> None:
    """Replace site_dir with `built` (a sibling folder) in two renames."""
    old = site_dir.with_name(site_dir.name + ".old-helpcenter")
    if old.exists():
        shutil.rmtree(old)
    if site_dir.exists():
        site_dir.rename(old)
    built.rename(site_dir)
    if old.exists():
        shutil.rmtree(old)
