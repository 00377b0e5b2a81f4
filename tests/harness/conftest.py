"""A ready Inspect sandbox environment per test, for every sandbox backend.

Hostile-program tests use only Inspect's ``SandboxEnvironment`` interface
(``write_file``, ``exec``, ``read_file``), so every backend runs the same tests: the
jail (``symbench``) and Inspect's ``docker`` sandbox with SymBench's compose file. The
Docker ones are skipped only where no engine answers (never under
``SYMBENCH_REQUIRE_DOCKER=1``, as in CI).
"""

from __future__ import annotations

import asyncio
import functools
import os
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest

BACKENDS = ["symbench", pytest.param("docker", marks=pytest.mark.docker)]
ROOT = Path(__file__).resolve().parents[2]


class Box:
    """A sandbox environment of one sample, driven synchronously from a test."""

    def __init__(self, backend: str, loop: asyncio.AbstractEventLoop, cls, config, environments: dict) -> None:
        self.backend, self.loop, self.cls, self.config, self.environments = backend, loop, cls, config, environments
        self.env = environments["default"]

    def run(self, coro):
        return self.loop.run_until_complete(coro)

    def write_file(self, name: str, contents: str | bytes) -> None:
        self.run(self.env.write_file(name, contents))

    def read_file(self, name: str, text: bool = True):
        return self.run(self.env.read_file(name, text))

    def exec(self, cmd: list[str], timeout: int = 10, **kw):
        return self.run(self.env.exec(cmd, timeout=timeout, **kw))

    def python(self, source: str, timeout: int = 10, name: str = "main.py"):
        """Write ``source`` to the work folder and run it with python3 (raises TimeoutError past ``timeout``)."""
        self.write_file(name, textwrap.dedent(source))
        return self.exec(["python3", name], timeout=timeout)


def _symbench_backend(loop):
    import symbench._registry  # noqa: F401  (registers the sandbox)
    from symbench.harness.sandbox import SymbenchSandbox

    loop.run_until_complete(SymbenchSandbox.task_init("test", None))
    return SymbenchSandbox, None, loop.run_until_complete(SymbenchSandbox.sample_init("test", None, {}))


@functools.cache
def _docker_problem() -> tuple[str, bool] | None:
    """Why the Docker tests cannot run here, and whether that is a skip (no engine) or a failure."""
    if shutil.which("docker") is None:
        return "no docker command (install the engine: sudo scripts/docker_engine.sh)", True
    try:
        answered = subprocess.run(["docker", "info"], capture_output=True, timeout=30).returncode == 0
    except subprocess.TimeoutExpired:
        answered = False
    if not answered:
        return "no Docker engine answers (start one: sudo scripts/docker_engine.sh)", True
    check = subprocess.run([str(ROOT / "scripts" / "docker_image.sh"), "--check"], capture_output=True, text=True)
    if check.returncode != 0:
        return f"the SymBench sandbox image is missing or out of date: {check.stderr.strip()}", False
    return None


def require_docker() -> None:
    """Skip where no Docker engine answers (fail instead under SYMBENCH_REQUIRE_DOCKER=1, as in CI)."""
    problem = _docker_problem()
    if problem is None:
        return
    message, skippable = problem
    if skippable and os.environ.get("SYMBENCH_REQUIRE_DOCKER") != "1":
        pytest.skip(message)
    pytest.fail(message + ("" if not skippable else ", but SYMBENCH_REQUIRE_DOCKER=1 says the Docker tests must run"))


@pytest.fixture(scope="module")
def docker_engine() -> None:
    """For Docker-only tests: skip or fail as :func:`require_docker` says."""
    require_docker()


def _docker_backend(loop):
    """Inspect's own docker sandbox, made from SymBench's compose file."""
    require_docker()
    import symbench._registry  # noqa: F401
    from inspect_ai.util._sandbox.docker.docker import DockerSandboxEnvironment

    from symbench.harness.docker import COMPOSE_FILE

    config = COMPOSE_FILE.as_posix()
    loop.run_until_complete(DockerSandboxEnvironment.task_init("test", config))
    return DockerSandboxEnvironment, config, loop.run_until_complete(DockerSandboxEnvironment.sample_init("test", config, {}))


_FACTORIES = {"symbench": _symbench_backend, "docker": _docker_backend}


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    return request.param


def open_box(backend: str) -> Box:
    loop = asyncio.new_event_loop()
    try:
        cls, config, environments = _FACTORIES[backend](loop)
    except BaseException:
        loop.close()
        raise
    return Box(backend, loop, cls, config, environments)


def close_box(box: Box) -> None:
    try:
        box.run(box.cls.sample_cleanup("test", box.config, box.environments, False))
    finally:
        box.loop.close()


@pytest.fixture
def box(backend):
    """One sample's ready sandbox environment; cleaned up after the test."""
    b = open_box(backend)
    try:
        yield b
    finally:
        close_box(b)


@pytest.fixture
def memory_cgroups(backend) -> None:
    """Skip outside CI where this machine cannot give a run a memory cgroup (CI runs as root)."""
    if backend == "docker":
        return  # the container's own memory cgroup
    from symbench.harness import jail

    if not jail._cgroups().available and not os.environ.get("CI"):
        pytest.skip(f"no memory cgroup here: {jail._cgroups().problem}")


@pytest.fixture
def root() -> None:
    """Skip outside CI when not root (the size-limited tmpfs work folder needs root)."""
    if os.geteuid() != 0 and not os.environ.get("CI"):
        pytest.skip("needs root (a size-limited tmpfs work folder)")
