"""Build cost of the help center: what `mkdocs build` costs with the helpcenter plugin.

Generates synthetic projects in a temporary folder (mkdocs.yml and overrides/ copied from
the repository, content/ and decision_trees/ written here) and prints, each comparison
measured in one run with its builds interleaved (median of --repeat runs):

  a. generator overhead: N trees of M nodes in 5 languages (tree + 4 complete translation
     overlays with correct fingerprints), built by the project, against a baseline with
     the same pages and the same text as plain Markdown (same mkdocs.yml and i18n, no
     helpcenter plugin; its build is followed by the same Pagefind indexing, timed with
     it, since the plugin's build writes the search indexes); goal <= 1.05x;
  b. language scaling: the same project with 1 and with 5 languages; goal <= 5x;
  c. growth: 100, 500 and 2,000 articles (x 5 languages, 10 trees): ms per page stays flat.

`--profile` then runs the project build of (a) in-process under pyinstrument and splits
the time between the project's own code (generator/) and MkDocs, Material and i18n.

    python bench/build_cost.py [--quick] [--only a,b,c] [--repeat 3] [--profile]
"""

from __future__ import annotations

import argparse
import functools
import logging
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator.rules.base import fingerprint  # noqa: E402

LANGUAGES = ("en", "id", "vi", "lv", "nb")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
ARTICLES_PER_SECTION = 20
SECTIONS_PER_CATEGORY = 10
HEADINGS_PER_ARTICLE = 3
OUTCOME_KINDS = ("solved", "action-needed", "not-eligible", "contact-support")

# Pseudo-words per language: the same number of words per string in every language, with
# each language's letters (diacritics included), and none that YAML or Markdown treats
# specially.
WORDS: dict[str, str] = {
    "en": "account order refund payment card subscription device item store billing date "
    "charge email sign open choose select check wait return cancel plan family member "
    "owner shop receipt history page link button settings profile address country "
    "price amount bank statement code gift balance region name password security "
    "screen app game film book service renewal trial month year week day time support "
    "team request form status reason problem answer question step list folder inbox "
    "message number phone network console computer update version license key product",
    "id": "akun pesanan pengembalian pembayaran kartu langganan perangkat barang toko "
    "tagihan tanggal biaya surel masuk buka pilih periksa tunggu kembalikan batalkan "
    "paket keluarga anggota pemilik riwayat halaman tautan tombol pengaturan profil "
    "alamat negara harga jumlah bank kode hadiah saldo wilayah nama sandi keamanan layar",
    "vi": "tài khoản đơn hàng hoàn tiền thanh toán thẻ gói đăng ký thiết bị mặt hàng "
    "cửa hàng hóa đơn ngày phí thư mở chọn kiểm tra chờ trả lại hủy gia đình thành viên "
    "chủ sở hữu lịch sử trang liên kết nút cài đặt hồ sơ địa chỉ quốc gia giá số tiền",
    "lv": "konts pasūtījums atmaksa maksājums karte abonements ierīce prece veikals "
    "rēķins datums maksa e-pasts pierakstīties atvērt izvēlēties pārbaudīt gaidīt "
    "atgriezt atcelt plāns ģimene dalībnieks īpašnieks vēsture lapa saite poga "
    "iestatījumi profils adrese valsts cena summa banka kods dāvana atlikums reģions",
    "nb": "konto bestilling refusjon betaling kort abonnement enhet vare butikk faktura "
    "dato belastning e-post logg åpne velg sjekk vent returner avbryt plan familie "
    "medlem eier kvittering historikk side lenke knapp innstillinger profil adresse "
    "land pris beløp bank kode gavekort saldo region navn passord sikkerhet skjerm",
}
VOCABULARY = {lang: words.split() for lang, words in WORDS.items()}


# ---------------------------------------------------------------------------------------
# Synthetic text


def phrase(rng: random.Random, lang: str, count: int) -> str:
    words = [rng.choice(VOCABULARY[lang]) for _ in range(count)]
    return " ".join(words).capitalize()


def markdown_body(rng: random.Random, lang: str) -> str:
    """An outcome body as writers write them: a paragraph, steps with bold, a closing line.
    Ends with one newline, as a YAML `|` block reads back."""
    steps = "\n".join(f"{n}. {phrase(rng, lang, 6)} **{phrase(rng, lang, 2)}**." for n in (1, 2, 3))
    return f"{phrase(rng, lang, 14)}.\n\n{steps}\n\n{phrase(rng, lang, 10)}.\n"


def unique_labels(rng: random.Random, lang: str, count: int, words: int) -> list[str]:
    labels: list[str] = []
    while len(labels) < count:
        label = phrase(rng, lang, words)
        if label not in labels:
            labels.append(label)
    return labels


# ---------------------------------------------------------------------------------------
# Articles


@dataclass
class Article:
    path: str  # relative to content/, without the language suffix: c00/s00/a0000.md
    title: dict[str, str] = field(default_factory=dict)  # language -> title
    headings: dict[str, list[str]] = field(default_factory=dict)  # language -> heading texts

    def anchor(self, number: int) -> str:
        return f"h{number + 1}"


# Part c's --categories: articles in flat categories of this many (a realistic help-center
# navigation, pruned by Material's navigation.prune); 0 for sections of 20 in categories of 200.
LAYOUT = {"category": 0}


def article_paths(count: int) -> list[str]:
    paths = []
    for number in range(count):
        if LAYOUT["category"]:
            paths.append(f"c{number // LAYOUT['category']:03d}/a{number:04d}.md")
            continue
        section, category = (
            number // ARTICLES_PER_SECTION,
            number // (ARTICLES_PER_SECTION * SECTIONS_PER_CATEGORY),
        )
        paths.append(f"c{category:02d}/s{section:03d}/a{number:04d}.md")
    return paths


def suffixed(path: str, lang: str) -> str:
    return path if lang == "en" else path[: -len(".md")] + f".{lang}.md"


def write_articles(
    content: Path, count: int, languages: Iterable[str], rng: random.Random
) -> list[Article]:
    """Articles in categories and sections (so the navigation stays bounded per page, as
    in a real help center), each with a title and headings with explicit anchors."""
    articles = []
    english: dict[str, str] = {}  # path -> English text, for the translations' fingerprints
    indexes: set[str] = {"index.md", "contact.md"}  # contact.md: mkdocs.yml's contact_url
    for path in article_paths(count):
        parts = path.split("/")
        indexes.update("/".join(parts[:depth]) + "/index.md" for depth in range(1, len(parts)))
        article = Article(path)
        for lang in languages:
            title = phrase(rng, lang, 5)
            headings = [phrase(rng, lang, 4) for _ in range(HEADINGS_PER_ARTICLE)]
            article.title[lang], article.headings[lang] = title, headings
            lines = [f"# {title}", "", f"{phrase(rng, lang, 25)}.", ""]
            for number, heading in enumerate(headings):
                lines += [f"## {heading} {{#{article.anchor(number)}}}", ""]
                lines += [f"{phrase(rng, lang, 20)}. {phrase(rng, lang, 15)}.", ""]
                lines += [f"- {phrase(rng, lang, 6)}" for _ in range(3)] + [""]
            write_page(content, path, lang, "\n".join(lines), english)
        articles.append(article)
    for index in sorted(indexes):
        for lang in languages:
            write_page(
                content,
                index,
                lang,
                f"# {phrase(rng, lang, 3)}\n\n{phrase(rng, lang, 20)}.\n",
                english,
            )
    return articles


def write_page(content: Path, path: str, lang: str, text: str, english: dict[str, str]) -> None:
    """Write one language of a page; a translation records the fingerprint of the English
    text it was checked against, as `helpcenter accept-translation` writes it."""
    if lang == "en":
        english[path] = text
    else:
        text = f'---\nsource_fingerprint: "{fingerprint(english[path])}"\n---\n\n' + text
    target = content / suffixed(path, lang)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


# ---------------------------------------------------------------------------------------
# Trees


@dataclass
class Node:
    id: str
    options: list[tuple[str, str]] = field(default_factory=list)  # (option id, next node)
    kind: str = ""  # outcome kind; "" for a question
    articles: list[tuple[Article, int]] = field(default_factory=list)  # (article, heading)
    links: list[tuple[str, str]] = field(default_factory=list)  # (link id, url)
    has_help: bool = False

    @property
    def is_question(self) -> bool:
        return not self.kind


@dataclass
class TreeSpec:
    id: str
    nodes: list[Node]
    texts: dict[str, dict[str, str]]  # language -> text key -> text

    def text_keys(self) -> list[str]:
        """Text keys in the order `Tree.source_texts` gives them."""
        keys = ["title", "summary"]
        for node in self.nodes:
            if node.is_question:
                keys.append(f"{node.id}.question")
                if node.has_help:
                    keys.append(f"{node.id}.help")
                keys += [f"{node.id}.options.{option}" for option, _ in node.options]
            else:
                keys += [f"{node.id}.title", f"{node.id}.body"]
                keys += [f"{node.id}.links.{link}" for link, _ in node.links]
        return keys


def branch_sizes(children: int) -> list[int]:
    """Split `children` nodes into questions' option lists of 3 (never a single option)."""
    sizes = [3] * (children // 3) + ([children % 3] if children % 3 else [])
    if sizes and sizes[-1] == 1:
        sizes[-1] = 2
        sizes[-2] -= 1
    return sizes


def make_tree(
    number: int, size: int, articles: list[Article], languages: Iterable[str], rng: random.Random
) -> TreeSpec:
    """A tree of `size` nodes: questions breadth first with 2 or 3 answers each, the
    remaining nodes outcomes that link one article section and one external page."""
    tree_id = f"tree-{number:04d}"
    sizes = branch_sizes(size - 1)
    nodes: list[Node] = []
    next_child = 1
    for index in range(size):
        if index < len(sizes):
            options = [(f"answer-{k}", f"step-{next_child + k}") for k in range(sizes[index])]
            next_child += sizes[index]
            nodes.append(Node(f"step-{index}", options=options, has_help=index % 2 == 0))
        else:
            kind = OUTCOME_KINDS[index % len(OUTCOME_KINDS)]
            picked = (
                [(rng.choice(articles), rng.randrange(HEADINGS_PER_ARTICLE))] if articles else []
            )
            external = ("more", f"https://example.com/help/{tree_id}/step-{index}")
            nodes.append(Node(f"step-{index}", kind=kind, articles=picked, links=[external]))
    spec = TreeSpec(tree_id, nodes, {})
    for lang in languages:
        texts = {"title": phrase(rng, lang, 5), "summary": phrase(rng, lang, 16) + "."}
        for node in nodes:
            if node.is_question:
                texts[f"{node.id}.question"] = phrase(rng, lang, 9) + "?"
                if node.has_help:
                    texts[f"{node.id}.help"] = phrase(rng, lang, 14) + "."
                labels = unique_labels(rng, lang, len(node.options), 5)
                for (option, _), label in zip(node.options, labels, strict=True):
                    texts[f"{node.id}.options.{option}"] = label
            else:
                texts[f"{node.id}.title"] = phrase(rng, lang, 6)
                texts[f"{node.id}.body"] = markdown_body(rng, lang)
                for link, _url in node.links:
                    texts[f"{node.id}.links.{link}"] = phrase(rng, lang, 3)
        spec.texts[lang] = texts
    return spec


def _block(text: str, indent: str) -> str:
    lines = [indent + line if line else "" for line in text.rstrip("\n").split("\n")]
    return "|\n" + "\n".join(lines)


def tree_yaml(spec: TreeSpec) -> str:
    text = spec.texts["en"]
    out = [
        "# yaml-language-server: $schema=../schema/tree.schema.json",
        f"id: {spec.id}",
        f"title: {text['title']}",
        f"summary: {text['summary']}",
        f"start: {spec.nodes[0].id}",
        "nodes:",
    ]
    for node in spec.nodes:
        out.append(f"  {node.id}:")
        if node.is_question:
            out.append(f"    question: {text[f'{node.id}.question']}")
            if node.has_help:
                out.append(f"    help: {text[f'{node.id}.help']}")
            out.append("    options:")
            for option, target in node.options:
                label = text[f"{node.id}.options.{option}"]
                out += [
                    f"      - id: {option}",
                    f"        label: {label}",
                    f"        next: {target}",
                ]
        else:
            out += [f"    outcome: {node.kind}", f"    title: {text[f'{node.id}.title']}"]
            out.append(f"    body: {_block(text[f'{node.id}.body'], '      ')}")
            if node.articles:
                out.append("    articles:")
                out += [f"      - {a.path}#{a.anchor(h)}" for a, h in node.articles]
            out.append("    links:")
            for link, url in node.links:
                label = text[f"{node.id}.links.{link}"]
                out += [f"      - id: {link}", f"        label: {label}", f"        url: {url}"]
    return "\n".join(out) + "\n"


def translation_yaml(spec: TreeSpec, lang: str) -> str:
    """A complete overlay, with the fingerprints `helpcenter accept-translation` writes."""
    text, english = spec.texts[lang], spec.texts["en"]
    out = [
        "# yaml-language-server: $schema=../schema/translation.schema.json",
        f"title: {text['title']}",
        f"summary: {text['summary']}",
        "nodes:",
    ]
    for node in spec.nodes:
        out.append(f"  {node.id}:")
        if node.is_question:
            out.append(f"    question: {text[f'{node.id}.question']}")
            if node.has_help:
                out.append(f"    help: {text[f'{node.id}.help']}")
            out.append("    options:")
            out += [
                f"      {option}: {text[f'{node.id}.options.{option}']}"
                for option, _ in node.options
            ]
        else:
            out.append(f"    title: {text[f'{node.id}.title']}")
            out.append(f"    body: {_block(text[f'{node.id}.body'], '      ')}")
            out.append("    links:")
            out += [f"      {link}: {text[f'{node.id}.links.{link}']}" for link, _ in node.links]
    out.append("fingerprints:  # written by `helpcenter accept-translation`; do not edit by hand")
    out += [f'  {key}: "{fingerprint(english[key])}"' for key in spec.text_keys()]
    return "\n".join(out) + "\n"


# The baseline: the same pages, with the same text, as plain Markdown.


def _front_matter(meta: str) -> str:
    return f"---\n{meta}\n---\n"


def baseline_troubleshooter(spec: TreeSpec, lang: str) -> str:
    text = spec.texts[lang]
    out = [_front_matter('{"hide": ["toc"]}'), f"# {text['title']}", "", text["summary"], ""]
    for node in spec.nodes:
        anchor = f"{spec.id}--{node.id}"
        if node.is_question:
            out += [f"## {text[f'{node.id}.question']} {{#{anchor}}}", ""]
            if node.has_help:
                out += [text[f"{node.id}.help"], ""]
            for option, target in node.options:
                out.append(f"- [{text[f'{node.id}.options.{option}']}](#{spec.id}--{target})")
            out.append("")
        else:
            out += [f"## {text[f'{node.id}.title']} {{#{anchor}}}", "", text[f"{node.id}.body"]]
            for article, heading in node.articles:
                label = article.headings[lang][heading]
                out.append(f"- [{label}](../{article.path}#{article.anchor(heading)})")
            for link, url in node.links:
                out.append(f"- [{text[f'{node.id}.links.{link}']}]({url})")
            out.append("")
    return "\n".join(out)


def baseline_map(spec: TreeSpec, lang: str) -> str:
    text = spec.texts[lang]
    meta = '{"search": {"exclude": true}, "hide": ["toc"], "robots": "noindex"}'
    out = [_front_matter(meta), f"# {text['title']}", "", "``` text", "flowchart TD"]
    ids = {node.id: f"n{n}" for n, node in enumerate(spec.nodes)}
    for node in spec.nodes:
        key = f"{node.id}.question" if node.is_question else f"{node.id}.title"
        out.append(f'    {ids[node.id]}["{text[key]}"]')
    for node in spec.nodes:
        for option, target in node.options:
            out.append(
                f'    {ids[node.id]} -->|"{text[f"{node.id}.options.{option}"]}"| {ids[target]}'
            )
    out += ["```", "", "## Outline {#outline}", ""]
    for node in spec.nodes:
        key = f"{node.id}.question" if node.is_question else f"{node.id}.title"
        out += [f"`{node.id}`: {text[key]}", f"{{: #map--{node.id} }}", ""]
        for option, target in node.options:
            out.append(
                f"- {text[f'{node.id}.options.{option}']} `{option}`: [`{target}`](#map--{target})"
            )
        out.append("")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------------------
# Projects


def _drop_block(lines: list[str], start: re.Pattern[str], indent: int) -> list[str]:
    """Remove each block that starts at a line matching `start` and runs while lines are
    blank or indented deeper than `indent`."""
    out: list[str] = []
    skipping = False
    for line in lines:
        if start.match(line):
            skipping = True
            continue
        if skipping and (not line.strip() or len(line) - len(line.lstrip()) > indent):
            continue
        skipping = False
        out.append(line)
    return out


# --no-search-dedupe: what-if for mkdocs.yml, see README.md
SEARCH_DEDUPE = {"off": False}


def mkdocs_yml(languages: Iterable[str], plugin: bool) -> str:
    """The repository's mkdocs.yml with only `languages`, and without the helpcenter
    plugin (the baseline) when `plugin` is false."""
    source = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    if SEARCH_DEDUPE["off"]:
        source = source.replace("reconfigure_search: true", "reconfigure_search: false")
    lines = source.split("\n")
    if not plugin:
        before = len(lines)
        lines = _drop_block(lines, re.compile(r"^  - helpcenter\b"), 2)
        if len(lines) == before:
            raise SystemExit(
                "mkdocs.yml: no '  - helpcenter' plugin entry to remove for the baseline"
            )
        # The writers' map pages are generated out of the navigation; so are the baseline's.
        lines.append("not_in_nav: |\n  /writers/")
    dropped = [lang for lang in LANGUAGES if lang not in languages]
    for lang in dropped:
        lines = _drop_block(lines, re.compile(rf"^ +- locale: {lang}\s*$"), 10)
    text = "\n".join(lines)
    for lang in languages:
        if lang != "en" and f"locale: {lang}" not in text:
            raise SystemExit(f"mkdocs.yml: no i18n language '{lang}'")
    return text


@dataclass
class Project:
    name: str
    root: Path
    pages: int = 0  # pages in the built site, counted after the first build
    warnings: int = 0  # in the first build's log
    times: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.times)


def make_project(
    root: Path,
    *,
    trees: int,
    nodes: int,
    articles: int,
    languages: tuple[str, ...],
    plugin: bool,
    seed: int = 1,
) -> Path:
    """A project in `root`: the same seed gives the same articles and trees, so a plugin
    project and its baseline hold the same text."""
    rng = random.Random(seed)
    root.mkdir(parents=True)
    shutil.copytree(REPO / "overrides", root / "overrides")
    (root / "mkdocs.yml").write_text(mkdocs_yml(languages, plugin), encoding="utf-8")
    content, trees_dir = root / "content", root / "decision_trees"
    trees_dir.mkdir()
    written = write_articles(content, articles, languages, rng)
    specs = [make_tree(n, nodes, written, languages, rng) for n in range(trees)]
    for spec in specs:
        if plugin:
            (trees_dir / f"{spec.id}.yml").write_text(tree_yaml(spec), encoding="utf-8")
            for lang in languages:
                if lang != "en":
                    (trees_dir / f"{spec.id}.{lang}.yml").write_text(
                        translation_yaml(spec, lang), encoding="utf-8"
                    )
        else:
            for lang in languages:
                page = content / suffixed(f"troubleshooters/{spec.id}.md", lang)
                page.parent.mkdir(parents=True, exist_ok=True)
                page.write_text(baseline_troubleshooter(spec, lang), encoding="utf-8")
                page = content / suffixed(f"writers/{spec.id}.md", lang)
                page.parent.mkdir(parents=True, exist_ok=True)
                page.write_text(baseline_map(spec, lang), encoding="utf-8")
    if not plugin and specs:
        for lang in languages:
            items = "\n".join(f"- [{s.texts[lang]['title']}]({s.id}.md) (`{s.id}`)" for s in specs)
            meta = _front_matter('{"search": {"exclude": true}, "robots": "noindex"}')
            (content / suffixed("writers/index.md", lang)).write_text(
                f"{meta}# Writers\n\n{items}\n", encoding="utf-8"
            )
    return root


def check_project(root: Path) -> str:
    """Validate a plugin project with the engine: a benchmark of a broken site is void."""
    from generator.config import ProjectConfig
    from generator.project import load_project

    project = load_project(ProjectConfig.from_mkdocs_yml(root / "mkdocs.yml"), relative_to=root)
    if project.problems:
        shown = "\n  ".join(str(p) for p in project.problems[:5])
        return f"{len(project.problems)} problem(s), first:\n  {shown}"
    return "valid"


def build(project: Path, site: Path) -> tuple[float, int]:
    """One `mkdocs build`, timed from process start to exit; and its warning count."""
    if site.exists():
        shutil.rmtree(site)
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "-f",
        str(project / "mkdocs.yml"),
        "-d",
        str(site),
    ]
    start = time.perf_counter()
    result = subprocess.run(
        command, cwd=project, env=ENV, capture_output=True, text=True, timeout=1800
    )
    output = result.stdout + result.stderr
    if result.returncode != 0:
        raise SystemExit(f"mkdocs build of {project} failed:\n{output[-4000:]}")
    if not has_plugin(project):
        index_baseline(project, site)
    elapsed = time.perf_counter() - start
    return elapsed, sum(1 for line in output.splitlines() if line.startswith("WARNING"))


def has_plugin(project: Path) -> bool:
    return "\n  - helpcenter" in (project / "mkdocs.yml").read_text(encoding="utf-8")


def index_baseline(project: Path, site: Path) -> None:
    """The baseline gets the same site search as the plugin's site (Pagefind, one index per
    language), so that the comparison is of the generator, not of having search."""
    from generator.search import index_site

    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    languages = [lang for lang in LANGUAGES if f"locale: {lang}" in text] or ["en"]
    index_site(site, {lang: "" if lang == "en" else f"{lang}/" for lang in languages}, "en")


def count_pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html")) - sum(1 for _ in site.rglob("404.html"))


def measure(projects: list[Project], site_root: Path, repeat: int) -> None:
    """Build every project `repeat` times, interleaved: A B C, A B C, ..."""
    for run in range(repeat):
        for project in projects:
            site = site_root / project.name
            elapsed, warnings = build(project.root, site)
            project.times.append(elapsed)
            if run == 0:
                project.pages, project.warnings = count_pages(site), warnings
            shutil.rmtree(site)


def table(projects: list[Project]) -> None:
    width = max(len(p.name) for p in projects)
    for p in projects:
        runs = " ".join(f"{t:6.2f}" for t in p.times)
        per_page = 1000 * p.median / p.pages if p.pages else 0.0
        print(
            f"  {p.name:<{width}}  pages {p.pages:6d}  warnings {p.warnings:3d}  runs [s] {runs}"
            f"  median {p.median:6.2f} s  {per_page:5.1f} ms/page"
        )


# ---------------------------------------------------------------------------------------
# The three comparisons


def part_ab(work: Path, args: argparse.Namespace, do_a: bool, do_b: bool) -> None:
    made: dict[str, Project] = {}
    shape = {"trees": args.trees, "nodes": args.nodes, "articles": args.tree_articles}

    def add(name: str, languages: tuple[str, ...], plugin: bool) -> None:
        made[name] = Project(
            name, make_project(work / name, languages=languages, plugin=plugin, **shape)
        )

    add("project-5lang", LANGUAGES, True)
    if do_a:
        add("baseline-5lang", LANGUAGES, False)
    if do_b:
        add("project-1lang", ("en",), True)
        add("startup-1lang", ("en",), True)  # same config, no trees, one article: fixed cost
        shutil.rmtree(made["startup-1lang"].root)
        made["startup-1lang"].root = make_project(
            work / "startup-1lang", trees=0, nodes=0, articles=1, languages=("en",), plugin=True
        )
    print(
        f"a/b: {args.trees} trees x {args.nodes} nodes, {args.tree_articles} articles;"
        f" {len(made)} sites x {args.repeat} builds, interleaved",
        flush=True,
    )
    print(f"  synthetic project: {check_project(made['project-5lang'].root)}", flush=True)
    projects = list(made.values())
    measure(projects, work / "site", args.repeat)
    table(projects)
    project5 = made["project-5lang"]
    if do_a:
        base = made["baseline-5lang"]
        ratio = project5.median / base.median
        note = (
            ""
            if project5.pages == base.pages
            else f" (page counts differ: {project5.pages} vs {base.pages})"
        )
        print(f"a. generator overhead: {args.trees} trees x {args.nodes} nodes x 5 languages{note}")
        print(
            f"   project / plain-Markdown baseline = {ratio:.2f}x  (goal <= 1.05x: {'met' if ratio <= 1.05 else 'MISSED'})"
        )
    if do_b:
        one, fixed = made["project-1lang"], made["startup-1lang"].median
        ratio = project5.median / one.median
        net = (project5.median - fixed) / (one.median - fixed)
        print(
            f"b. language scaling: 5 languages / 1 language = {ratio:.2f}x  (goal <= 5x: {'met' if ratio <= 5 else 'MISSED'})"
        )
        print(
            f"   without the fixed cost of a 1-page build ({fixed:.2f} s): {net:.2f}x;"
            f" per page: {1000 * project5.median / project5.pages:.1f} vs {1000 * one.median / one.pages:.1f} ms"
        )


def part_c(work: Path, args: argparse.Namespace) -> None:
    LAYOUT["category"] = args.categories
    projects = [
        Project(
            f"articles-{count}",
            make_project(
                work / f"articles-{count}",
                trees=args.growth_trees,
                nodes=args.nodes,
                articles=count,
                languages=LANGUAGES,
                plugin=True,
            ),
        )
        for count in args.growth
    ]
    layout = (
        f"categories of {args.categories}"
        if args.categories
        else "sections of 20 in categories of 200"
    )
    print(
        f"c: {', '.join(map(str, args.growth))} articles x 5 languages ({layout}), {args.growth_trees} trees;"
        f" {len(projects)} sites x {args.repeat} builds, interleaved",
        flush=True,
    )
    print(
        f"  synthetic project ({args.growth[-1]} articles): {check_project(projects[-1].root)}",
        flush=True,
    )
    measure(projects, work / "site", args.repeat)
    table(projects)
    per_page = [1000 * p.median / p.pages for p in projects]
    print(
        f"c. growth ({args.growth_trees} trees each): ms/page "
        + ", ".join(
            f"{count} articles {ms:.1f}" for count, ms in zip(args.growth, per_page, strict=True)
        )
    )
    # The fixed cost (start-up, templates, per-language set-up) flatters large sites in the
    # average, so also the marginal cost: extra time per extra page between two sizes.
    marginal = [
        1000 * (big.median - small.median) / (big.pages - small.pages)
        for small, big in zip(projects, projects[1:], strict=False)
    ]
    steps = [
        f"{a}->{b} articles {ms:.1f}"
        for a, b, ms in zip(args.growth, args.growth[1:], marginal, strict=False)
    ]
    print("   marginal ms/page (extra time / extra pages): " + ", ".join(steps))
    print(f"   largest / smallest ms/page: average {per_page[-1] / per_page[0]:.2f}x", end="")
    print(f", marginal {marginal[-1] / marginal[0]:.2f}x" if len(marginal) > 1 else "", end="")
    print("  (goal: flat, ~1.0x)")


# ---------------------------------------------------------------------------------------
# Profile


PACKAGES = (
    ("generator (the project)", f"{os.sep}generator{os.sep}"),
    ("mkdocs_static_i18n", "mkdocs_static_i18n"),
    ("material", f"{os.sep}material{os.sep}"),
    ("mkdocs", f"{os.sep}mkdocs{os.sep}"),
    ("pymdownx", "pymdownx"),
    ("markdown", f"{os.sep}markdown{os.sep}"),
    ("jinja2", "jinja2"),
    ("pyyaml", f"{os.sep}yaml{os.sep}"),
)


def package_of(path: str | None) -> str:
    for name, marker in PACKAGES:
        if path and marker in path:
            return name
    return "other (stdlib, lunr, ...)"


@dataclass
class Profile:
    total: float = 0.0
    self_time: dict[str, float] = field(default_factory=dict)  # package -> seconds
    own_total: float = 0.0  # under generator/ frames, callees included
    own: dict[str, float] = field(default_factory=dict)  # generator function -> seconds
    hot: dict[str, float] = field(default_factory=dict)  # any function -> self seconds


def inprocess_build(
    root: Path,
    site: Path,
    hook: Callable[[], None] | None = None,
    configured: Callable[[Any], None] | None = None,
) -> float:
    """`mkdocs build` in this process, as `mkdocs serve` rebuilds (config reloaded, imports
    warm), with MkDocs' log quiet; returns its wall time. `hook` runs first, `configured`
    gets the loaded config before the build."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    logger = logging.getLogger("mkdocs")
    level, cwd = logger.level, Path.cwd()
    logger.setLevel(logging.ERROR)
    os.chdir(root)
    try:
        start = time.perf_counter()
        if hook is not None:
            hook()
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(site))
        if configured is not None:
            configured(config)
        mkdocs_build(config)
        return time.perf_counter() - start
    finally:
        os.chdir(cwd)
        logger.setLevel(level)


@dataclass
class Breakdown:
    """Wall time per plugin event handler, exclusive of handlers (and builds) nested in it."""

    total: float = 0.0
    exclusive: dict[str, float] = field(default_factory=dict)
    stack: list[list[float]] = field(default_factory=list)  # [start, time spent in nested]

    def timed(self, key: str, method: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(method)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            self.stack.append([time.perf_counter(), 0.0])
            try:
                return method(*args, **kwargs)
            finally:
                start, nested = self.stack.pop()
                elapsed = time.perf_counter() - start
                self.exclusive[key] = self.exclusive.get(key, 0.0) + elapsed - nested
                if self.stack:
                    self.stack[-1][1] += elapsed

        return wrapper

    def instrument(self, config: Any) -> None:
        for event, methods in config.plugins.events.items():
            for index, method in enumerate(methods):
                owner = getattr(method, "__self__", None)
                name = type(owner).__module__.removesuffix(".plugin") if owner is not None else "?"
                methods[index] = self.timed(f"{name}: {event}", method)


NESTED = "mkdocs core + theme: the other languages' builds"
FIRST = "mkdocs core + theme: the first language's build"


def breakdown_build(root: Path, site: Path) -> Breakdown:
    """A build with every plugin event handler timed (no profiler, so no distortion), and
    static-i18n's search de-duplication timed on its own."""
    import mkdocs_static_i18n.plugin as i18n_plugin  # type: ignore[import-untyped]
    from mkdocs_static_i18n.reconfigure import ExtendedPlugin  # type: ignore[import-untyped]

    result = Breakdown()
    dedupe, nested_build = ExtendedPlugin.reconfigure_search_duplicates, i18n_plugin.build
    ExtendedPlugin.reconfigure_search_duplicates = result.timed(
        "mkdocs_static_i18n: reconfigure_search_duplicates", dedupe
    )
    # static-i18n builds the other languages from its on_post_build: MkDocs' own work in
    # those builds is counted here, not in that handler.
    i18n_plugin.build = result.timed(NESTED, nested_build)
    try:
        result.total = inprocess_build(root, site, configured=result.instrument)
    finally:
        ExtendedPlugin.reconfigure_search_duplicates = dedupe
        i18n_plugin.build = nested_build
    return result


def print_breakdowns(names: list[str], results: list[Breakdown], top: int) -> None:
    """Exclusive time per plugin event; the rest is MkDocs itself (Markdown, templates, nav)."""
    print("time per plugin event handler (exclusive of nested handlers and builds; no profiler):")
    print("  " + " " * 52 + "".join(f"{name:>18}" for name in names))
    for r in results:  # what no handler accounts for: MkDocs building the first language
        r.exclusive[FIRST] = r.total - sum(r.exclusive.values())
    keys = sorted(
        {k for r in results for k in r.exclusive},
        key=lambda k: -max(r.exclusive.get(k, 0.0) for r in results),
    )
    for key in keys[:top]:
        print(f"  {key:<52}" + "".join(f"{r.exclusive.get(key, 0.0):16.2f} s" for r in results))
    print(f"  {'total':<52}" + "".join(f"{r.total:16.2f} s" for r in results))
    own = [sum(v for k, v in r.exclusive.items() if k.startswith("generator")) for r in results]
    print(
        f"  {'of which the helpcenter plugin (generator/)':<52}"
        + "".join(f"{v:16.2f} s" for v in own)
    )


def profile_build(root: Path, site: Path) -> Profile:
    """An in-process `mkdocs build` under pyinstrument: self time per package, and the
    inclusive time of the project's own code (generator/ frames and everything they call,
    counted once, at the outermost generator frame), also per generator function."""
    from pyinstrument import Profiler
    from pyinstrument.frame import Frame

    profiler = Profiler(interval=0.001)
    try:
        inprocess_build(root, site, hook=profiler.start)
    finally:
        profiler.stop()
    result = Profile()
    frame = profiler.last_session.root_frame() if profiler.last_session else None
    if frame is None:
        return result
    result.total = frame.time

    def walk(node: Frame, in_own: bool, own_stack: frozenset[str]) -> None:
        package = package_of(node.file_path)
        children = [child for child in node.children if not child.is_synthetic]
        own_time = node.time - sum(child.time for child in children)
        result.self_time[package] = result.self_time.get(package, 0.0) + own_time
        name = f"{node.function} ({node.file_path_short}:{node.line_no})"
        result.hot[name] = result.hot.get(name, 0.0) + own_time
        is_own = package.startswith("generator")
        if is_own and not in_own:
            result.own_total += node.time
        if is_own and name not in own_stack:
            result.own[name] = result.own.get(name, 0.0) + node.time
            own_stack = own_stack | {name}
        for child in children:
            walk(child, in_own or is_own, own_stack)

    walk(frame, False, frozenset())
    return result


def print_profiles(project: Profile, baseline: Profile, top: int) -> None:
    def share(seconds: float, total: float) -> str:
        return f"{seconds:7.2f} s {100 * seconds / total:5.1f}%" if total else f"{seconds:7.2f} s"

    print("profile (pyinstrument, in-process, one build each; profiling slows calls down):")
    print(
        f"  total                          project {share(project.total, project.total)}"
        f"   baseline {share(baseline.total, baseline.total)}"
    )
    print(
        f"  under generator/ (own code and what it calls): {share(project.own_total, project.total)}"
    )
    print("  self time by package            project            baseline")
    packages = sorted(
        set(project.self_time) | set(baseline.self_time),
        key=lambda k: -project.self_time.get(k, 0.0),
    )
    for package in packages:
        print(
            f"    {package:<28} {share(project.self_time.get(package, 0.0), project.total)}"
            f"  {share(baseline.self_time.get(package, 0.0), baseline.total)}"
        )
    print(f"  top {top} project (generator/) functions by inclusive time:")
    for name, seconds in sorted(project.own.items(), key=lambda item: -item[1])[:top]:
        print(f"    {share(seconds, project.total)}  {name}")
    print(f"  top {top} functions by self time, project build:")
    for name, seconds in sorted(project.hot.items(), key=lambda item: -item[1])[:top]:
        print(f"    {share(seconds, project.total)}  {name}")
    print(f"  top {top} functions by self time, baseline build:")
    for name, seconds in sorted(baseline.hot.items(), key=lambda item: -item[1])[:top]:
        print(f"    {share(seconds, baseline.total)}  {name}")


def profile(work: Path, args: argparse.Namespace) -> None:
    """Where the time goes: per plugin event (no profiler) for the sites of (a) and, with
    --profile-articles, a growth site; then pyinstrument for (a)'s project and baseline."""
    shape: dict[str, Any] = {
        "nodes": args.nodes,
        "articles": args.tree_articles,
        "languages": LANGUAGES,
    }
    warm = make_project(work / "warm-up", trees=1, plugin=True, **shape)
    inprocess_build(warm, work / "warm-up-site")  # imports, caches
    project = make_project(work / "project", trees=args.profile_trees, plugin=True, **shape)
    baseline = make_project(work / "baseline", trees=args.profile_trees, plugin=False, **shape)
    names, results = ["project", "baseline"], []
    for root in (project, baseline):
        results.append(breakdown_build(root, work / f"{root.name}-site"))
    if args.profile_articles:
        growth = make_project(
            work / "growth",
            trees=args.growth_trees,
            nodes=args.nodes,
            articles=args.profile_articles,
            languages=LANGUAGES,
            plugin=True,
        )
        names.append(f"{args.profile_articles} articles")
        results.append(breakdown_build(growth, work / "growth-site"))
    print(
        f"breakdown sites: {args.profile_trees} trees x {args.nodes} nodes x 5 languages"
        + (
            f"; growth site: {args.profile_articles} articles, {args.growth_trees} trees"
            if args.profile_articles
            else ""
        )
    )
    print_breakdowns(names, results, args.top)
    if args.pyinstrument_trees != args.profile_trees:
        project = make_project(
            work / "project-small", trees=args.pyinstrument_trees, plugin=True, **shape
        )
        baseline = make_project(
            work / "baseline-small", trees=args.pyinstrument_trees, plugin=False, **shape
        )
    print(f"pyinstrument sites: {args.pyinstrument_trees} trees x {args.nodes} nodes x 5 languages")
    profiles = [profile_build(root, work / f"{root.name}-profiled") for root in (project, baseline)]
    print_profiles(profiles[0], profiles[1], args.top)


# ---------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sites (also BENCH_QUICK=1)")
    parser.add_argument(
        "--only", default="a,b,c", help="which comparisons: a, b, c (comma-separated)"
    )
    parser.add_argument("--repeat", type=int, default=3, help="builds per site (median; >= 3)")
    parser.add_argument("--trees", type=int, help="trees in (a) and (b); default 200, quick 20")
    parser.add_argument("--nodes", type=int, default=30, help="nodes per tree")
    parser.add_argument(
        "--growth", help="article counts for (c); default 100,500,2000, quick 20,80,200"
    )
    parser.add_argument(
        "--categories",
        type=int,
        default=50,
        help="(c): articles per category (flat); 0: sections of 20 in categories of 200",
    )
    parser.add_argument(
        "--no-search-dedupe",
        action="store_true",
        help="what-if: build with i18n 'reconfigure_search: false'",
    )
    parser.add_argument(
        "--profile", action="store_true", help="profile a project and a baseline build"
    )
    parser.add_argument("--profile-trees", type=int, default=40, help="trees in the profiled sites")
    parser.add_argument(
        "--profile-articles", type=int, default=0, help="also break down a growth site"
    )
    parser.add_argument(
        "--pyinstrument-trees",
        type=int,
        help="trees in the pyinstrument sites (default: --profile-trees)",
    )
    parser.add_argument("--top", type=int, default=20, help="profile entries to print")
    args = parser.parse_args()
    quick = args.quick or os.environ.get("BENCH_QUICK") == "1"
    args.trees = args.trees or (20 if quick else 200)
    args.growth = [
        int(n) for n in (args.growth or ("20,80,200" if quick else "100,500,2000")).split(",")
    ]
    args.pyinstrument_trees = args.pyinstrument_trees or args.profile_trees
    args.tree_articles = 20  # the articles the trees of (a) and (b) link to
    args.growth_trees = 10
    SEARCH_DEDUPE["off"] = args.no_search_dedupe
    parts = {part.strip() for part in args.only.split(",")}
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="hc-bench-") as folder:
        work = Path(folder)
        if parts & {"a", "b"}:
            part_ab(work / "ab", args, "a" in parts, "b" in parts)
        if "c" in parts:
            part_c(work / "c", args)
        if args.profile:
            profile(work / "profile", args)
    print(f"(build_cost.py ran {time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
