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


def files_on_one_turn() -> tuple[int, list[str]]:
    """Project files whose functions run for one piped line, from reading it to the closing scorecard.

    The scenario is loaded and the conversation wired before counting starts (that is set-up,
    not the turn); the reader's weights are loaded by a warm-up line in another conversation.
    """
    import io

    from simulator.engine.session import Session
    from simulator.scenario import catalogue
    from simulator.shell.piped import run_piped
    from simulator.shell.practice import start_practice
    from simulator.shell.render import closing_report

    loaded = catalogue.load()
    roots = tuple(str(ROOT / package) + os.sep for package in PACKAGES)
    visited: dict[str, None] = {}

    def profile(frame, event, arg):  # type: ignore[no-untyped-def]
        filename = frame.f_code.co_filename
        if event == "call" and filename.startswith(roots) and frame.f_code.co_name != "<module>":
            visited.setdefault(os.path.relpath(filename, ROOT))

    warm = start_practice(loaded, Session(loaded.scenario, seed=1), None)
    run_piped(warm.conversation, io.StringIO("hello\n"), lambda _: None, show_meter=True)
    closing_report(warm.session)
    run = start_practice(loaded, Session(loaded.scenario, seed=1), None)
    sys.setprofile(profile)
    try:
        run_piped(
            run.conversation,
            io.StringIO("What would make this hour worthwhile for you?\n"),
            lambda _: None,
            show_meter=True,
        )
        closing_report(run.session)
    finally:
        sys.setprofile(None)
    return len(visited), list(visited)


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
    files, distinct = files_on_one_turn()
    print(f"files one piped turn passes through (line read to scorecard): {files}")
    if "-v" in sys.argv:
        for name in distinct:
            print("  " + name)


if __name__ == "__main__":
    main()
