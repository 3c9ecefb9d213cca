"""No import cycle in ``src/gongkai`` (issue 12): the graph is built from the source with ``ast``.

Every import counts -- at module level, inside functions, and under ``if TYPE_CHECKING:``. An
import deferred into a function or hidden from the runtime still makes the two modules depend on
each other; deferring it only moves the failure from import time to call time, so it is not a way
out of a cycle. Relative imports are resolved against the importing module's package.

An edge goes to the module actually named: ``from a.b import c`` points at ``a.b.c`` when that is
a module, else at ``a.b``. The parent packages that Python also imports on the way are not edges:
every submodule would otherwise depend on its package's ``__init__`` and back.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from pathlib import Path

import gongkai

SRC = Path(gongkai.__file__).resolve().parent.parent


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve(module: str | None, level: int, importer: str, is_package: bool) -> str:
    if level == 0:
        return module or ""
    base = importer.split(".") if is_package else importer.split(".")[:-1]
    base = base[: len(base) - (level - 1)]
    return ".".join([*base, module] if module else base)


def import_graph(root: Path, package: str = "gongkai") -> dict[str, set[str]]:
    """Module -> the modules of ``package`` it imports, for every ``.py`` file under ``root``."""
    files = {module_name(p, root): p for p in root.rglob("*.py") if p.relative_to(root).parts[0] == package}
    graph: dict[str, set[str]] = {name: set() for name in files}
    for name, path in files.items():
        is_package = path.name == "__init__.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = _resolve(node.module, node.level, name, is_package)
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in files else base for a in node.names]
            for target in targets:
                while target and target not in files:  # `import a.b.c` of a name inside a module
                    target = target.rpartition(".")[0]
                if target and target != name:
                    graph[name].add(target)
    return graph


def cycles(graph: Mapping[str, Iterable[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(start: str) -> None:
        # Iterative, so that a deep graph cannot hit the recursion limit.
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, successors = work[-1]
            for succ in successors:
                if succ not in index:
                    index[succ] = low[succ] = len(index)
                    stack.append(succ)
                    on_stack.add(succ)
                    work.append((succ, iter(sorted(graph[succ]))))
                    break
                if succ in on_stack:
                    low[node] = min(low[node], index[succ])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return sorted(found)


def one_cycle(graph: Mapping[str, Iterable[str]], component: list[str]) -> list[str]:
    """A concrete path a -> b -> ... -> a through the component, for the failure message."""
    members = set(component)
    start = component[0]
    paths = {start: [start]}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for succ in sorted(graph[node]):
            if succ == start:
                return [*paths[node], start]
            if succ in members and succ not in paths:
                paths[succ] = [*paths[node], succ]
                queue.append(succ)
    raise AssertionError(f"{component} is not a cycle")


def test_src_has_no_import_cycle() -> None:
    graph = import_graph(SRC)
    assert len(graph) > 100, "the scan must actually see the modules"
    found = [" -> ".join(one_cycle(graph, c)) + f"   ({len(c)} modules)" for c in cycles(graph)]
    assert found == [], "import cycles in src/gongkai:\n" + "\n".join(found)


def _graph_of(root: Path, files: Mapping[str, str]) -> dict[str, set[str]]:
    """Write ``files`` (path -> source) under ``root`` and return their import graph."""
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return import_graph(root)


def test_the_graph_finds_a_cycle_through_relative_and_deferred_imports(tmp_path: Path) -> None:
    graph = _graph_of(
        tmp_path,
        {
            "gongkai/__init__.py": "",
            "gongkai/web/__init__.py": "",
            "gongkai/web/a.py": "from . import b\n",
            "gongkai/web/b.py": "def f():\n    from gongkai.web.c import thing\n",
            "gongkai/web/c.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .a import X\n",
            "gongkai/web/d.py": "import gongkai.web.a\nfrom ..web import c\n",
        },
    )
    assert graph["gongkai.web.a"] == {"gongkai.web.b"}
    assert graph["gongkai.web.b"] == {"gongkai.web.c"}
    assert graph["gongkai.web.c"] == {"gongkai.web.a"}
    assert graph["gongkai.web.d"] == {"gongkai.web.a", "gongkai.web.c"}
    assert cycles(graph) == [["gongkai.web.a", "gongkai.web.b", "gongkai.web.c"]]
    assert one_cycle(graph, cycles(graph)[0]) == [
        "gongkai.web.a",
        "gongkai.web.b",
        "gongkai.web.c",
        "gongkai.web.a",
    ]


def test_a_package_and_its_submodules_are_not_a_cycle(tmp_path: Path) -> None:
    graph = _graph_of(
        tmp_path,
        {
            "gongkai/__init__.py": "from gongkai.letters import compose\n",
            "gongkai/letters/__init__.py": "from gongkai.letters.compose import compose\n",
            "gongkai/letters/compose.py": "from gongkai.letters import engine\nimport os\n",
            "gongkai/letters/engine.py": "",
        },
    )
    assert graph["gongkai.letters.compose"] == {"gongkai.letters.engine"}
    assert cycles(graph) == []
