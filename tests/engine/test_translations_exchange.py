"""`helpcenter translations export|import`: the exact exchange files of a fixture tree,
every bad exchange file with its exact problem (and nothing written), the round trip."""

from __future__ import annotations

import argparse
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.translations.cli import add_translations_command, cmd_translations

FIXTURES = Path(__file__).parent / "fixtures"
EXPECTED = FIXTURES / "exchange-expected"
REPO = Path(__file__).parents[2]


def run(
    argv: list[str], cwd: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser()
    add_translations_command(parser.add_subparsers(dest="command"))
    monkeypatch.chdir(cwd)
    code = cmd_translations(parser.parse_args(["translations", *argv]), cwd / "locales")
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def project(tmp_path: Path) -> Path:
    target = tmp_path / "project"
    shutil.copytree(FIXTURES / "exchange", target)
    return target


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.suffix == ".yml"
    }


@pytest.mark.parametrize("fmt, name", [("po", "nb.po"), ("xliff", "nb.xlf")])
def test_export_writes_contexts_references_and_fuzzy_flags(
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    fmt: str,
    name: str,
) -> None:
    code, _, err = run(
        ["export", "--language", "nb", "--format", fmt, "--out", "out"],
        project,
        monkeypatch,
        capsys,
    )
    assert code == 0
    assert err == f"wrote out/{name}\n"
    assert (project / "out" / name).read_text(encoding="utf-8") == (EXPECTED / name).read_text(
        encoding="utf-8"
    )


def test_every_language_by_default(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    run(["export", "--out", "out"], project, monkeypatch, capsys)
    assert sorted(p.name for p in (project / "out").iterdir()) == ["id.po", "nb.po"]


def test_an_unknown_language_is_refused(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["export", "--language", "de", "--out", "out"], project, monkeypatch, capsys)
    assert code == 1
    assert err == "helpcenter: 'de' is not one of the site's translations (nb, id)\n"
    assert not (project / "out").exists()


def test_po_files_pass_msgfmt_check(
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    """GNU gettext's own checks (./dev installs Debian's gettext)."""
    run(["export", "--out", "out"], project, monkeypatch, capsys)
    sample = tmp_path / "sample"
    _copy_sample(sample)
    run(["export", "--out", "out"], sample, monkeypatch, capsys)
    files = sorted((project / "out").glob("*.po")) + sorted((sample / "out").glob("*.po"))
    assert len(files) == 6
    for file in files:
        checked = subprocess.run(
            ["msgfmt", "-c", "-o", "/dev/null", str(file)], capture_output=True, text=True
        )
        assert (checked.returncode, checked.stderr) == (0, ""), file


def _copy_sample(target: Path) -> None:
    target.mkdir()
    shutil.copy(REPO / "mkdocs.yml", target)
    for folder in ("decision_trees", "content"):
        shutil.copytree(REPO / folder, target / folder)
    shutil.copytree(REPO / "generator" / "locales", target / "locales")


@pytest.mark.parametrize("fmt", ["po", "xliff"])
def test_export_then_import_leaves_the_sample_byte_identical(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str
) -> None:
    sample = tmp_path / "sample"
    _copy_sample(sample)
    before = snapshot(sample)
    assert run(["export", "--format", fmt, "--out", "out"], sample, monkeypatch, capsys)[0] == 0
    files = sorted(str(p.relative_to(sample)) for p in (sample / "out").iterdir())
    code, out, err = run(["import", *files], sample, monkeypatch, capsys)
    assert (code, out) == (0, "")
    assert err.endswith("0 strings imported, 0 files changed\n")
    assert snapshot(sample) == before


def _edit(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def test_import_writes_text_and_records_reviewed_strings_only(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    po = (EXPECTED / "nb.po").read_text(encoding="utf-8")
    # A missing option, reviewed; a stale title confirmed (fuzzy flag removed); a stale
    # body changed but still fuzzy; a missing body; a missing interface string.
    po = _edit(po, 'msgid "Not yet"\nmsgstr ""', 'msgid "Not yet"\nmsgstr "Ikke ennå"')
    po = _edit(po, '#, fuzzy\nmsgctxt "tree/t/send-back/title"', 'msgctxt "tree/t/send-back/title"')
    po = _edit(po, '"Ta vare på kvitteringen.\\n"', '"Ta godt vare på kvitteringen.\\n"')
    po = _edit(
        po,
        'msgid "Choose **Cancel items** in your order history."\nmsgstr ""',
        'msgid "Choose **Cancel items** in your order history."\n'
        'msgstr "Velg **Cancel items** (avbryt varer) i ordrehistorikken."',
    )
    po = _edit(
        po,
        'msgid "Change your answer to: {question}"\nmsgstr ""',
        'msgid "Change your answer to: {question}"\nmsgstr "Endre svaret ditt på: {question}"',
    )
    (project / "nb.po").write_text(po, encoding="utf-8")
    code, out, err = run(["import", "nb.po"], project, monkeypatch, capsys)
    assert (code, out) == (0, "")
    assert err == (
        "wrote decision_trees/t.nb.yml\nwrote locales/nb.yml\n5 strings imported, 2 files changed\n"
    )
    assert (
        (project / "decision_trees" / "t.nb.yml").read_text(encoding="utf-8")
        == """\
# yaml-language-server: $schema=../schema/translation.schema.json
title: Kan jeg returnere den?
summary: Finn ut om en vare kan sendes tilbake.
nodes:
  shipped:
    # checked by Kari
    question: Er varen sendt?
    options:
      yes-shipped: Den er sendt
      not-shipped: Ikke ennå
  send-back:
    title: Send den tilbake
    body: |
      Be om **refusjon** på retursiden.

      Ta godt vare på kvitteringen.
  cancel:
    title: Avbryt den
    body: Velg **Cancel items** (avbryt varer) i ordrehistorikken.
fingerprints:  # written by `helpcenter accept-translation`; do not edit by hand
  title: "b253bd9250"
  summary: "7cc722dcc6"
  shipped.question: "0c7818a284"
  shipped.options.yes-shipped: "6482006898"
  send-back.title: "94ec6bba98"
  shipped.options.not-shipped: "a9549d7d06"
  cancel.body: "b7633cc608"
"""
    )
    assert (project / "locales" / "nb.yml").read_text(encoding="utf-8") == (
        "# Interface strings in Norwegian Bokmål.\n"
        "restart: Start på nytt\n"
        'change_answer: "Endre svaret ditt på: {question}"\n'
    )


PO_MISTAKES = {
    "unknown-context": (
        ('msgctxt "tree/t/cancel/body"', 'msgctxt "tree/t/cancel/bdy"'),
        "nb.po:71:1: error: there is no string 'tree/t/cancel/bdy' in the project (was the tree, node or answer renamed or removed?); export a fresh file and translate the string there [exchange-unknown-context]",
    ),
    "placeholder": (
        (
            'msgid "Change your answer to: {question}"\nmsgstr ""',
            'msgid "Change your answer to: {question}"\nmsgstr "Endre svaret: {spørsmål}"',
        ),
        "nb.po:83:1: error: the translation lacks the placeholder {question}; keep every {name} of the English exactly as it is (the site fills it in) [exchange-placeholder]",
    ),
    "link-broken": (
        (
            '(https://example.com/orders)."\nmsgstr ""',
            '(https://example.com/orders)."\nmsgstr "Se [ordrehistorikken] (https://example.com/orders)."',
        ),
        "nb.po:34:1: error: a Markdown link is broken near '[ordrehistorikken] ('; write links as [text](target) with nothing between ] and ( [exchange-link]",
    ),
    "link-changed": (
        (
            '(https://example.com/orders)."\nmsgstr ""',
            '(https://example.com/orders)."\nmsgstr "Se [ordrehistorikken](https://example.com/ordre)."',
        ),
        "nb.po:34:1: error: the translation lacks the link to 'https://example.com/orders'; keep every link of the English with the same target: [translated text](target) [exchange-link]",
    ),
    "language-unknown": (
        ('"Language: nb\\n"', '"Language: de\\n"'),
        "nb.po:10:1: error: the file's language 'de' is not one of the site's translations (nb, id); set the right language in its header [exchange-language]",
    ),
    "language-other-file": (
        ('"Language: nb\\n"', '"Language: id\\n"'),
        "nb.po:10:1: error: the file is named nb.po but its header says language 'id'; fix whichever is wrong [exchange-language]",
    ),
    "language-missing": (
        ('"Language: nb\\n"\n', ""),
        "nb.po:1:1: error: the file does not say its language; add the header Language (one of: nb, id) [exchange-language]",
    ),
    "duplicate": (
        ('msgctxt "tree/t/cancel/body"', 'msgctxt "tree/t/title"'),
        "nb.po:71:1: error: 'tree/t/title' is in the file twice (also at line 17); keep only one of them [exchange-syntax]",
    ),
    "malformed": (
        ('msgstr "Den er sendt"', "msgstr Den er sendt"),
        'nb.po:39:1: error: this line is not valid PO: each line is a # comment, a keyword (msgctxt, msgid, msgstr) and a text in "double quotes", or a "quoted" text that continues the line above (a " inside a text is written \\"); fix the line or export a fresh file [exchange-syntax]',
    ),
}


@pytest.mark.parametrize("mistake", sorted(PO_MISTAKES))
def test_a_bad_po_file_is_reported_and_nothing_is_written(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], mistake: str
) -> None:
    (old, new), expected = PO_MISTAKES[mistake]
    po = (EXPECTED / "nb.po").read_text(encoding="utf-8")
    # A good change alongside the bad one: it must not be written either.
    po = _edit(po, 'msgid "Not yet"\nmsgstr ""', 'msgid "Not yet"\nmsgstr "Ikke ennå"')
    (project / "nb.po").write_text(_edit(po, old, new), encoding="utf-8")
    before = snapshot(project)
    code, out, err = run(["import", "nb.po"], project, monkeypatch, capsys)
    assert (code, out) == (1, expected + "\n")
    assert err == "helpcenter: fix the errors above; nothing was written\n"
    assert snapshot(project) == before


XLIFF_MISTAKES = {
    "malformed": (
        ("<source>Has the item shipped?</source>", "<source>Has the item shipped?</sorce>"),
        "nb.xlf:16:40: error: this is not a readable XLIFF file (mismatched tag); export a fresh file with `helpcenter translations export` and copy your translations into it [exchange-syntax]",
    ),
    "unknown-context": (
        ('id="tree/t/summary"', 'id="tree/t/sumary"'),
        "nb.xlf:10:1: error: there is no string 'tree/t/sumary' in the project (was the tree, node or answer renamed or removed?); export a fresh file and translate the string there [exchange-unknown-context]",
    ),
    "language-unknown": (
        ('target-language="nb"', 'target-language="en"'),
        "nb.xlf:3:1: error: the file's language 'en' is not one of the site's translations (nb, id); set the right language in its header [exchange-language]",
    ),
}


@pytest.mark.parametrize("mistake", sorted(XLIFF_MISTAKES))
def test_a_bad_xliff_file_is_reported_and_nothing_is_written(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], mistake: str
) -> None:
    (old, new), expected = XLIFF_MISTAKES[mistake]
    xlf = (EXPECTED / "nb.xlf").read_text(encoding="utf-8")
    (project / "nb.xlf").write_text(_edit(xlf, old, new), encoding="utf-8")
    before = snapshot(project)
    code, out, _ = run(["import", "nb.xlf"], project, monkeypatch, capsys)
    assert (code, out) == (1, expected + "\n")
    assert snapshot(project) == before


def test_an_english_text_changed_since_export_is_imported_as_needing_review(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    po = (EXPECTED / "nb.po").read_text(encoding="utf-8")
    po = _edit(po, 'msgid "Not yet"\nmsgstr ""', 'msgid "Not yet!"\nmsgstr "Ikke ennå"')
    (project / "nb.po").write_text(po, encoding="utf-8")
    code, out, _ = run(["import", "nb.po"], project, monkeypatch, capsys)
    assert (code, out) == (
        0,
        "nb.po:42:1: warning: the English of 'tree/t/shipped/options/not-shipped' changed after this file was exported; the translation is imported as needing review: check it against the new English [exchange-source-changed]\n",
    )
    text = (project / "decision_trees" / "t.nb.yml").read_text(encoding="utf-8")
    assert "      not-shipped: Ikke ennå\n" in text
    assert "shipped.options.not-shipped" not in text  # not recorded as reviewed


def test_the_helpcenter_command_runs_translations(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from generator.cli import main

    monkeypatch.chdir(project)
    assert main(["translations", "status", "--format", "json"]) == 0
    statuses = json.loads(capsys.readouterr().out)
    assert [s["language"] for s in statuses] == ["nb", "id"]
    assert statuses[0]["trees"][0] == {
        "name": "t",
        "state": "missing",
        "counts": {"translated": 4, "stale": 3, "missing": 3},
    }


def test_status_text(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["status"], project, monkeypatch, capsys)
    assert code == 0
    assert out == (
        "nb: strings 5/12 translated, 3 stale, 4 missing; articles 1/2 translated, 0 stale, 1 missing\n"
        "  t: 3 stale, 3 missing\n"
        "  interface: 0 stale, 1 missing\n"
        "  index.md: missing\n"
        "id: strings 0/12 translated, 0 stale, 12 missing; articles 0/2 translated, 0 stale, 2 missing\n"
        "  t: 0 stale, 10 missing\n"
        "  interface: 0 stale, 2 missing\n"
        "  guide.md: missing\n"
        "  index.md: missing\n"
    )


def test_import_creates_a_missing_overlay_file(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    run(["export", "--language", "id", "--out", "."], project, monkeypatch, capsys)
    po = (project / "id.po").read_text(encoding="utf-8")
    po = _edit(
        po,
        'msgid "Can I return it?"\nmsgstr ""',
        'msgid "Can I return it?"\nmsgstr "Bisakah saya mengembalikannya?"',
    )
    po = _edit(
        po,
        '"Keep the receipt.\\n"\nmsgstr ""',
        '"Keep the receipt.\\n"\nmsgstr ""\n"Minta **pengembalian dana** di halaman retur.\\n"\n"\\n"\n"Simpan struknya.\\n"',
    )
    (project / "id.po").write_text(po, encoding="utf-8")
    code, out, _ = run(["import", "id.po"], project, monkeypatch, capsys)
    assert (code, out) == (0, "")
    assert (
        (project / "decision_trees" / "t.id.yml").read_text(encoding="utf-8")
        == """\
# yaml-language-server: $schema=../schema/translation.schema.json
title: Bisakah saya mengembalikannya?
nodes:
  send-back:
    body: |
      Minta **pengembalian dana** di halaman retur.

      Simpan struknya.
fingerprints:  # written by `helpcenter accept-translation`; do not edit by hand
  title: "b253bd9250"
  send-back.body: "2c56f5776d"
"""
    )
    # Exported again, the new strings are translated and reviewed.
    run(["export", "--language", "id", "--out", "again"], project, monkeypatch, capsys)
    again = (project / "again" / "id.po").read_text(encoding="utf-8")
    assert (
        'msgctxt "tree/t/title"\nmsgid "Can I return it?"\nmsgstr "Bisakah saya mengembalikannya?"'
        in again
    )
    assert "fuzzy" not in again.split("msgid", 2)[2]


def test_xliff_import_reads_states(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    xlf = (EXPECTED / "nb.xlf").read_text(encoding="utf-8")
    xlf = _edit(
        xlf,
        '<target state="new"></target>\n        <context-group purpose="location"><context context-type="sourcefile">decision_trees/t.yml</context><context context-type="linenumber">14<',
        '<target state="translated">Ikke ennå &amp; snart</target>\n        <context-group purpose="location"><context context-type="sourcefile">decision_trees/t.yml</context><context context-type="linenumber">14<',
    )
    xlf = _edit(
        xlf,
        '<target state="needs-review-translation">Avbryt den</target>',
        '<target state="needs-review-translation">Avbryt varen</target>',
    )
    (project / "nb.xlf").write_text(xlf, encoding="utf-8")
    code, out, _ = run(["import", "nb.xlf"], project, monkeypatch, capsys)
    assert (code, out) == (0, "")
    text = (project / "decision_trees" / "t.nb.yml").read_text(encoding="utf-8")
    assert "      not-shipped: Ikke ennå & snart\n" in text
    assert '  shipped.options.not-shipped: "a9549d7d06"\n' in text  # reviewed
    assert "    title: Avbryt varen\n" in text
    assert "cancel.title" not in text  # still needs review


def test_import_keeps_windows_line_ends(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    overlay = project / "decision_trees" / "t.nb.yml"
    overlay.write_bytes(overlay.read_bytes().replace(b"\n", b"\r\n"))
    po = (EXPECTED / "nb.po").read_text(encoding="utf-8")
    (project / "nb.po").write_text(
        _edit(po, 'msgid "Not yet"\nmsgstr ""', 'msgid "Not yet"\nmsgstr "Ikke ennå"'),
        encoding="utf-8",
    )
    assert run(["import", "nb.po"], project, monkeypatch, capsys)[:2] == (0, "")
    data = overlay.read_bytes()
    assert b"      not-shipped: Ikke enn\xc3\xa5\r\n" in data
    assert data.count(b"\n") == data.count(b"\r\n")
