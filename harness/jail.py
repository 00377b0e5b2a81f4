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
  is visible (no ``/home``, ``/root``, ``/etc``);
* an environment of a few fixed variables; the whole chain that starts the jail runs with
  a minimal environment too, so no process inside carries a parent's variable (API keys);
* as root, an unprivileged uid of its own per sandbox (a fork bomb of one run cannot use
  up the process limit of another);
* rlimits on CPU seconds, address space, processes, file size and open files; a memory
  cgroup capping the whole process tree (:mod:`.resources`); a wall-clock timeout after
  which everything is killed and the output read so far is kept; stdout and stderr capped.
"""

from __future__ import annotations

import asyncio
import atexit
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

from symbench.harness import seccomp
from symbench.harness.limits import MiB, JailLimits
from symbench.harness.resources import MemoryCgroups, join_prefix, mount_workdir, unmount_workdir, warn_once

__all__ = ["JailLimits", "JailResult", "SandboxUnavailable", "check_available", "run_jailed", "run_python_file"]

#: The interpreter model code runs with inside the jail (the system one, readable by any user).
DEFAULT_PYTHON = os.environ.get("SYMBENCH_SANDBOX_PYTHON", "/usr/bin/python3")
SANDBOX_WORKDIR = "/work"
_SAFE_ENV = {
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
_CHAIN_ENV = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
_PRLIMIT = shutil.which("prlimit") or "/usr/bin/prlimit"
_SETPRIV = shutil.which("setpriv") or "/usr/bin/setpriv"
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


def _bwrap_path() -> str | None:
    return shutil.which("bwrap")


@lru_cache(maxsize=1)
def _bwrap_version() -> tuple[int, ...]:
    try:
        out = subprocess.run([_bwrap_path() or "bwrap", "--version"], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return ()
    match = re.search(r"(\d+)\.(\d+)\.(\d+)", out)
    return tuple(int(x) for x in match.groups()) if match else ()


def _is_root() -> bool:
    return os.geteuid() == 0


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
    bwrap = _bwrap_path()
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
    for tool in (_PRLIMIT, _SETPRIV):
        if not Path(tool).exists():
            raise SandboxUnavailable(f"the SymBench sandbox needs {Path(tool).name} (Debian/Ubuntu package util-linux)")
    program = _seccomp_program()
    limits = JailLimits()
    probe_ids = (_UID_BASE - 1, _UID_BASE - 1) if _is_root() else None
    with _filter_fd(program) as fd:
        probe = subprocess.run(
            _command(["/bin/true"], None, _SAFE_ENV, limits, probe_ids, None, fd),
            capture_output=True,
            text=True,
            timeout=30,
            env=_CHAIN_ENV,
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
    if not _is_root():
        warn_once("disk", f"not root: the work folder's total size is not capped, only each file ({limits.max_file_bytes // MiB} MiB)")
    _CHECKED = True


class _filter_fd:
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


# ---------------------------------------------------------------------- identity and limits
_UID_BASE = 1 << 20  # unassigned ids far above any real account
_UID_SPAN = 1 << 20
_uids_in_use: set[int] = set()


def _allocate_uid() -> int:
    """A fresh unprivileged uid for one sandbox (root only): a fork bomb cannot starve the others."""
    while True:
        uid = _UID_BASE + secrets.randbelow(_UID_SPAN)
        if uid not in _uids_in_use:
            _uids_in_use.add(uid)
            return uid


def _owner(path: Path) -> tuple[int, int] | None:
    """The uid/gid a run in ``path`` uses: the folder's owner when we are root."""
    if not _is_root():
        return None
    st = path.stat()
    return st.st_uid, st.st_gid


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
    nproc = limits.max_processes if _is_root() else _own_process_count() + limits.max_processes
    return [
        _PRLIMIT,
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
    return [_SETPRIV, f"--reuid={ids[0]}", f"--regid={ids[1]}", "--clear-groups", "--"]


def _bwrap_argv(cmd: list[str], workdir: Path | None, env: dict[str, str], limits: JailLimits,
                seccomp_fd: int | None = None, cwd: str = SANDBOX_WORKDIR) -> list[str]:
    argv = [_bwrap_path() or "bwrap", "--unshare-all", "--unshare-user"]
    if _bwrap_version() >= (0, 8, 0):
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


def _command(cmd: list[str], workdir: Path | None, env: dict[str, str], limits: JailLimits,
             ids: tuple[int, int] | None, cgroup: Path | None, seccomp_fd: int | None,
             cwd: str = SANDBOX_WORKDIR) -> list[str]:
    """The whole chain: join the cgroup (sh), drop to the sandbox uid, set rlimits, bwrap."""
    return [
        *join_prefix(cgroup),
        *_identity_prefix(ids),
        *_limit_prefix(limits),
        *_bwrap_argv(cmd, workdir, env, limits, seccomp_fd, cwd),
    ]


# ---------------------------------------------------------------------- work folders
_mounted: set[Path] = set()


def make_workdir(limits: JailLimits | None = None) -> Path:
    """A fresh work folder; as root it is a tmpfs of ``workdir_bytes`` owned by a fresh sandbox uid."""
    limits = limits or JailLimits()
    path = Path(tempfile.mkdtemp(prefix="symbench-sbx-"))
    path.chmod(0o700)
    if _is_root():
        uid = _allocate_uid()
        try:
            mount_workdir(path, limits.workdir_bytes, uid, uid)
            _mounted.add(path)
        except OSError as exc:
            warn_once("disk", f"cannot mount a size-limited work folder ({exc.strerror}); only each file is capped")
            os.chown(path, uid, uid)
    return path


def give_to_sandbox(workdir: Path, path: Path) -> None:
    """Hand a file the host wrote inside ``workdir`` (and its new folders) to the sandbox user."""
    ids = _owner(workdir)
    if ids is None:
        return
    while path != workdir and workdir in path.parents:
        os.chown(path, *ids)
        path = path.parent


def remove_workdir(path: Path) -> None:
    ids = _owner(path) if path.exists() else None
    if path in _mounted:
        unmount_workdir(path)  # a lazy unmount frees the tmpfs once nothing uses it
        _mounted.discard(path)
    shutil.rmtree(path, ignore_errors=True)
    if ids is not None:
        _uids_in_use.discard(ids[0])


@atexit.register
def _unmount_all() -> None:
    for path in list(_mounted):
        remove_workdir(path)


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
    child_env = dict(_SAFE_ENV)
    for key, value in (env or {}).items():
        child_env[str(key)] = str(value)
    inner_cwd = SANDBOX_WORKDIR if not cwd else cwd if cwd.startswith("/") else f"{SANDBOX_WORKDIR}/{cwd}"
    data = input.encode() if isinstance(input, str) else input
    cgroup = _new_cgroup(limits)
    start = time.monotonic()
    try:
        with _filter_fd(_seccomp_program()) as fd:
            proc = await asyncio.create_subprocess_exec(
                *_command(cmd, workdir, child_env, limits, _owner(workdir), cgroup, fd, inner_cwd),
                stdin=asyncio.subprocess.PIPE if data is not None else asyncio.subprocess.DEVNULL,
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.PIPE,
                env=_CHAIN_ENV,
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
