"""Memory handed back to the system once it is freed, for the long-lived practice process.

glibc's malloc gives a block larger than its mapping threshold (128 KiB at first) pages of its
own, returned when the block is freed; but each time such a block is freed it raises the
threshold to that block's size (up to 32 MiB). Loading the reader frees a run of temporaries of
a few MiB each, so later ones land in the heap instead, and the heap keeps their pages: measured
while `coach practice` loaded the reader, 12 MiB more at the peak and 13 MiB more for the rest of
the conversation. Fixing the threshold where it starts keeps every large block returnable. A
practice turn allocates no large blocks, so nothing it does is slower for it.

Elsewhere (macOS, Windows, another C library) there is no such call, and nothing is done.
"""

from __future__ import annotations

import sys

_M_MMAP_THRESHOLD = -3  # mallopt's parameter number in glibc's malloc.h
_THRESHOLD = 128 * 1024  # glibc's own starting value


def keep_large_blocks_returnable() -> bool:
    """Fix glibc's mapping threshold at its starting value; True when the C library accepted it."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    return bool(mallopt(_M_MMAP_THRESHOLD, _THRESHOLD))
