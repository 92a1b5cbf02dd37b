"""Where independent tasks run: the mapper protocol shared by the local path and a dask cluster.

A kernel that splits its work into independent tasks (windows of a raster, chunks of
permutations, blocks of features) does not run them itself; it hands them to a *mapper*::

    results = mapper.map(func, items, shared, progress)

``func(item, **shared)`` must be a module-level function (so a cluster can pickle it), ``items``
a list of small task descriptions and ``shared`` the large read-only inputs every task needs
(values, weights), which a cluster sends to each worker once. Results come back **in the order
of** ``items`` whatever order the tasks finish in, so reductions done by the caller are the same
on every mapper: the local path and a cluster give bit-identical results as long as the tasks are
the same. ``task_elements`` tells the kernel how much work one task should carry (0: the
kernel's natural block); kernels must make their results independent of it.

:class:`LocalMapper` runs the tasks in this process, on threads (numpy, scipy and GDAL release
Python's lock in their loops). The dask mapper lives in ``minemonitor_plugin.engine.cluster``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Protocol

from .errors import CancelledError

Progress = Callable[[float], bool] | None

#: Threads the local path computes on by default (the machines this targets have 2+ cores).
DEFAULT_THREADS = 2


class Mapper(Protocol):
    """Runs ``func(item, **shared)`` for every item; results in item order."""

    task_elements: int

    def map(self, func: Callable[..., Any], items: Sequence[Any], shared: dict | None = None,
            progress: Progress = None) -> list: ...


class LocalMapper:
    """Run tasks in this process, serially (``threads=1``) or on a small thread pool.

    ``progress(fraction) -> bool`` is called after every finished task (in order); False cancels:
    the remaining tasks are not started and :class:`CancelledError` is raised.
    """

    task_elements = 0

    def __init__(self, threads: int = DEFAULT_THREADS) -> None:
        self.threads = max(1, int(threads))

    def map(self, func: Callable[..., Any], items: Sequence[Any], shared: dict | None = None,
            progress: Progress = None) -> list:
        shared = shared or {}
        items = list(items)
        total = len(items)
        out: list = []

        def report(done: int) -> None:
            if progress is not None and progress(done / total if total else 1.0) is False:
                raise CancelledError()

        if self.threads == 1 or total < 2:
            for item in items:
                out.append(func(item, **shared))
                report(len(out))
            return out
        pool = ThreadPoolExecutor(max_workers=self.threads, thread_name_prefix="minemonitor-task")
        try:
            # at most 2 x threads tasks in flight: memory stays bounded by the task size
            pending = []
            queue = iter(items)
            for item in queue:
                pending.append(pool.submit(func, item, **shared))
                if len(pending) >= 2 * self.threads:
                    break
            while pending:
                out.append(pending.pop(0).result())
                report(len(out))
                nxt = next(queue, _END)
                if nxt is not _END:
                    pending.append(pool.submit(func, nxt, **shared))
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
        return out


_END = object()
