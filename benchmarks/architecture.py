"""How the code is put together: import depth, import cycles, and the files one turn passes through.

    python benchmarks/architecture.py

Static figures come from the import statements of `simulator` and `scoring` (every import,
including those inside functions), read as `tests/test_architecture.py` reads them. The dynamic figure runs one piped practice line through
`coach practice` to the closing scorecard and counts the project files whose functions were
called (what a newcomer opens to follow one turn) and how often the path went back to a
file it had already left.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# The same import graph the architecture test checks.
from tests.test_architecture import PACKAGES, cycles, import_graph  # noqa: E402


def longest_chain(graph: dict[str, set[str]]) -> list[str]:
    """The longest import chain with no module repeated (cycles are cut where they close)."""
    best: dict[str, list[str]] = {}

    def chain(node: str, seen: frozenset[str]) -> list[str]:
        if node in best and not (set(best[node]) & seen):
            return best[node]
        longest: list[str] = []
        for nxt in sorted(graph[node]):
            if nxt not in seen:
                candidate = chain(nxt, seen | {nxt})
                if len(candidate) > len(longest):
                    longest = candidate
        result = [node, *longest]
        best[node] = result
        return result

    return max((chain(node, frozenset({node})) for node in sorted(graph)), key=len)


def files_on_one_turn() -> tuple[int, int, list[str]]:
    """Project files whose functions run for one piped line and its scorecard, and the returns to a file."""
    from click.testing import CliRunner

    try:
        from simulator.shell.cli import main
    except ImportError:  # the layout before the subpackages
        from simulator.shell.cli import main  # type: ignore[no-redef]

    roots = tuple(str(ROOT / package) + os.sep for package in PACKAGES)
    visited: list[str] = []

    def profile(frame, event, arg):  # type: ignore[no-untyped-def]
        if event != "call":
            return
        filename = frame.f_code.co_filename
        if filename.startswith(roots) and frame.f_code.co_name != "<module>":
            relative = os.path.relpath(filename, ROOT)
            if not visited or visited[-1] != relative:
                visited.append(relative)

    with tempfile.TemporaryDirectory() as folder:
        runner = CliRunner()
        warm = ["practice", "--seed", "1", "--transcript", str(Path(folder) / "warm.jsonl")]
        runner.invoke(main, warm, input="hello\n")  # imports and compiled patterns, not counted
        args = ["practice", "--seed", "1", "--transcript", str(Path(folder) / "t.jsonl")]
        visited.clear()
        sys.setprofile(profile)
        try:
            result = runner.invoke(main, args, input="What would make this hour worthwhile for you?\n")
        finally:
            sys.setprofile(None)
        if result.exit_code != 0:
            raise SystemExit(f"the piped turn failed: {result.output}{result.exception!r}")
    distinct = list(dict.fromkeys(visited))
    returns = len(visited) - len(distinct)
    return len(distinct), returns, distinct


def main() -> None:
    graph = import_graph()
    chain = longest_chain(graph)
    groups = cycles(graph)
    print(f"modules: {len(graph)}")
    print(f"import depth (longest chain): {len(chain)}")
    print("  " + " -> ".join(chain))
    print(f"import cycles: {len(groups)}")
    for group in groups:
        print("  " + ", ".join(group))
    files, returns, distinct = files_on_one_turn()
    print(f"files one piped turn passes through (key press to scorecard): {files}")
    print(f"returns to a file already left: {returns}")
    if "-v" in sys.argv:
        for name in distinct:
            print("  " + name)


if __name__ == "__main__":
    main()
