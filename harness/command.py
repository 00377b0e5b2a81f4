"""The command line of a jailed run: sh (join the cgroup), setpriv, prlimit, bwrap (no Inspect import).

Every process of the chain starts with :data:`CHAIN_ENV` only, and the command inside
with :data:`SAFE_ENV` plus what the caller passes, so no parent variable reaches the jail.
The bwrap options are where the namespaces, mounts and the system-call filter are set.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

from symbench.harness.cgroups import join_prefix
from symbench.harness.limits import JailLimits
from symbench.harness.workdir import SANDBOX_WORKDIR, is_root

SAFE_ENV = {
    "PATH": "/usr/local/bin:/usr/bin:/bin",
    "HOME": SANDBOX_WORKDIR,
    "TMPDIR": "/tmp",
    "LANG": "C.UTF-8",
    "LC_ALL": "C.UTF-8",
    "PYTHONDONTWRITEBYTECODE": "1",
    "PYTHONIOENCODING": "utf-8",
    "PYTHONHASHSEED": "0",
}
#: the environment of the host-side chain (sh, setpriv, prlimit, bwrap): nothing of the parent's
CHAIN_ENV = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
PRLIMIT = shutil.which("prlimit") or "/usr/bin/prlimit"
SETPRIV = shutil.which("setpriv") or "/usr/bin/setpriv"


def bwrap_path() -> str | None:
    return shutil.which("bwrap")


@lru_cache(maxsize=1)
def bwrap_version() -> tuple[int, ...]:
    try:
        out = subprocess.run([bwrap_path() or "bwrap", "--version"], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return ()
    match = re.search(r"(\d+)\.(\d+)\.(\d+)", out)
    return tuple(int(x) for x in match.groups()) if match else ()


class FilterPipe:
    """A pipe holding the BPF program for ``bwrap --seccomp FD`` (closed on exit)."""

    def __init__(self, program: bytes | None) -> None:
        self.program = program
        self.fd: int | None = None

    def __enter__(self) -> int | None:
        if self.program is not None:
            read, write = os.pipe()
            try:
                os.write(write, self.program)  # ~1 KiB, well under a pipe's buffer
            finally:
                os.close(write)
            self.fd = read
        return self.fd

    def __exit__(self, *exc) -> None:
        if self.fd is not None:
            os.close(self.fd)


def _own_process_count() -> int:
    uid = os.getuid()
    count = 0
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if os.stat(f"/proc/{entry}").st_uid == uid:
                    count += 1
            except OSError:
                pass
    return count


def _limit_prefix(limits: JailLimits) -> list[str]:
    """``prlimit`` in front of bwrap: the limits hold for bwrap and everything it starts.

    A wrapper instead of a ``preexec_fn`` lets Python spawn without forking the whole
    (large) evaluation process. The process limit counts every process of the run's
    real uid: as root each sandbox has a uid of its own; otherwise the user's existing
    processes are added to the allowance.
    """
    nproc = limits.max_processes if is_root() else _own_process_count() + limits.max_processes
    return [
        PRLIMIT,
        "--core=0",
        f"--cpu={limits.cpu_s}",
        f"--as={limits.memory_bytes}",
        f"--fsize={limits.max_file_bytes}",
        f"--nofile={limits.max_open_files}",
        f"--nproc={nproc}",
        "--",
    ]


def _identity_prefix(ids: tuple[int, int] | None) -> list[str]:
    """As root, ``setpriv`` switches to the sandbox uid before anything else runs."""
    if ids is None:
        return []
    return [SETPRIV, f"--reuid={ids[0]}", f"--regid={ids[1]}", "--clear-groups", "--"]


def bwrap_argv(
    cmd: list[str],
    workdir: Path | None,
    env: dict[str, str],
    limits: JailLimits,
    seccomp_fd: int | None = None,
    cwd: str = SANDBOX_WORKDIR,
) -> list[str]:
    """bubblewrap's options: namespaces, the file system view, the environment, the filter."""
    argv = [bwrap_path() or "bwrap", "--unshare-all", "--unshare-user"]
    if bwrap_version() >= (0, 8, 0):
        argv.append("--disable-userns")
    argv += [
        "--as-pid-1",  # no unfiltered helper process inside: the command is pid 1
        "--die-with-parent",
        "--new-session",
        "--hostname", "sandbox",
        "--ro-bind", "/usr", "/usr",
        "--symlink", "usr/bin", "/bin",
        "--symlink", "usr/sbin", "/sbin",
        "--symlink", "usr/lib", "/lib",
    ]  # fmt: skip
    if Path("/lib64").exists():
        argv += ["--symlink", "usr/lib64", "/lib64"]
    # Debian's alternatives (symlinks only) pick the BLAS numpy loads (libblas.so.3)
    argv += ["--ro-bind-try", "/etc/alternatives", "/etc/alternatives"]
    argv += ["--proc", "/proc", "--dev", "/dev", "--size", str(limits.shm_bytes), "--tmpfs", "/dev/shm"]
    argv += ["--remount-ro", "/dev", "--size", str(limits.tmp_bytes), "--tmpfs", "/tmp"]
    if workdir is not None:
        argv += ["--bind", str(workdir), SANDBOX_WORKDIR, "--chdir", cwd]
    argv += ["--remount-ro", "/", "--clearenv"]
    for key, value in env.items():
        argv += ["--setenv", key, value]
    if seccomp_fd is not None:
        argv += ["--seccomp", str(seccomp_fd)]
    argv += ["--", *cmd]
    return argv


def chain(
    cmd: list[str],
    workdir: Path | None,
    env: dict[str, str],
    limits: JailLimits,
    ids: tuple[int, int] | None,
    cgroup: Path | None,
    seccomp_fd: int | None,
    cwd: str = SANDBOX_WORKDIR,
) -> list[str]:
    """The whole chain: join the cgroup (sh), drop to the sandbox uid, set rlimits, bwrap."""
    return [
        *join_prefix(cgroup),
        *_identity_prefix(ids),
        *_limit_prefix(limits),
        *bwrap_argv(cmd, workdir, env, limits, seccomp_fd, cwd),
    ]
