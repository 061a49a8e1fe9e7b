"""`mkdocs serve` for writers: notice a saved file sooner.

MkDocs watches files with watchdog's polling observer every 0.5 s and has no setting for
it, so a save waited 0.25 s on average before the rebuild began. Each poll lists and
stats every watched file; 0.1 s is cheap for a help center of a few thousand files, and
HELPCENTER_POLL_SECONDS sets another interval (e.g. 0.5 for a very large site).
"""

from __future__ import annotations

import os
from typing import Any

ENV_VAR = "HELPCENTER_POLL_SECONDS"
DEFAULT_SECONDS = 0.1


def poll_interval() -> float:
    try:
        seconds = float(os.environ.get(ENV_VAR, DEFAULT_SECONDS))
    except ValueError:
        return DEFAULT_SECONDS
    return seconds if seconds > 0 else DEFAULT_SECONDS


def poll_often(server: Any, seconds: float) -> None:
    """Set the polling interval of `server`'s observer (MkDocs' LiveReloadServer) for
    the folders it watches already and those it will watch."""
    observer = getattr(server, "observer", None)
    if observer is None or not hasattr(observer, "_timeout"):
        return  # another watcher than watchdog's polling observer: leave it
    observer._timeout = seconds  # used for folders watched from now on
    for emitter in observer.emitters:  # and for those watched already
        emitter._timeout = seconds
