"""The package's layers (docs/architecture.md): the import graph of mtlint has no cycle,
and no module imports from a layer above its own. Every import counts, also one inside
a function: a lazy import is still a dependency. An import under TYPE_CHECKING counts for
the layer order but not for cycles: it names a type for an annotation and never runs
(so the text model and a format that fills it may name each other's types)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "mtlint"

# Bottom to top. A module may import from its own layer and from the layers before it.
LAYERS: tuple[str, ...] = (
    "core", "language", "checks", "lint", "running", "backends", "output", "interfaces",
)
# Folders of data that import nothing of mtlint's at run time.
DATA_FOLDERS = ("data", "schema")


def module_names() -> dict[str, Path]:
    """Every module of the package by dotted name; a package is its __init__.py."""
    modules: dict[str, Path] = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


def _typing_only(tree: ast.Module) -> set[int]:
    """The ids of the import statements under `if TYPE_CHECKING:`."""
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            found.update(id(inner) for child in node.body for inner in ast.walk(child))
    return found


def imports_of(name: str, path: Path, modules: dict[str, Path], *,
               typing: bool = True) -> set[str]:
    """The mtlint modules that `name` imports (with `typing`, also those it imports
    only for annotations). `from mtlint import __version__` names a constant of the
    package root, not a dependency on the API it holds."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = set() if typing else _typing_only(tree)
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[:len(package.split(".")) - node.level + 1]
                origin = ".".join([*base, *([node.module] if node.module else [])])
            else:
                origin = node.module or ""
            for alias in node.names:
                if origin == "mtlint" and alias.name == "__version__":
                    continue
                submodule = f"{origin}.{alias.name}"
                found.add(submodule if submodule in modules else origin)
    return {target for target in found if target in modules and target != name}


def import_graph(*, typing: bool = True) -> dict[str, set[str]]:
    modules = module_names()
    return {name: imports_of(name, path, modules, typing=typing)
            for name, path in modules.items()}


def layer_of(module: str) -> int:
    """0 for the data folders, 1.. for LAYERS, above them the package root (the API)."""
    parts = module.split(".")
    if len(parts) == 1 or parts[1] == "__main__":
        return len(LAYERS) + 1
    if parts[1] in DATA_FOLDERS:
        return 0
    if parts[1] not in LAYERS:
        raise AssertionError(
            f"{module} lies outside the layer folders: move it into one of {LAYERS}")
    return LAYERS.index(parts[1]) + 1


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle through each strongly connected group of modules (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def test_every_module_lies_in_a_layer_folder() -> None:
    for module in import_graph():
        layer_of(module)  # raises for a module outside the layers


def test_no_module_imports_from_a_layer_above_its_own() -> None:
    graph = import_graph()
    upward = sorted(f"{source} -> {target}" for source, targets in graph.items()
                    for target in targets if layer_of(target) > layer_of(source))
    assert upward == [], "imports against the layer order:\n" + "\n".join(upward)


def test_the_import_graph_has_no_cycle() -> None:
    found = cycles(import_graph(typing=False))
    assert found == [], "import cycles:\n" + "\n".join(" <-> ".join(g) for g in found)


def test_every_layer_folder_says_what_it_is_for_and_is_packaged() -> None:
    pyproject = (PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8")
    for layer in LAYERS:
        init = PACKAGE / layer / "__init__.py"
        docstring = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
        assert "import" in docstring, f"{init}: say what the layer is for and may import"
        assert f'"mtlint.{layer}"' in pyproject, f"mtlint.{layer} missing from pyproject"


@pytest.mark.parametrize(("graph", "expected"), [
    ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "b", "c"]]),
    ({"a": {"b"}, "b": set(), "c": {"b"}}, []),
])
def test_cycle_finder_finds_a_cycle_and_only_a_cycle(
        graph: dict[str, set[str]], expected: list[list[str]]) -> None:
    assert cycles(graph) == expected


def test_graph_sees_lazy_and_relative_imports(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("from typing import TYPE_CHECKING\n"
                      "if TYPE_CHECKING:\n    from mtlint.core.document import Document\n"
                      "def f():\n    from mtlint.core import finding\n"
                      "    from . import engine\n", encoding="utf-8")
    modules = module_names()
    assert imports_of("mtlint.lint.m", module, modules) == {
        "mtlint.core.document", "mtlint.core.finding", "mtlint.lint.engine"}
    assert imports_of("mtlint.lint.m", module, modules, typing=False) == {
        "mtlint.core.finding", "mtlint.lint.engine"}
