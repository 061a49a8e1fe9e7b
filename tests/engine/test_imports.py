"""Every module of the package can be imported first, on its own: an import cycle (the
loader reports with the rules, a rule reads a file with the loader) shows up only when a
program happens to import one side of it first."""

from __future__ import annotations

import importlib
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
