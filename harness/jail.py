"""Run untrusted model code under bubblewrap (no Inspect import; the sandbox and the CLI share it).

What a jailed run gets:

* namespaces: new user, pid, network (no interfaces but loopback), ipc, uts and cgroup;
  the process tree dies with the run (``--die-with-parent``, pid namespace torn down);
* a read-only view of ``/usr`` (so the system ``python3`` and its standard library),
  a private ``/tmp`` and the read-write work folder ``/work``; the root is remounted
  read-only, nothing else of the host is visible (no ``/home``, ``/root``, ``/etc``
  beyond what the interpreter needs);
* an environment of a few safe variables only (a parent's API keys are never passed);
* when the caller is root, the whole run happens as an unprivileged uid of its own
  (one per sandbox, so concurrent runs cannot exhaust each other's process limit);
* rlimits on CPU seconds, address space, processes and file size; a wall-clock timeout
  after which the whole process group is killed; stdout and stderr capped.
"""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

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
_PRLIMIT = shutil.which("prlimit") or "/usr/bin/prlimit"
_SETPRIV = shutil.which("setpriv") or "/usr/bin/setpriv"
_TRUNCATED = "\n[... output truncated by the SymBench sandbox ...]"


class SandboxUnavailable(RuntimeError):
    """bubblewrap or user namespaces are missing; the message says what to do."""


@dataclass(frozen=True)
class JailLimits:
    timeout_s: float = 10.0
    cpu_s: int = 10
    memory_bytes: int = 1 << 30
    max_processes: int = 64
    max_file_bytes: int = 16 << 20
    output_cap_bytes: int = 64 << 10
    tmp_bytes: int = 16 << 20

    def validate(self) -> None:
        for name in ("timeout_s", "cpu_s", "memory_bytes", "max_processes", "max_file_bytes", "output_cap_bytes"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
                raise ValueError(f"sandbox limit {name} must be a positive number, got {value!r}")


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
    probe_ids = (_UID_BASE - 1, _UID_BASE - 1) if _is_root() else None
    probe = subprocess.run(
        _identity_prefix(probe_ids)
        + _limit_prefix(JailLimits())
        + _bwrap_argv(["/bin/true"], Path("/"), _SAFE_ENV, JailLimits(), bind_work=False),
        capture_output=True,
        text=True,
        timeout=30,
        start_new_session=True,
    )
    if probe.returncode != 0:
        raise SandboxUnavailable(
            "bubblewrap is installed but cannot create its namespaces here "
            f"({probe.stderr.strip() or 'exit code ' + str(probe.returncode)}); enable unprivileged user "
            "namespaces (sysctl kernel.unprivileged_userns_clone=1 / user.max_user_namespaces) or choose "
            "`--sandbox docker`"
        )
    _CHECKED = True


def _is_root() -> bool:
    return os.geteuid() == 0


_UID_BASE = 1 << 20  # unassigned ids far above any real account
_UID_SPAN = 1 << 20
_uids_in_use: set[int] = set()


def _allocate_uid() -> int:
    """A fresh unprivileged uid for one sandbox (root only).

    Each sandbox runs as its own uid, so the per-uid process limit of one run (a fork
    bomb) cannot starve the sandboxes of other samples running at the same time.
    """
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
    (large) evaluation process, which is most of the sandbox's start-up cost. The
    process limit counts every process of the run's real uid: as root each sandbox has
    a uid of its own; otherwise the user's existing processes are added to the allowance.
    """
    nproc = limits.max_processes if _is_root() else _own_process_count() + limits.max_processes
    return [
        _PRLIMIT,
        "--core=0",
        f"--cpu={limits.cpu_s}",
        f"--as={limits.memory_bytes}",
        f"--fsize={limits.max_file_bytes}",
        f"--nproc={nproc}",
        "--",
    ]


def _identity_prefix(ids: tuple[int, int] | None) -> list[str]:
    """As root, ``setpriv`` switches to the sandbox uid before anything else runs.

    (subprocess's own ``user=`` argument would work too, but it makes Python fork the
    whole evaluation process instead of using vfork, which costs several milliseconds.)
    """
    if ids is None:
        return []
    return [_SETPRIV, f"--reuid={ids[0]}", f"--regid={ids[1]}", "--clear-groups", "--"]


def _bwrap_argv(cmd: list[str], workdir: Path, env: dict[str, str], limits: JailLimits, *, bind_work: bool = True) -> list[str]:
    argv = [
        _bwrap_path() or "bwrap",
        "--unshare-all",
        "--die-with-parent",
        "--new-session",
        "--hostname", "sandbox",
        "--ro-bind", "/usr", "/usr",
        "--symlink", "usr/bin", "/bin",
        "--symlink", "usr/sbin", "/sbin",
        "--symlink", "usr/lib", "/lib",
    ]
    if Path("/lib64").exists():
        argv += ["--symlink", "usr/lib64", "/lib64"]
    argv += ["--proc", "/proc", "--dev", "/dev", "--size", str(limits.tmp_bytes), "--tmpfs", "/tmp"]
    if bind_work:
        argv += ["--bind", str(workdir), SANDBOX_WORKDIR, "--chdir", SANDBOX_WORKDIR]
    argv += ["--remount-ro", "/", "--clearenv"]
    for key, value in env.items():
        argv += ["--setenv", key, value]
    argv += ["--", *cmd]
    return argv


def make_workdir() -> Path:
    """A fresh work folder; as root it belongs to a fresh sandbox uid that runs in it."""
    path = Path(tempfile.mkdtemp(prefix="symbench-sbx-"))
    if _is_root():
        uid = _allocate_uid()
        os.chown(path, uid, uid)
    path.chmod(0o700)
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
    shutil.rmtree(path, ignore_errors=True)
    if ids is not None:
        _uids_in_use.discard(ids[0])


async def _read_capped(stream: asyncio.StreamReader, cap: int, state: dict, on_flood) -> bytes:
    kept = bytearray()
    total = 0
    while True:
        chunk = await stream.read(65536)
        if not chunk:
            break
        total += len(chunk)
        if len(kept) < cap:
            kept += chunk[: cap - len(kept)]
        if total > cap:
            state["truncated"] = True
            if total > 64 * cap and not state.get("flood"):  # stop a flood early
                state["flood"] = True
                on_flood()
    return bytes(kept)


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


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
    full_env = dict(_SAFE_ENV)
    for key, value in (env or {}).items():
        full_env[str(key)] = str(value)
    argv = _bwrap_argv(cmd, workdir, full_env, limits)
    if cwd:
        inner = cwd if cwd.startswith("/") else f"{SANDBOX_WORKDIR}/{cwd}"
        argv[argv.index("--chdir") + 1] = inner
    data = input.encode() if isinstance(input, str) else input
    start = time.monotonic()
    proc = await asyncio.create_subprocess_exec(
        *_identity_prefix(_owner(workdir)),
        *_limit_prefix(limits),
        *argv,
        stdin=asyncio.subprocess.PIPE if data is not None else asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        close_fds=True,
        start_new_session=True,
    )
    state: dict = {}

    def flood() -> None:
        _kill_group(proc.pid)

    async def feed() -> None:
        if data is not None and proc.stdin is not None:
            try:
                proc.stdin.write(data)
                await proc.stdin.drain()
            except (BrokenPipeError, ConnectionResetError):
                pass
            finally:
                proc.stdin.close()

    async def body() -> tuple[bytes, bytes]:
        assert proc.stdout is not None and proc.stderr is not None
        _, out, err = await asyncio.gather(
            feed(),
            _read_capped(proc.stdout, limits.output_cap_bytes, state, flood),
            _read_capped(proc.stderr, limits.output_cap_bytes, state, flood),
        )
        await proc.wait()
        return out, err

    timed_out = False
    try:
        out, err = await asyncio.wait_for(body(), timeout=limits.timeout_s)
    except asyncio.TimeoutError:
        timed_out = True
        _kill_group(proc.pid)
        try:
            await asyncio.wait_for(proc.wait(), timeout=5)
        except asyncio.TimeoutError:
            pass
        out, err = b"", b""
    except asyncio.CancelledError:
        _kill_group(proc.pid)
        raise
    if proc.returncode is None:  # pragma: no cover - defensive
        _kill_group(proc.pid)
    duration = time.monotonic() - start
    stdout = out.decode("utf-8", errors="replace")
    stderr = err.decode("utf-8", errors="replace")
    truncated = bool(state.get("truncated"))
    if truncated:
        stdout += _TRUNCATED if len(out) >= limits.output_cap_bytes else ""
        stderr += _TRUNCATED if len(err) >= limits.output_cap_bytes else ""
    if state.get("flood"):
        stderr = (stderr + "\n[killed: output limit exceeded]").lstrip()
    if timed_out:
        stderr = (stderr + f"\n[timed out after {limits.timeout_s:g} s]").lstrip()
    code = proc.returncode if proc.returncode is not None else -9
    return JailResult(
        exit_code=124 if timed_out else code,
        stdout=stdout,
        stderr=stderr,
        timed_out=timed_out,
        duration_s=round(duration, 4),
        truncated=truncated,
    )


async def run_python_file(source: str, *, limits: JailLimits = JailLimits(), filename: str = "main.py") -> JailResult:
    """Write ``source`` into a fresh work folder and run it with the jail's python."""
    workdir = make_workdir()
    try:
        target = workdir / filename
        target.write_text(source, encoding="utf-8")
        give_to_sandbox(workdir, target)
        return await run_jailed([DEFAULT_PYTHON, filename], workdir, limits=limits)
    finally:
        remove_workdir(workdir)
