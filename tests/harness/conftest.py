"""A ready Inspect sandbox environment per test, for every sandbox backend.

Hostile-program tests use only Inspect's ``SandboxEnvironment`` interface
(``write_file``, ``exec``, ``read_file``), so another backend (Docker) runs the same
tests by adding one entry to ``BACKENDS``.
"""

from __future__ import annotations

import asyncio
import os
import textwrap

import pytest

BACKENDS = ["symbench"]


class Box:
    """A sandbox environment of one sample, driven synchronously from a test."""

    def __init__(self, backend: str, loop: asyncio.AbstractEventLoop, cls, environments: dict) -> None:
        self.backend, self.loop, self.cls, self.environments = backend, loop, cls, environments
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
    return SymbenchSandbox, loop.run_until_complete(SymbenchSandbox.sample_init("test", None, {}))


_FACTORIES = {"symbench": _symbench_backend}


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    return request.param


def open_box(backend: str) -> Box:
    loop = asyncio.new_event_loop()
    cls, environments = _FACTORIES[backend](loop)
    return Box(backend, loop, cls, environments)


def close_box(box: Box) -> None:
    try:
        box.run(box.cls.sample_cleanup("test", None, box.environments, False))
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
def memory_cgroups() -> None:
    """Skip outside CI where this machine cannot give a run a memory cgroup (CI runs as root)."""
    from symbench.harness import jail

    if not jail._cgroups().available and not os.environ.get("CI"):
        pytest.skip(f"no memory cgroup here: {jail._cgroups().problem}")


@pytest.fixture
def root() -> None:
    """Skip outside CI when not root (the size-limited tmpfs work folder needs root)."""
    if os.geteuid() != 0 and not os.environ.get("CI"):
        pytest.skip("needs root (a size-limited tmpfs work folder)")
