"""The package's shape: no import cycle, no private name imported across modules, and
modules, classes and functions small enough to read (the redesign's limits)."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "lib" / "parley"
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)
LIMITS = {"module": 700, "class": 300, "function": 90}


def _name(path: Path) -> str:
    parts = ["parley", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> list[tuple[str, list[str]]]:
    """(module imported, names taken from it) of every import in ``path``, relative ones resolved."""
    package = _name(path) if path.name == "__init__.py" else _name(path).rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
            module = ".".join([*base, node.module] if node.module else base)
            found.append((module, [a.name for a in node.names]))
        elif isinstance(node, ast.Import):
            found.extend((a.name, []) for a in node.names)
    return found


def test_no_module_imports_another_modules_private_names():
    private = [(_name(p), module, name) for p in MODULES for module, names in _imports(p)
               if module.startswith("parley") and module != _name(p) for name in names
               if name.startswith("_") and name != "__version__"]
    assert private == []


def test_no_import_cycle():
    names = {_name(p) for p in MODULES}
    def targets(module: str, taken: list[str]) -> set[str]:
        # ``from . import timexes`` imports the submodule, not the package's other modules
        subs = {f"{module}.{t}" for t in taken if f"{module}.{t}" in names}
        return subs if subs and len(subs) == len(taken) else {module, *subs}

    graph = {_name(p): {t for m, taken in _imports(p) for t in targets(m, taken) if t in names} - {_name(p)}
             for p in MODULES}
    done: set[str] = set()

    def visit(node: str, path: list[str]) -> None:
        if node in path:
            cycle = path[path.index(node):] + [node]
            # a package importing its own submodules is how packages are built, not a cycle
            if not all(b.startswith(a + ".") for a, b in zip(cycle, cycle[1:]) if a in names):
                pytest.fail(" -> ".join(cycle))
            return
        if node in done:
            return
        for nxt in sorted(graph.get(node, ())):
            visit(nxt, [*path, node])
        done.add(node)

    for module in sorted(graph):
        visit(module, [])


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_modules_classes_and_functions_stay_small(path):
    text = path.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= LIMITS["module"]
    too_long = []
    for node in ast.walk(ast.parse(text)):
        kind = "class" if isinstance(node, ast.ClassDef) else "function" if isinstance(
            node, (ast.FunctionDef, ast.AsyncFunctionDef)) else None
        if kind and node.end_lineno - node.lineno + 1 > LIMITS[kind]:
            too_long.append((kind, node.name, node.end_lineno - node.lineno + 1))
    assert too_long == []


def test_no_test_reaches_into_a_modules_private_helpers():
    tests = Path(__file__).resolve().parent
    found = []
    for path in sorted(tests.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        modules = set()  # names bound to parley modules in this test file
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("parley"):
                found += [(path.name, a.name) for a in node.names if a.name.startswith("_")]
                modules |= {a.asname or a.name for a in node.names}
            elif isinstance(node, ast.Import):
                modules |= {a.asname or a.name for a in node.names if a.name.startswith("parley")}
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__") \
                    and isinstance(node.value, ast.Name) and node.value.id in modules:
                found.append((path.name, f"{node.value.id}.{node.attr}"))
    assert found == []
