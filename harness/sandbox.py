"""The ``symbench`` Inspect sandbox: one jailed work folder per sample (see :mod:`.jail`).

It is the default sandbox of SymBench tasks. ``exec`` runs a command under bubblewrap
with the limits of :class:`~symbench.harness.limits.JailLimits`; a run past its timeout
is killed and reported to Inspect as ``TimeoutError`` (Inspect's convention), an
:class:`ExecTimeout` that carries the output printed before the timeout. Output beyond
the cap is cut, not raised. ``user`` is not supported: code always runs as the
unprivileged sandbox user. The work folder lives from ``sample_init`` to
``sample_cleanup``, so the files of one ``exec`` are there for the next.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Any, Literal, Union, overload

from inspect_ai.util import ExecResult, SandboxEnvironment, sandboxenv
from inspect_ai.util._sandbox.environment import SandboxEnvironmentConfigType

from inspect_ai._util.error import PrerequisiteError

from symbench.harness.jail import (
    SANDBOX_WORKDIR,
    SandboxUnavailable,
    JailLimits,
    check_available,
    make_workdir,
    remove_workdir,
    run_jailed,
    give_to_sandbox,
)

SANDBOX_NAME = "symbench"


class ExecTimeout(TimeoutError):
    """``exec`` ran past its timeout; ``stdout``/``stderr`` hold what it printed until then."""

    def __init__(self, message: str, stdout: str, stderr: str) -> None:
        super().__init__(message)
        self.stdout, self.stderr = stdout, stderr


class SandboxUnavailableError(PrerequisiteError, SandboxUnavailable):
    """The jail cannot run here; Inspect prints the advice as one message."""

    def __init__(self, message: str) -> None:
        PrerequisiteError.__init__(self, message)
        SandboxUnavailable.__init__(self, message)

    def __str__(self) -> str:
        return str(self.message)


@sandboxenv(name=SANDBOX_NAME)
class SymbenchSandbox(SandboxEnvironment):
    """bubblewrap jail per sample: no network, read-only system, private /work."""

    def __init__(self, limits: JailLimits | None = None) -> None:
        super().__init__()
        self.limits = limits or JailLimits()
        self.workdir = make_workdir(self.limits)

    # ---------------------------------------------------------------- lifecycle
    @classmethod
    async def task_init(cls, task_name: str, config: SandboxEnvironmentConfigType | None) -> None:
        # fail before any model call, with install advice (printed by Inspect without a traceback)
        try:
            check_available()
        except SandboxUnavailable as exc:
            raise SandboxUnavailableError(str(exc)) from None

    @classmethod
    async def sample_init(
        cls, task_name: str, config: SandboxEnvironmentConfigType | None, metadata: dict[str, str]
    ) -> dict[str, SandboxEnvironment]:
        return {"default": cls()}

    @classmethod
    async def sample_cleanup(
        cls,
        task_name: str,
        config: SandboxEnvironmentConfigType | None,
        environments: dict[str, SandboxEnvironment],
        interrupted: bool,
    ) -> None:
        for env in environments.values():
            if isinstance(env, SymbenchSandbox):
                remove_workdir(env.workdir)

    # ---------------------------------------------------------------- files
    def _host_path(self, file: str) -> Path:
        path = PurePosixPath(file)
        if path.is_absolute():
            try:
                path = path.relative_to(SANDBOX_WORKDIR)
            except ValueError:
                raise PermissionError(f"only files under {SANDBOX_WORKDIR} can be accessed, not {file}") from None
        resolved = (self.workdir / path).resolve()
        if resolved != self.workdir and self.workdir not in resolved.parents:
            raise PermissionError(f"{file} is outside the sandbox work folder")
        return resolved

    async def write_file(self, file: str, contents: str | bytes) -> None:
        target = self._host_path(file)
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(contents, str):
            target.write_text(contents, encoding="utf-8")
        else:
            target.write_bytes(contents)
        give_to_sandbox(self.workdir, target)

    @overload
    async def read_file(self, file: str, text: Literal[True] = True) -> str: ...

    @overload
    async def read_file(self, file: str, text: Literal[False]) -> bytes: ...

    async def read_file(self, file: str, text: bool = True) -> Union[str, bytes]:
        target = self._host_path(file)
        if target.is_dir():
            raise IsADirectoryError(file)
        data = target.read_bytes()
        return data.decode("utf-8") if text else data

    # ---------------------------------------------------------------- exec
    async def exec(
        self,
        cmd: list[str],
        input: str | bytes | None = None,
        cwd: str | None = None,
        env: dict[str, str] | None = None,
        user: str | None = None,
        timeout: int | None = None,
        timeout_retry: bool = True,
        concurrency: bool = True,
    ) -> ExecResult[str]:
        if user is not None:
            from inspect_ai.util import SandboxUserUnsupportedError

            raise SandboxUserUnsupportedError("the symbench sandbox always runs as its own unprivileged user")
        limits = self.limits
        if timeout is not None:
            limits = limits.with_timeout(timeout)
        result = await run_jailed(cmd, self.workdir, input=input, env=env, limits=limits, cwd=cwd)
        if result.timed_out:
            raise ExecTimeout(f"command timed out after {limits.timeout_s:g} s in the symbench sandbox", result.stdout, result.stderr)
        return ExecResult(
            success=result.exit_code == 0,
            returncode=result.exit_code,
            stdout=result.stdout,
            stderr=result.stderr,
        )

    @classmethod
    def config_deserialize(cls, config: dict[str, Any]) -> Any:  # pragma: no cover - no config model
        return config
