"""Run untrusted model code under bubblewrap (no Inspect import; the sandbox and the CLI share it).

What a jailed run gets (every number is a field of :class:`~.limits.JailLimits`):

* namespaces: new user, pid, network (no interfaces but its own loopback), ipc, uts and
  cgroup; no further user namespace can be made inside (``--disable-userns`` and the
  system-call filter); the command is pid 1 of its pid namespace, so when it ends every
  process it started is killed with it;
* a system-call filter (libseccomp, :mod:`.seccomp`) refusing namespaces, mounts,
  io_uring, bpf, ptrace, keyrings, module loading and other calls model code never needs;
* a read-only view of ``/usr`` (so the system ``python3`` and its standard library),
  a read-only root and ``/dev``, size-limited ``/tmp`` and ``/dev/shm``, and the work
  folder ``/work`` (as root: a size-limited tmpfs of its own); nothing else of the host
  is visible (no ``/home``, ``/root``; of ``/etc`` only ``/etc/alternatives``, read-only, the links numpy's BLAS needs);
* an environment of a few fixed variables; the whole chain that starts the jail runs with
  a minimal environment too, so no process inside carries a parent's variable (API keys);
* as root, an unprivileged uid of its own per sandbox (a fork bomb of one run cannot use
  up the process limit of another);
* rlimits on CPU seconds, address space, processes, file size and open files; a memory
  cgroup capping the whole process tree (:mod:`.cgroups`); a wall-clock timeout after
  which everything is killed and the output read so far is kept; stdout and stderr capped.
"""

from __future__ import annotations

import asyncio
import atexit
import json
import os
import signal
import subprocess
import time
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

from symbench.harness import command, seccomp
from symbench.harness.cgroups import MemoryCgroups
from symbench.harness.command import CHAIN_ENV, SAFE_ENV, chain, FilterPipe
from symbench.harness.limits import JailLimits, MiB, warn_once
from symbench.harness.workdir import (  # noqa: F401  (re-exported: the sandbox and the CLI use them from here)
    SANDBOX_WORKDIR,
    UID_BASE,
    give_to_sandbox,
    is_root,
    make_workdir,
    remove_workdir,
    sandbox_ids,
)

__all__ = ["JailLimits", "JailResult", "SandboxUnavailable", "check_available", "run_jailed", "run_python_file"]

#: The interpreter model code runs with inside the jail (the system one, readable by any user).
DEFAULT_PYTHON = os.environ.get("SYMBENCH_SANDBOX_PYTHON", "/usr/bin/python3")
_TRUNCATED = "\n[... output truncated by the SymBench sandbox ...]"


class SandboxUnavailable(RuntimeError):
    """bubblewrap, user namespaces or libseccomp are missing; the message says what to do."""


@dataclass
class JailResult:
    exit_code: int
    stdout: str
    stderr: str
    timed_out: bool
    duration_s: float
    truncated: bool = False

    def to_json(self) -> str:
        data = asdict(self)
        data.pop("truncated")
        return json.dumps(data)


@lru_cache(maxsize=1)
def _cgroups() -> MemoryCgroups:
    groups = MemoryCgroups()
    atexit.register(groups.close)
    return groups


def _seccomp_program() -> bytes | None:
    """The filter to load, or None when the user opted out (raises if it cannot be built)."""
    if seccomp.opted_out():
        warn_once("seccomp", f"{seccomp.OPT_OUT_ENV} is set: jailed code runs WITHOUT the system-call filter")
        return None
    try:
        return seccomp.filter_program()
    except seccomp.SeccompUnavailable as exc:
        raise SandboxUnavailable(str(exc)) from None


_CHECKED: bool | None = None


def check_available() -> None:
    """Raise :class:`SandboxUnavailable` with install advice if a jailed run cannot work."""
    global _CHECKED
    if _CHECKED:
        return
    bwrap = command.bwrap_path()
    if bwrap is None:
        raise SandboxUnavailable(
            "the SymBench sandbox needs bubblewrap: install it (Debian/Ubuntu: `apt-get install bubblewrap`), "
            "or choose another sandbox with `--sandbox docker` (or `--sandbox local`, which does NOT isolate)"
        )
    if not Path(DEFAULT_PYTHON).exists():
        raise SandboxUnavailable(
            f"the SymBench sandbox runs code with {DEFAULT_PYTHON}, which does not exist: install python3 "
            "or set SYMBENCH_SANDBOX_PYTHON to an interpreter under /usr"
        )
    for tool in (command.PRLIMIT, command.SETPRIV):
        if not Path(tool).exists():
            raise SandboxUnavailable(f"the SymBench sandbox needs {Path(tool).name} (Debian/Ubuntu package util-linux)")
    program = _seccomp_program()
    limits = JailLimits()
    probe_ids = (UID_BASE - 1, UID_BASE - 1) if is_root() else None
    with FilterPipe(program) as fd:
        probe = subprocess.run(
            chain(["/bin/true"], None, SAFE_ENV, limits, probe_ids, None, fd),
            capture_output=True,
            text=True,
            timeout=30,
            env=CHAIN_ENV,
            pass_fds=() if fd is None else (fd,),
            start_new_session=True,
        )
    if probe.returncode != 0:
        raise SandboxUnavailable(
            "bubblewrap is installed but cannot create its namespaces here "
            f"({probe.stderr.strip() or 'exit code ' + str(probe.returncode)}); enable unprivileged user "
            "namespaces (sysctl kernel.unprivileged_userns_clone=1 / user.max_user_namespaces) or choose "
            "`--sandbox docker`"
        )
    groups = _cgroups()
    if not groups.available:
        warn_once(
            "memory",
            f"no memory cgroup for sandbox runs ({groups.problem}); memory is capped per process only "
            f"({limits.memory_bytes // MiB} MiB each, up to {limits.max_processes} processes)",
        )
    if not is_root():
        warn_once("disk", f"not root: the work folder's total size is not capped, only each file ({limits.max_file_bytes // MiB} MiB)")
    _CHECKED = True


# ---------------------------------------------------------------------- running
class _Capture:
    """What one stream printed, up to ``cap`` bytes (kept even when the run is killed)."""

    def __init__(self, cap: int) -> None:
        self.cap, self.kept, self.total = cap, bytearray(), 0

    async def pump(self, stream: asyncio.StreamReader, on_flood) -> None:
        while chunk := await stream.read(65536):
            self.total += len(chunk)
            if len(self.kept) < self.cap:
                self.kept += chunk[: self.cap - len(self.kept)]
            if self.total > 64 * self.cap:  # stop a flood early
                on_flood()

    def text(self) -> str:
        out = self.kept.decode("utf-8", errors="replace")
        return out + _TRUNCATED if self.total > self.cap else out


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _new_cgroup(limits: JailLimits) -> Path | None:
    groups = _cgroups()
    if not groups.available:
        return None
    try:
        return groups.create(limits.memory_bytes)
    except OSError as exc:
        warn_once("memory-create", f"cannot create a memory cgroup ({exc.strerror}); memory is capped per process only")
        return None


async def _drop_cgroup(path: Path) -> None:
    groups = _cgroups()
    for _ in range(100):  # processes of a killed pid namespace take a moment to go
        if groups.try_remove(path):
            return
        await asyncio.sleep(0.01)
    groups.remove_later(path)


async def run_jailed(
    cmd: list[str],
    workdir: Path,
    *,
    input: str | bytes | None = None,
    env: dict[str, str] | None = None,
    limits: JailLimits = JailLimits(),
    cwd: str | None = None,
) -> JailResult:
    """Run ``cmd`` inside the jail with ``workdir`` mounted at ``/work``."""
    limits.validate()
    check_available()
    child_env = dict(SAFE_ENV)
    for key, value in (env or {}).items():
        child_env[str(key)] = str(value)
    inner_cwd = SANDBOX_WORKDIR if not cwd else cwd if cwd.startswith("/") else f"{SANDBOX_WORKDIR}/{cwd}"
    data = input.encode() if isinstance(input, str) else input
    cgroup = _new_cgroup(limits)
    start = time.monotonic()
    try:
        with FilterPipe(_seccomp_program()) as fd:
            proc = await asyncio.create_subprocess_exec(
                *chain(cmd, workdir, child_env, limits, sandbox_ids(workdir), cgroup, fd, inner_cwd),
                stdin=asyncio.subprocess.PIPE if data is not None else asyncio.subprocess.DEVNULL,
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.PIPE,
                env=CHAIN_ENV,
                pass_fds=() if fd is None else (fd,),
                start_new_session=True,
            )
        result = await _collect(proc, data, limits, cgroup)
    finally:
        if cgroup is not None:
            await _drop_cgroup(cgroup)
    result.duration_s = round(time.monotonic() - start, 4)
    return result


async def _collect(proc: asyncio.subprocess.Process, data: bytes | None, limits: JailLimits, cgroup: Path | None) -> JailResult:
    out, err = _Capture(limits.output_cap_bytes), _Capture(limits.output_cap_bytes)
    flooded = False

    def kill() -> None:
        _kill_group(proc.pid)
        if cgroup is not None:
            _cgroups().kill_all(cgroup)

    def flood() -> None:
        nonlocal flooded
        if not flooded:
            flooded = True
            kill()

    async def feed() -> None:
        if data is not None and proc.stdin is not None:
            try:
                proc.stdin.write(data)
                await proc.stdin.drain()
            except (BrokenPipeError, ConnectionResetError):
                pass
            finally:
                proc.stdin.close()

    assert proc.stdout is not None and proc.stderr is not None
    readers = asyncio.gather(feed(), out.pump(proc.stdout, flood), err.pump(proc.stderr, flood))

    async def body() -> None:
        await asyncio.shield(readers)
        await proc.wait()

    timed_out = False
    try:
        await asyncio.wait_for(body(), timeout=limits.timeout_s)
    except asyncio.TimeoutError:
        timed_out = True
        kill()
        try:  # the pipes close once everything is dead; keep what was printed
            await asyncio.wait_for(asyncio.shield(readers), timeout=2)
        except asyncio.TimeoutError:
            readers.cancel()
        try:
            await asyncio.wait_for(proc.wait(), timeout=5)
        except asyncio.TimeoutError:  # pragma: no cover - defensive
            pass
    except asyncio.CancelledError:
        kill()
        readers.cancel()
        raise
    if proc.returncode is None:  # pragma: no cover - defensive
        kill()
    stderr = err.text()
    if flooded:
        stderr = (stderr + "\n[killed: output limit exceeded]").lstrip()
    if cgroup is not None and _cgroups().oom_killed(cgroup):
        stderr = (stderr + f"\n[killed: the run's processes together exceeded {limits.memory_bytes // MiB} MiB]").lstrip()
    if timed_out:
        stderr = (stderr + f"\n[timed out after {limits.timeout_s:g} s]").lstrip()
    code = proc.returncode if proc.returncode is not None else -9
    return JailResult(
        exit_code=124 if timed_out else code,
        stdout=out.text(),
        stderr=stderr,
        timed_out=timed_out,
        duration_s=0.0,
        truncated=out.total > out.cap or err.total > err.cap,
    )


async def run_python_file(source: str, *, limits: JailLimits = JailLimits(), filename: str = "main.py") -> JailResult:
    """Write ``source`` into a fresh work folder and run it with the jail's python."""
    workdir = make_workdir(limits)
    try:
        target = workdir / filename
        target.write_text(source, encoding="utf-8")
        give_to_sandbox(workdir, target)
        return await run_jailed([DEFAULT_PYTHON, filename], workdir, limits=limits)
    finally:
        remove_workdir(workdir)
