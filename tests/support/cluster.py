"""A dask scheduler and workers on the loopback interface, started and stopped by the tests.

As a user would start them (``dask scheduler`` / ``dask worker``), as separate processes of the venv's
Python, never from inside the QGIS process (forking or spawning from a process running QGIS is what the
plugin avoids too). Every process listens on 127.0.0.1 only, has no dashboard, and is stopped at the end
(terminate, then kill after a few seconds). Workers import the plugin copy given in ``pythonpath``.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STARTUP_TIMEOUT = 60.0


class LoopbackCluster:
    """``LoopbackCluster(workers=2, pythonpath=[...])``: ``.address``, ``.kill_worker(i)``, ``.close()``."""

    def __init__(self, workers: int = 2, pythonpath: list[str] | None = None, env: dict | None = None,
                 memory_limit: str = "2GiB") -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="minemonitor-dask-"))
        self.env = dict(os.environ if env is None else env)
        paths = [str(p) for p in (pythonpath or [])]
        if paths:
            self.env["PYTHONPATH"] = os.pathsep.join([*paths, self.env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
        self.env.setdefault("DASK_DISTRIBUTED__WORKER__DAEMON", "False")
        self.processes: list[subprocess.Popen] = []
        self.workers: list[subprocess.Popen] = []
        scheduler_file = self.folder / "scheduler.json"
        self.scheduler = self._start([sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1",
                                      "--port", "0", "--no-dashboard", "--scheduler-file", str(scheduler_file)],
                                     "scheduler")
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while not scheduler_file.exists():
            self._check_alive(self.scheduler, "scheduler")
            if time.monotonic() > deadline:
                self.close()
                raise RuntimeError("the dask scheduler did not start")
            time.sleep(0.1)
        time.sleep(0.2)
        self.address = json.loads(scheduler_file.read_text())["address"]
        for i in range(workers):
            self.add_worker(memory_limit, name=f"w{i}")
        self.wait_for_workers(workers)

    def _start(self, cmd: list[str], name: str) -> subprocess.Popen:
        log = open(self.folder / f"{name}.log", "w")  # noqa: SIM115 - closed with the process
        proc = subprocess.Popen(cmd, env=self.env, stdout=log, stderr=subprocess.STDOUT, cwd=self.folder,
                                start_new_session=True)
        proc._log = log  # type: ignore[attr-defined]
        self.processes.append(proc)
        return proc

    def _check_alive(self, proc: subprocess.Popen, name: str) -> None:
        if proc.poll() is not None:
            log = (self.folder / f"{name}.log").read_text()[-3000:]
            raise RuntimeError(f"dask {name} exited ({proc.returncode}):\n{log}")

    def add_worker(self, memory_limit: str = "2GiB", name: str = "extra") -> subprocess.Popen:
        proc = self._start([sys.executable, "-m", "distributed.cli.dask_worker", self.address, "--host", "127.0.0.1",
                            "--nworkers", "1", "--nthreads", "1", "--no-dashboard", "--no-nanny",
                            "--memory-limit", memory_limit, "--name", name, "--death-timeout", "60"], name)
        self.workers.append(proc)
        return proc

    def wait_for_workers(self, n: int) -> None:
        from distributed import Client

        with Client(self.address, timeout=30, set_as_default=False) as client:
            client.wait_for_workers(n, timeout=STARTUP_TIMEOUT)

    def kill_worker(self, i: int) -> None:
        """Kill worker ``i`` at once (SIGKILL): a lost machine, not a clean shutdown."""
        proc = self.workers[i]
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)

    def close(self) -> None:
        for proc in reversed(self.processes):
            if proc.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGTERM)
        for proc in self.processes:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=10)
            proc._log.close()  # type: ignore[attr-defined]

    def __enter__(self) -> LoopbackCluster:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
