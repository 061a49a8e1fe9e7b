"""A build that `helpcenter build` started ends without taking its interpreter apart.

At exit, Python collects and frees a build's objects one by one (ten thousand pages,
their navigation, their templates): about 0.9 s, at the end of the longest part, where
it delays the whole build. Once a part's build has succeeded, and its files are written
and its output flushed, nothing is left to do but end. A build run by hand exits as usual.
"""

from __future__ import annotations

import atexit
import os
import sys

from generator.part_check import PART_BUILD


def end_a_finished_part() -> None:
    """From the last on_shutdown handler: end the process at once if this is a part of
    `helpcenter build` whose build succeeded (MkDocs calls on_shutdown from a `finally`,
    so a failed build's exception is still being handled)."""
    if os.environ.get(PART_BUILD) != "1" or sys.exc_info()[0] is not None:
        return
    atexit._run_exitfuncs()  # what exit would run: temporary folders, logging's flush
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)
