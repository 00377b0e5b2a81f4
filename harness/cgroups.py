"""A memory cgroup per jailed run (no Inspect import).

:class:`MemoryCgroups` gives each run a memory cgroup of its own, nested in the
evaluator's cgroup: cgroup v1 (``/sys/fs/cgroup/memory``) or v2 (``/sys/fs/cgroup`` with
the memory controller delegated; ``SYMBENCH_SANDBOX_CGROUP`` names another parent). The
run joins it before anything of it executes (see :func:`join_prefix`), so every process
it starts is counted together and the kernel's OOM killer picks a victim inside the run,
never the evaluator. Where no memory cgroup can be used the jail still runs, with the
per-process limits only, and says so once.
"""

from __future__ import annotations

import itertools
import os
import signal
import time
from pathlib import Path

#: a cgroup (v2 directory or v1 memory directory) to create run cgroups under, instead of our own
CGROUP_PARENT_ENV = "SYMBENCH_SANDBOX_CGROUP"
_CGROUP_ROOT = Path("/sys/fs/cgroup")


def _own_cgroup(version: int, proc_cgroup: str) -> str | None:
    """Our cgroup path for the memory controller (v1) or the unified hierarchy (v2)."""
    for line in proc_cgroup.splitlines():
        hid, controllers, path = (line.split(":", 2) + ["", ""])[:3]
        if version == 2 and hid == "0" and controllers == "":
            return path
        if version == 1 and "memory" in controllers.split(","):
            return path
    return None


class MemoryCgroups:
    """Creates, watches and removes one memory cgroup per run."""

    def __init__(self, root: Path = _CGROUP_ROOT, proc_cgroup: str | None = None) -> None:
        self.root = root
        self.parent: Path | None = None
        self.version = 0
        self.problem = ""
        self._counter = itertools.count()
        self._leftovers: list[Path] = []
        self._probe(proc_cgroup)

    # -------------------------------------------------------------- discovery
    def _probe(self, proc_cgroup: str | None) -> None:
        if proc_cgroup is None:
            try:
                proc_cgroup = Path("/proc/self/cgroup").read_text()
            except OSError:
                proc_cgroup = ""
        override = os.environ.get(CGROUP_PARENT_ENV)
        v1 = self.root / "memory"
        if (v1 / "cgroup.procs").exists() or (override and (Path(override) / "memory.limit_in_bytes").exists()):
            own = _own_cgroup(1, proc_cgroup)
            parent = Path(override) if override else v1 / (own or "/").lstrip("/")
            self._accept(parent, 1, "memory.limit_in_bytes")
        elif (self.root / "cgroup.controllers").exists() or override:
            own = _own_cgroup(2, proc_cgroup)
            parent = Path(override) if override else self.root / (own or "/").lstrip("/")
            if self._delegate_v2(parent):
                self._accept(parent, 2, "cgroup.subtree_control")
        else:
            self.problem = f"no cgroup file system at {self.root}"

    def _delegate_v2(self, parent: Path) -> bool:
        try:
            if "memory" not in (parent / "cgroup.controllers").read_text().split():
                self.problem = f"the memory controller is not available in {parent}"
                return False
            if "memory" not in (parent / "cgroup.subtree_control").read_text().split():
                (parent / "cgroup.subtree_control").write_text("+memory")
            return True
        except OSError as exc:
            self.problem = (
                f"cannot enable the memory controller for children of {parent} ({exc.strerror}); "
                f"set {CGROUP_PARENT_ENV} to a delegated cgroup without processes of its own"
            )
            return False

    def _accept(self, parent: Path, version: int, marker: str) -> None:
        if not (parent / marker).exists():
            self.problem = f"{parent} is not a memory cgroup"
        elif not os.access(parent, os.W_OK):
            self.problem = f"{parent} is not writable"
        else:
            self.parent, self.version = parent, version

    @property
    def available(self) -> bool:
        return self.parent is not None

    # -------------------------------------------------------------- per run
    def create(self, limit_bytes: int) -> Path:
        """A fresh cgroup capped at ``limit_bytes`` (raises OSError if the kernel refuses)."""
        if self.parent is None:
            raise RuntimeError(f"no memory cgroup to create runs under: {self.problem}")
        self._retry_leftovers()
        path = self.parent / f"symbench-{os.getpid()}-{next(self._counter)}"
        path.mkdir()
        try:
            if self.version == 1:
                (path / "memory.limit_in_bytes").write_text(str(limit_bytes))
                swap = path / "memory.memsw.limit_in_bytes"
                if swap.exists():
                    swap.write_text(str(limit_bytes))
            else:
                (path / "memory.max").write_text(str(limit_bytes))
                swap = path / "memory.swap.max"
                if swap.exists():
                    swap.write_text("0")
        except OSError:
            self.try_remove(path)
            raise
        return path

    def oom_killed(self, path: Path) -> bool:
        """Whether the kernel killed a process of this run for exceeding its memory."""
        name = "memory.oom_control" if self.version == 1 else "memory.events"
        try:
            for line in (path / name).read_text().splitlines():
                key, _, value = line.partition(" ")
                if key == "oom_kill" and int(value) > 0:
                    return True
        except (OSError, ValueError):
            pass
        return False

    def pids(self, path: Path) -> list[int]:
        try:
            return [int(p) for p in (path / "cgroup.procs").read_text().split()]
        except (OSError, ValueError):
            return []

    def kill_all(self, path: Path) -> None:
        kill_file = path / "cgroup.kill"
        if self.version == 2 and kill_file.exists():
            try:
                kill_file.write_text("1")
                return
            except OSError:
                pass
        for pid in self.pids(path):
            try:
                os.kill(pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass

    def try_remove(self, path: Path) -> bool:
        """Kill what is left in ``path`` and remove it; False while it is still busy."""
        self.kill_all(path)
        try:
            path.rmdir()
        except FileNotFoundError:
            pass
        except OSError:
            return False
        return True

    def remove_later(self, path: Path) -> None:
        """Remember a cgroup that stayed busy; the next :meth:`create` or :meth:`close` retries."""
        self._leftovers.append(path)

    def _retry_leftovers(self) -> None:
        left, self._leftovers = self._leftovers, []
        for path in left:
            if not self.try_remove(path):
                self._leftovers.append(path)

    def close(self) -> None:
        """Remove every cgroup still left (at exit), waiting a moment for dying processes."""
        deadline = time.monotonic() + 2.0
        self._retry_leftovers()
        while self._leftovers and time.monotonic() < deadline:
            time.sleep(0.02)
            self._retry_leftovers()


def join_prefix(cgroup: Path | None) -> list[str]:
    """A wrapper that moves the run's first process into ``cgroup`` and then execs the rest."""
    if cgroup is None:
        return []
    script = 'echo $$ > "$0/cgroup.procs" || { echo "symbench: cannot join $0" >&2; exit 125; }; exec "$@"'
    return ["/bin/sh", "-c", script, str(cgroup)]
