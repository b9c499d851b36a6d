"""The engine's modules import one way (fields → model → readers → loader → generators → wiring).

A cycle hidden by an import inside a function is still a cycle: both are refused here.
"""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

KB = Path(__file__).resolve().parent.parent / "hooks" / "kb"


def _kb_imports(tree: ast.Module) -> set[str]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                found.add(node.module.split(".")[0])
            else:
                found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("kb."):
            found.add(node.module.split(".")[1])
    return found


def _trees() -> dict[str, ast.Module]:
    return {path.stem: ast.parse(path.read_text(encoding="utf-8")) for path in sorted(KB.glob("*.py"))}


def test_no_module_imports_inside_a_function():
    hidden = []
    for name, tree in _trees().items():
        for func in ast.walk(tree):
            if isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
                hidden += [f"{name}.{func.name}:{n.lineno}" for n in ast.walk(func) if isinstance(n, (ast.Import, ast.ImportFrom))]
    assert hidden == []


def test_the_engine_has_no_import_cycle():
    graph = {name: _kb_imports(tree) - {name} for name, tree in _trees().items()}
    try:
        order = list(TopologicalSorter(graph).static_order())
    except CycleError as exc:  # pragma: no cover - the message is the point
        raise AssertionError(f"import cycle: {' → '.join(exc.args[1])}") from None
    # the layers the house style names: shared pieces sit below the modules that use them
    assert order.index("fields") < order.index("citations") < order.index("loader") < order.index("pages")
    assert order.index("labels") < order.index("citation_pages") < order.index("pages")
