"""The driver's own CPU, by phase: what bounds the Spark job when the driver is the bottleneck.

Wall time on a shared machine says little; the CPU a thread spends (``time.thread_time``) is
what a phase costs the driver whatever the load. Phases are timed on the thread that runs them,
so the slice threads' share (unpickling the workers' results) is told apart from the main
thread's (confirming, clustering, storing).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import Any


class CpuClock:
    """Thread CPU seconds summed by phase name (safe to add to from several threads)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._lock = threading.Lock()

    def add(self, phase: str, seconds: float) -> None:
        with self._lock:
            self.seconds[phase] = self.seconds.get(phase, 0.0) + seconds

    @contextmanager
    def phase(self, name: str) -> Iterator[None]:
        started = time.thread_time()
        try:
            yield
        finally:
            self.add(name, time.thread_time() - started)

    def timing(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        """``function``, its CPU added to ``name`` on every call."""
        @wraps(function)
        def timed(*args: Any, **kwargs: Any) -> Any:
            with self.phase(name):
                return function(*args, **kwargs)
        return timed
