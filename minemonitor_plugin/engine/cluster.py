"""The client side of a dask cluster: connect, check the workers, run tasks with progress and cancel.

QGIS never starts worker processes: the scheduler and workers are started outside (``dask
scheduler`` / ``dask worker``, dask-jobqueue on HPC, a cloud deployment) and the algorithms are
given its address (``tcp://host:8786``). :class:`Cluster` then

1. connects (a clear error naming the address when nothing answers in ``timeout`` seconds);
2. refuses workers running another MineMonitor version than this client
   (:func:`.version.core_version` on every worker), or none at all;
3. checks that every worker can open the raster inputs and write into the output folder
   (the error names the input and the worker);
4. runs tasks through :class:`DaskMapper` (the :mod:`..core.parallel` protocol): large shared
   inputs are sent to every worker once, tasks are submitted with retries, results come back in
   item order; progress follows the finished tasks, a cancel cancels every future, a task that
   fails stops the run with its error, and the tasks of a worker that dies are recomputed by dask
   on the others (tasks are pure: a tile written twice is the same tile).

dask and distributed are optional: :func:`missing_packages` names what is not installed; nothing
here imports them at module import.
"""

from __future__ import annotations

import importlib.util
import os
import uuid
from collections.abc import Callable, Sequence
from typing import Any

from ..core.errors import CancelledError, InvalidInputError, MineMonitorError
from .version import core_version

#: Modules the cluster path needs (pip names are the same).
PACKAGES = ("dask", "distributed")
#: Pinned versions the installer offers (the versions the tests run with).
PINNED = ("dask==2026.8.0", "distributed==2026.8.0")
#: Seconds to wait for a scheduler before giving up.
CONNECT_TIMEOUT = 10.0
#: Work (elements) one statistics task carries on a cluster: large enough that a task takes a
#: good fraction of a second (the scheduler costs about a millisecond per task).
TASK_ELEMENTS = 1 << 26


class ClusterError(InvalidInputError):
    """The cluster cannot run the job (unreachable, wrong version, cannot see an input ...)."""


def missing_packages() -> list[str]:
    """The modules of :data:`PACKAGES` that cannot be imported."""
    return [m for m in PACKAGES if importlib.util.find_spec(m) is None]


def normalise_address(text: str) -> str:
    """``host:port`` -> ``tcp://host:port``; other schemes (tls://, ws://, inproc://) as given."""
    text = (text or "").strip()
    if text and "://" not in text:
        text = "tcp://" + text
    return text


# --------------------------------------------------------------------------------------------
# functions the workers run (module level: picklable by reference)
# --------------------------------------------------------------------------------------------
def worker_version() -> str:
    """The MineMonitor version this worker runs."""
    return core_version()


def worker_check(readable: Sequence[tuple[str, str]], writable: Sequence[str]) -> list[tuple[str, str, str]]:
    """``(kind, label, path)`` of every input this worker cannot open (``"read"``) and every
    folder it cannot write into (``"write"``)."""
    from osgeo import gdal

    problems = []
    for label, path in readable:
        ds = gdal.OpenEx(path, gdal.OF_RASTER | gdal.OF_READONLY)
        if ds is None:
            problems.append(("read", label, path))
    for folder in writable:
        probe = os.path.join(folder, f".minemonitor-probe-{uuid.uuid4().hex[:8]}")
        try:
            with open(probe, "w", encoding="utf-8") as handle:
                handle.write("ok")
            os.remove(probe)
        except OSError:
            problems.append(("write", folder, folder))
    return problems


# --------------------------------------------------------------------------------------------
# client
# --------------------------------------------------------------------------------------------
class Cluster:
    """A connection to a dask scheduler, checked for use by MineMonitor (a context manager)."""

    def __init__(self, address: str, timeout: float = CONNECT_TIMEOUT) -> None:
        missing = missing_packages()
        if missing:
            raise ClusterError("Running on a dask cluster needs the Python packages {packages}.",
                               packages=", ".join(missing))
        from distributed import Client

        self.address = normalise_address(address)
        try:
            self.client = Client(self.address, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as err:
            raise ClusterError("Cannot reach the dask scheduler at {address}: {error}", address=self.address,
                               error=f"{type(err).__name__}: {err}") from None

    def __enter__(self) -> Cluster:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        client, self.client = getattr(self, "client", None), None
        if client is not None:
            client.close(timeout=10)

    def workers(self) -> list[str]:
        """Addresses of the workers connected now."""
        return sorted(self.client.scheduler_info(n_workers=-1)["workers"]) if self.client else []

    def check_versions(self, expected: str | None = None) -> dict[str, str]:
        """Every worker's version; refuse none, or one that differs from ``expected`` (ours)."""
        expected = expected or core_version()
        if not self.workers():
            raise ClusterError("The dask scheduler at {address} has no worker.", address=self.address)
        try:
            versions = self.client.run(worker_version)
        except Exception as err:  # a worker without minemonitor-core cannot unpickle the function
            raise ClusterError(
                "The dask workers at {address} cannot run MineMonitor ({error}); install minemonitor-core "
                "{version} on them.", address=self.address, error=f"{type(err).__name__}: {err}",
                version=expected) from None
        for worker, version in sorted(versions.items()):
            if version != expected:
                raise ClusterError(
                    "The dask worker {worker} runs MineMonitor {found}, this plugin is {expected}; install "
                    "minemonitor-core {expected} on the workers.", worker=worker, found=version, expected=expected)
        return versions

    def check_paths(self, readable: Sequence[tuple[str, str]] = (), writable: Sequence[str] = ()) -> None:
        """Refuse inputs (``(label, path)``) a worker cannot open and folders it cannot write into."""
        if not readable and not writable:
            return
        results = self.client.run(worker_check, list(readable), list(writable))
        for worker, problems in sorted(results.items()):
            for kind, label, path in problems:
                if kind == "read":
                    raise ClusterError(
                        "The dask worker {worker} cannot open the input {layer} ({path}); put it on storage "
                        "every worker sees under the same path (or a URL GDAL reads, /vsicurl/...).",
                        worker=worker, layer=label, path=path)
                raise ClusterError(
                    "The dask worker {worker} cannot write into {path}; choose an output folder every worker "
                    "sees under the same path.", worker=worker, path=path)

    def mapper(self, is_cancelled: Callable[[], bool] | None = None, retries: int = 2,
               task_elements: int = TASK_ELEMENTS) -> DaskMapper:
        return DaskMapper(self.client, is_cancelled, retries, task_elements)


def _is_large(value: Any) -> bool:
    import numpy as np

    if isinstance(value, np.ndarray):
        return value.nbytes > 64 * 1024
    if hasattr(value, "nnz"):  # scipy sparse
        return True
    if isinstance(value, (list, tuple)):
        return len(value) > 1000
    # task settings (footprint geometries, grading tables ...): sent once, not with every task
    return hasattr(value, "__dataclass_fields__")


class DaskMapper:
    """:mod:`..core.parallel` mapper on a dask cluster (results in item order).

    Large shared values are scattered to every worker once (``broadcast``); each item is a task
    submitted with ``retries``. ``is_cancelled()`` is polled twenty times a second: when it
    turns True every future is cancelled and :class:`CancelledError` raised.
    """

    def __init__(self, client, is_cancelled: Callable[[], bool] | None = None, retries: int = 2,
                 task_elements: int = TASK_ELEMENTS) -> None:
        self.client = client
        self.is_cancelled = is_cancelled or (lambda: False)
        self.retries = retries
        self.task_elements = task_elements

    def map(self, func: Callable[..., Any], items: Sequence[Any], shared: dict | None = None,
            progress: Callable[[float], bool] | None = None) -> list:
        import time

        from distributed import as_completed

        items = list(items)
        if not items:
            return []
        shared = dict(shared or {})
        run = uuid.uuid4().hex[:12]
        # a dict scatters each value whole (a list would be scattered item by item), under run keys
        large = {f"minemonitor-shared-{k}-{run}": v for k, v in shared.items() if _is_large(v)}
        futures_by_key = self.client.scatter(large, broadcast=True) if large else {}
        scattered = {k: futures_by_key[f"minemonitor-shared-{k}-{run}"] for k in shared if _is_large(shared[k])}
        kwargs = {**shared, **scattered}
        name = getattr(func, "__name__", "task")
        futures = [
            self.client.submit(func, item, **kwargs, key=f"minemonitor-{name}-{run}-{i}", pure=False,
                               retries=self.retries)
            for i, item in enumerate(items)
        ]
        position = {f.key: i for i, f in enumerate(futures)}
        results: list = [None] * len(items)
        done = 0
        completed = as_completed(futures, loop=self.client.loop)
        try:
            while done < len(futures):
                if self.is_cancelled():
                    raise CancelledError()
                if not completed.has_ready():
                    time.sleep(0.05)
                    continue
                for fut in completed.next_batch(block=False):
                    if fut.status in ("error", "cancelled"):
                        self._raise(fut)
                    if fut.status != "finished":
                        # "lost": the worker holding the result died; the scheduler recomputes it
                        completed.add(fut)
                        continue
                    try:
                        results[position[fut.key]] = fut.result(timeout=60)
                    except (TimeoutError, OSError):  # lost while being fetched: wait for its recomputation
                        completed.add(fut)
                        continue
                    done += 1
                if progress is not None and progress(done / len(items)) is False:
                    raise CancelledError()
        except BaseException:
            self.client.cancel(futures, force=True)
            raise
        finally:
            for f in list(scattered.values()):
                f.release()
            for f in futures:
                f.release()
        return results

    @staticmethod
    def _raise(fut) -> None:
        if fut.status == "cancelled":
            raise CancelledError()
        err = fut.exception()
        if isinstance(err, MineMonitorError):
            raise err
        raise ClusterError("A task failed on the dask cluster: {error}", error=f"{type(err).__name__}: {err}")
