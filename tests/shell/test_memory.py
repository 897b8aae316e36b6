"""The practice process hands freed large blocks back to the system (`simulator.shell.memory`)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from simulator.shell.memory import keep_large_blocks_returnable

# In a fresh process: free one 4 MiB block (glibc then raises its mapping threshold to 4 MiB),
# make 64 blocks of 1 MiB, each followed by a small survivor, free the large ones, and print how
# many MiB the process still holds beyond where it started.
_HELD_AFTER_FREEING = textwrap.dedent(
    """
    import sys
    from simulator.shell.memory import keep_large_blocks_returnable
    if sys.argv[1] == "returnable":
        assert keep_large_blocks_returnable()
    def resident_mib():
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    first = bytes(4 << 20)
    del first
    start = resident_mib()
    large, survivors = [], []
    for _ in range(64):
        large.append(bytearray(1 << 20))
        survivors.append(bytearray(1000))
    large.clear()
    print(resident_mib() - start)
    """
)


def held_after_freeing(mode: str) -> float:
    done = subprocess.run(
        [sys.executable, "-c", _HELD_AFTER_FREEING, mode], capture_output=True, text=True, check=True
    )
    return float(done.stdout)


@pytest.mark.skipif(not keep_large_blocks_returnable(), reason="glibc's malloc only")
def test_freed_large_blocks_go_back_to_the_system_even_after_a_larger_one_was_freed() -> None:
    assert held_after_freeing("as is") > 32  # glibc's own behaviour, which the call is there to change
    assert held_after_freeing("returnable") < 8


def test_elsewhere_the_call_does_nothing_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    assert keep_large_blocks_returnable() is False
