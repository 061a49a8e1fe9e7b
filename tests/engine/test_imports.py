"""Every module of the package can be imported first, on its own: an import cycle (the
loader reports with the rules, a rule reads a file with the loader) shows up only when a
program happens to import one side of it first."""

from __future__ import annotations

import importlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[2] / "generator"
MODULES = sorted(
    ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__")
    for path in PACKAGE.rglob("*.py")
)


@pytest.fixture
def fresh_package() -> Iterator[None]:
    """Forget the package's modules for one import, then put the originals back, so that
    the other tests keep the classes they already hold."""
    saved = {name: module for name, module in sys.modules.items() if name.startswith("generator")}
    for name in saved:
        del sys.modules[name]
    try:
        yield
    finally:
        for name in [n for n in sys.modules if n.startswith("generator")]:
            del sys.modules[name]
        sys.modules.update(saved)


@pytest.mark.parametrize("module", MODULES)
def test_module_imports_on_its_own(module: str, fresh_package: None) -> None:
    importlib.import_module(module)


# The MkDocs side: the plugin and its helpers. Everything else is the core, which must
# move to another site engine unchanged.
SITE_ENGINE_SIDE = ("generator.plugin", "generator.site")


def on_the_site_engine_side(module: str) -> bool:
    return any(module == side or module.startswith(side + ".") for side in SITE_ENGINE_SIDE)


def test_the_core_does_not_import_mkdocs() -> None:
    core = [m for m in MODULES if not on_the_site_engine_side(m)]
    program = (
        "import importlib, sys\n"
        f"for name in {core!r}: importlib.import_module(name)\n"
        "print(sorted({m.split('.')[0] for m in sys.modules if m.split('.')[0] in "
        "('mkdocs', 'material', 'mkdocs_static_i18n')}))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", program],
        cwd=PACKAGE.parent,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"
    assert "generator.parallel_build" in core and "generator.site_merge" in core
