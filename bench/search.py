"""Search as a customer meets it: time from the last key to results, bytes, index cost.

Builds two sites in a temporary folder, each twice (with and without search, interleaved),
and measures whichever search the build has: Pagefind (`pagefind/` in the site) or
Material's lunr search (`search/search_index.json`):

  - the sample site (content/, decision_trees/, mkdocs.yml, overrides/ of the repository);
  - a generated site of 2,000 articles x 5 languages: bench/build_cost.py's project (10
    troubleshooters of 30 steps) with realistic text from bench/search_corpus.py. Its own
    text (a few dozen words per language, each on nearly every page) is the worst case
    for an inverted index and nothing like a real help center; search_corpus.py gives
    each language a vocabulary of 20,000 words (its real words from content/, then
    pseudo-words from their syllables) drawn with a Zipf-like frequency and a topic per
    article, so a typical word is on a few pages and common words on many, in articles
    of 150 to 900 words with 3 to 6 sections. `--uniform-text` measures build_cost's
    text instead (the figures before this corpus).

For each site, in Chromium: 20 queries of 1 to 12 words (taken from the site's own text,
4 per language, each on a page of its language) typed key by key into the search box
(60 ms between keys, a fast typist); the time from the last key to the last change of
the result list (goal: median <= 150 ms, max <= 500 ms on 2 cores); the bytes that
search fetches for a first search (from page load to its results) and for a second one
on the same page (goal <= 150 KB and <= 50 KB at 2,000 articles), as served and as they
would be gzipped; and the share of the build that search adds (goal <= 10%).

    python bench/search.py [--quick] [--articles 2000] [--only sample,generated] [--source DIR]
                           [--work DIR]

`--work DIR` keeps the projects and built sites in DIR and, when run again, measures the
sites already built there (their build times kept in DIR), with the repository's current
assets/search/ copied in and the Pagefind indexes written again by the current
generator/search.py: for trying search options without building 2,000 articles again.

`--source DIR` measures another checkout (e.g. `git archive` of an older commit): its
mkdocs.yml, content/, decision_trees/, overrides/ and generator/ are used.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import html
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO
if "--source" in sys.argv:  # before anything imports generator/
    SOURCE = Path(sys.argv[sys.argv.index("--source") + 1]).resolve()
    os.environ["PYTHONPATH"] = str(SOURCE)
    sys.path.insert(0, str(SOURCE))
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
sys.path.insert(0, str(REPO / "tests" / "site"))

import build_cost  # noqa: E402
import search_corpus  # noqa: E402
from sitekit import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

LANGUAGES = ("en", "id", "vi", "lv", "nb")
KEY_DELAY_MS = 60
QUIET_MS = 1500  # no change in the results for this long: the last query is answered
SEARCH_URL = re.compile(r"/search/|workers/search|/lunr/|/pagefind/|/assets/search/")


@dataclass
class Site:
    name: str
    project: Path
    build_with: list[float] = field(default_factory=list)
    build_without: list[float] = field(default_factory=list)
    index: list[float] = field(default_factory=list)


def without_search(project: Path) -> Path:
    """A copy of `project` whose build has no search at all (the baseline of its cost)."""
    copy = project.parent / (project.name + "-nosearch")
    if not copy.exists():
        shutil.copytree(project, copy)
        yml = copy / "mkdocs.yml"
        text = yml.read_text(encoding="utf-8")
        text = re.sub(r"(?m)^  - search\n", "", text)  # Material's lunr search
        text = re.sub(r"(?m)^(  - helpcenter:\n)", r"\1      search: false\n", text)
        yml.write_text(text, encoding="utf-8")
    return copy


def timed_build(project: Path, site: Path) -> float:
    elapsed, _warnings = build_cost.build(project, site)
    return elapsed


def time_index(site: Path) -> float:
    """The Pagefind step alone, run again on the built site as the plugin runs it: on the
    searchable copies of the pages (made here first, not timed: the build makes them as
    it writes each page)."""
    from generator.search import IndexRuns

    folders = {lang: ("" if lang == "en" else f"{lang}/") for lang in LANGUAGES}
    runs = IndexRuns(site, folders, "en", copies=True)
    for page in site.rglob("*.html"):
        runs.copy(page.relative_to(site).as_posix(), page.read_text(encoding="utf-8"))
    return runs.finish()[1]


def engine(site: Path) -> str:
    if (site / "pagefind").is_dir():
        return "pagefind"
    if (site / "search" / "search_index.json").is_file():
        return "lunr"
    return "none"


def queries(site: Path, count: int, rng: random.Random) -> list[tuple[str, str]]:
    """(language, query): runs of 1 to 12 consecutive words from the text of pages of
    each language."""
    texts: dict[str, list[str]] = {lang: [] for lang in LANGUAGES}
    for page in sorted(site.rglob("index.html")):
        rel = page.relative_to(site).parts
        lang = rel[0] if rel[0] in LANGUAGES else "en"
        if "writers" in rel or (len(rel) == 1 or (lang != "en" and len(rel) == 2)):
            continue
        source = page.read_text(encoding="utf-8")
        if 'class="hc-untranslated-page"' in source:
            continue
        body = source.split('<article class="md-content__inner', 1)[-1].split("</article>", 1)[0]
        body = re.sub(r"<script.*?</script>", " ", body, flags=re.S)
        words = re.findall(r"\w+", html.unescape(re.sub(r"<[^>]+>", " ", body)))
        if len(words) > 30:
            texts[lang].append(" ".join(words))
        if all(len(t) > 40 for t in texts.values()):
            break
    chosen = []
    for number in range(count):
        lang = LANGUAGES[number % len(LANGUAGES)]
        words = rng.choice(texts[lang]).split()
        size = 1 + number % 12
        start = rng.randrange(0, max(1, len(words) - size))
        chosen.append((lang, " ".join(words[start : start + size])))
    return chosen


WATCH_JS = """() => {
  window.__lastKey = 0; window.__lastChange = 0;
  document.addEventListener('keydown', () => { window.__lastKey = performance.now(); }, true);
  const target = document.querySelector('.md-search-result');
  new MutationObserver(() => { window.__lastChange = performance.now(); })
    .observe(target, {subtree: true, childList: true, characterData: true, attributes: true});
}"""


ANSWERED_JS = """q => { const m = document.querySelector('.md-search-result__meta');
  return !m.hasAttribute('data-state') || (m.dataset.state === 'done' && m.dataset.query === q); }"""


def settle(page: object, query: str) -> float:
    """Wait until the results stop changing (and, where the box says which query it shows,
    until it shows this one); the time from the last key to the last change."""
    deadline = time.monotonic() + 120
    page.wait_for_function(ANSWERED_JS, arg=query.strip(), timeout=120_000)  # type: ignore[attr-defined]
    while time.monotonic() < deadline:
        state = page.evaluate(  # type: ignore[attr-defined]
            "() => [window.__lastKey, window.__lastChange, performance.now()]"
        )
        key, change, now = state
        if change > key and now - change > QUIET_MS:
            return float(change - key)
        page.wait_for_timeout(200)  # type: ignore[attr-defined]
    raise SystemExit("the search never showed results within 120 s")


def measure_browser(site: Path, queries_: list[tuple[str, str]]) -> dict[str, list[float]]:
    from playwright.sync_api import sync_playwright

    figures: dict[str, list[float]] = {
        "latency": [],
        "first": [],
        "first_gz": [],
        "second": [],
        "second_gz": [],
    }
    first_kinds: list[dict[str, int]] = []  # per first search: gzipped bytes by kind of file
    with serve(site) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for number, (lang, query) in enumerate(queries_):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            fetched: list[tuple[str, int, int]] = []

            def finished(request: object, fetched: list[tuple[str, int, int]] = fetched) -> None:
                url = request.url  # type: ignore[attr-defined]
                if not SEARCH_URL.search(url):
                    return
                response = request.response()  # type: ignore[attr-defined]
                body = response.body() if response else b""
                fetched.append((url, len(body), len(gzip.compress(body, 6))))

            page.on("requestfinished", finished)
            page.goto(base + ("" if lang == "en" else f"{lang}/"))
            page.wait_for_load_state("networkidle")
            page.evaluate(WATCH_JS)
            page.click("input.md-search__input")
            page.keyboard.type(query, delay=KEY_DELAY_MS)
            figures["latency"].append(settle(page, query))
            page.wait_for_load_state("networkidle")
            first = list(fetched)
            kinds: dict[str, int] = {}
            for url, raw, gz in first:
                kinds[kind_of(url)] = kinds.get(kind_of(url), 0) + min(raw, gz)
            kinds["index chunks (count)"] = sum(1 for url, _, _ in first if "pf_index" in url)
            first_kinds.append(kinds)
            if number < 5:  # a second, different search on the same page
                page.fill("input.md-search__input", "")
                other = (
                    queries_[(number + 5) % len(queries_)][1]
                    if lang == "en"
                    else query.split()[0][:3]
                )
                page.keyboard.type(other, delay=KEY_DELAY_MS)
                settle(page, other)
                page.wait_for_load_state("networkidle")
                second = fetched[len(first) :]
                figures["second"].append(sum(b for _, b, _ in second))
                figures["second_gz"].append(sum(min(b, g) for _, b, g in second))
            figures["first"].append(sum(b for _, b, _ in first))
            figures["first_gz"].append(sum(min(b, g) for _, b, g in first))
            context.close()
        browser.close()
    names = sorted({name for kinds in first_kinds for name in kinds})
    medians = {n: statistics.median(k.get(n, 0) for k in first_kinds) for n in names}
    print(
        "  first search, median by kind (gzipped): "
        + ", ".join(
            f"{n} {v:.0f}" if "count" in n else f"{n} {kb(v)}"
            for n, v in sorted(medians.items(), key=lambda kv: -kv[1])
        )
    )
    return figures


def kind_of(url: str) -> str:
    """What a fetched file is: Pagefind's wasm, index chunk, fragment, metadata, script."""
    name = url.rsplit("/", 1)[-1].split("?", 1)[0]
    if name.startswith("wasm."):
        return "wasm"
    for suffix, kind in (
        ("pf_index", "index chunks"),
        ("pf_fragment", "fragments"),
        ("pf_meta", "metadata"),
    ):
        if name.endswith(suffix):
            return kind
    return name if name.endswith((".js", ".json")) else "other"


def kb(value: float) -> str:
    return f"{value / 1024:.0f} KB"


def report(site: Site, built: Path, figures: dict[str, list[float]]) -> None:
    with_ = statistics.median(site.build_with)
    lat = figures["latency"]
    print(f"{site.name} [{engine(built)}]:", flush=True)
    print(
        f"  last key -> results: median {statistics.median(lat):.0f} ms, max {max(lat):.0f} ms"
        f" ({len(lat)} queries; goal <= 150 / <= 500)"
    )
    print(
        f"  bytes, first search: median {kb(statistics.median(figures['first']))} as served,"
        f" {kb(statistics.median(figures['first_gz']))} gzipped (goal <= 150 KB)"
    )
    if figures["second"]:
        print(
            f"  bytes, second search: median {kb(statistics.median(figures['second']))} as served,"
            f" {kb(statistics.median(figures['second_gz']))} gzipped (goal <= 50 KB)"
        )
    if site.build_without:
        without = statistics.median(site.build_without)
        print(
            f"  build {with_:.1f} s with search, {without:.1f} s without: search adds"
            f" {with_ - without:.1f} s = {100 * (with_ - without) / without:.1f}% (goal <= 10%)"
        )
    if site.index:
        index = statistics.median(site.index)
        # The plugin indexes each language beside the build of the next ones, so "with
        # minus without" above is what search adds; this is the Pagefind step alone,
        # against the build without search (or, without baseline builds, with minus it).
        base = statistics.median(site.build_without) if site.build_without else with_ - index
        print(
            f"  Pagefind indexing alone (run again on the built site): {index:.1f} s ="
            f" {100 * index / base:.1f}% of the build without search",
            flush=True,
        )


def refresh(built: Path) -> None:
    """Bring the repository's current search scripts into an already built site."""
    for source in (SOURCE / "overrides" / "assets" / "search").iterdir():
        shutil.copy2(source, built / "assets" / "search" / source.name)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="200 articles instead of 2,000")
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=1, help="builds of each kind")
    parser.add_argument("--only", default="sample,generated")
    parser.add_argument("--source", default=str(REPO), help="the project checkout to measure")
    parser.add_argument("--no-baseline", action="store_true", help="no builds without search")
    parser.add_argument("--uniform-text", action="store_true", help="build_cost's own text")
    parser.add_argument("--work", help="keep (and reuse) projects and built sites here")
    args = parser.parse_args()
    build_cost.REPO = SOURCE
    if args.quick or "BENCH_QUICK" in os.environ:
        args.articles = 200
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="search-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print("(the machine is shared: other processes may run beside these figures)", flush=True)
    try:
        sites = []
        if "sample" in args.only:
            sample = work / "sample"
            if not sample.exists():
                sample.mkdir()
                for part in ("mkdocs.yml", "content", "decision_trees", "overrides"):
                    source = SOURCE / part
                    (shutil.copytree if source.is_dir() else shutil.copy2)(source, sample / part)
            sites.append(Site("sample site", sample))
        if "generated" in args.only:
            name = f"generated-{args.articles}" + ("-uniform" if args.uniform_text else "")
            project = work / name
            if not project.exists():
                text: contextlib.AbstractContextManager[None] = contextlib.nullcontext()
                if not args.uniform_text:
                    text = search_corpus.use_realistic_text(LANGUAGES)
                with text:
                    build_cost.make_project(
                        project,
                        trees=10,
                        nodes=30,
                        articles=args.articles,
                        languages=LANGUAGES,
                        plugin=True,
                    )
            label = "build_cost's uniform text" if args.uniform_text else "realistic text"
            sites.append(Site(f"{args.articles} articles x 5 languages, {label}", project))
        rng = random.Random(11)
        for site in sites:
            built, bare = work / f"{site.project.name}-site", work / f"{site.project.name}-bare"
            times = work / f"{site.project.name}-times.json"
            if built.exists() and times.exists():  # --work: measure what is built
                site.build_with, site.build_without = json.loads(times.read_text())
                refresh(built)
                if engine(built) == "pagefind":
                    site.index.append(time_index(built))
            else:
                for _ in range(args.repeat):
                    site.build_with.append(timed_build(site.project, built))
                    if not args.no_baseline:
                        site.build_without.append(timed_build(without_search(site.project), bare))
                    if engine(built) == "pagefind":
                        site.index.append(time_index(built))
                times.write_text(json.dumps([site.build_with, site.build_without]))
            print(f"  (load average {load_average()} after building and indexing)", flush=True)
            figures = measure_browser(built, queries(built, 20, rng))
            report(site, built, figures)
            print(f"  (load average {load_average()} after the searches)", flush=True)
    finally:
        if not args.work:
            subprocess.run(["rm", "-rf", str(work)], check=False)


def load_average() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


if __name__ == "__main__":
    main()
