"""Every limit of a jailed run, in one place (no Inspect import).

:class:`JailLimits` holds the numbers; the jail (:mod:`.jail`) applies them with
prlimit (per process), a memory cgroup (the whole process tree), size-limited tmpfs
mounts (``/work``, ``/tmp``, ``/dev/shm``) and its own clock and output reader. Where
an aggregate limit cannot be applied here, :func:`warn_once` says so in one line.
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass

MiB = 1 << 20
_warned: set[str] = set()
log = logging.getLogger("symbench.sandbox")


def warn_once(key: str, message: str) -> None:
    """One line on the ``symbench.sandbox`` logger (Inspect shows it; plain Python prints it)."""
    if key not in _warned:
        _warned.add(key)
        log.warning("symbench sandbox: %s", message)


@dataclass(frozen=True)
class JailLimits:
    """The limits of one jailed run (one ``exec``), with their defaults.

    Each field is enforced as follows:

    * ``timeout_s``: wall clock; past it the whole process tree is killed and the run
      reports ``timed_out`` with the output read so far.
    * ``cpu_s``: CPU seconds of each process (``RLIMIT_CPU``; SIGKILL at the limit).
    * ``memory_bytes``: memory of the whole process tree together (a memory cgroup;
      the kernel's OOM killer acts inside the run only), and also the address space of
      any one process (``RLIMIT_AS``, so a single huge allocation fails with
      ``MemoryError`` instead of being killed).
    * ``max_processes``: processes and threads of the run's uid (``RLIMIT_NPROC``; as
      root each sandbox has a uid of its own).
    * ``max_file_bytes``: size of any one file written (``RLIMIT_FSIZE``).
    * ``max_open_files``: open file descriptors of each process (``RLIMIT_NOFILE``).
    * ``workdir_bytes``: total size of the work folder ``/work`` (a size-limited tmpfs
      mounted on the host for the sandbox's lifetime; root only).
    * ``tmp_bytes`` / ``shm_bytes``: total size of ``/tmp`` and ``/dev/shm`` inside.
    * ``output_cap_bytes``: stdout and stderr kept, each; a run printing more than 64
      times this is killed.
    """

    timeout_s: float = 10.0
    cpu_s: int = 10
    memory_bytes: int = 1024 * MiB
    max_processes: int = 64
    max_file_bytes: int = 16 * MiB
    max_open_files: int = 256
    workdir_bytes: int = 64 * MiB
    tmp_bytes: int = 16 * MiB
    shm_bytes: int = 16 * MiB
    output_cap_bytes: int = 64 * 1024

    def validate(self) -> None:
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
                raise ValueError(f"sandbox limit {f.name} must be a positive number, got {value!r}")
            if f.name != "timeout_s" and not isinstance(value, int):
                raise ValueError(f"sandbox limit {f.name} must be a whole number, got {value!r}")

    def with_timeout(self, seconds: float) -> "JailLimits":
        """The same limits with a wall-clock timeout of ``seconds`` (CPU time follows it)."""
        return dataclasses.replace(self, timeout_s=float(seconds), cpu_s=max(1, int(seconds) + 1))
