"""The subpackages form layers: a module imports only from its own package, from lower layers
and from the core modules; never from a higher layer or a sibling of its own layer."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "newsfaq"
CORE = {"models", "errors", "settings", "atomic"}
LAYERS = {
    "ingest": 1,
    "text": 1,
    "audit": 2,
    "ask": 3,
    "explain": 4,
    "render": 4,
    "corpus": 5,
    "web": 6,
    "cli": 7,
}


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, second component) of every ``newsfaq.X`` import in a module, at any depth."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            parts = node.module.split(".")
            if parts[0] == "newsfaq":
                names = [parts[1]] if len(parts) > 1 else [a.name for a in node.names]
                found += [(node.lineno, n) for n in names]
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "newsfaq" and len(parts) > 1:
                    found.append((node.lineno, parts[1]))
    return found


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if p.parent != PACKAGE)


def test_every_subpackage_has_a_layer() -> None:
    subpackages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    assert subpackages == set(LAYERS)


def test_core_modules_import_no_subpackage() -> None:
    for name in CORE:
        for line, target in _imports(PACKAGE / f"{name}.py"):
            assert target in CORE, f"{name}.py:{line} imports newsfaq.{target}"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_point_down(path: Path) -> None:
    own = path.relative_to(PACKAGE).parts[0]
    for line, target in _imports(path):
        if target == own or target in CORE:
            continue
        assert target in LAYERS, f"{path.name}:{line} imports unknown newsfaq.{target}"
        assert LAYERS[target] < LAYERS[own], (
            f"{own}/{path.name}:{line} imports newsfaq.{target}: layer {LAYERS[target]} is not "
            f"below {own}'s layer {LAYERS[own]}"
        )


def test_the_check_catches_an_upward_import(tmp_path: Path) -> None:
    bad = tmp_path / "m.py"
    bad.write_text("def f():\n    from newsfaq.explain.pipeline import explain\n")
    assert _imports(bad) == [(2, "explain")]
