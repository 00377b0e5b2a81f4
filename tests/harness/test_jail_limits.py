"""The jail's own machinery: limits in one place, kept output, cgroups, work-folder mounts, clear failures."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import pytest

from symbench.harness import jail, seccomp
from symbench.harness.limits import JailLimits
from symbench.harness.cgroups import MemoryCgroups

MiB = 1 << 20


@pytest.fixture
def backend() -> str:
    """These tests are about the jail's own machinery: only its backend (not Docker)."""
    return "symbench"


@pytest.mark.parametrize(
    "field, value",
    [("timeout_s", 0), ("cpu_s", -1), ("memory_bytes", True), ("workdir_bytes", 1.5), ("shm_bytes", "16M")],
)
def test_bad_limits_are_refused_with_the_field_named(field, value):
    with pytest.raises(ValueError, match=field):
        JailLimits(**{field: value}).validate()


def test_limits_are_frozen_and_with_timeout_keeps_the_rest():
    limits = JailLimits(memory_bytes=256 * MiB)
    with pytest.raises(AttributeError):
        limits.timeout_s = 1  # type: ignore[misc]
    short = limits.with_timeout(3)
    assert (short.timeout_s, short.cpu_s, short.memory_bytes) == (3.0, 4, 256 * MiB)


@pytest.mark.sandbox
def test_output_printed_before_a_timeout_is_kept():
    src = "import sys, time\nprint('partial line', flush=True)\nsys.stderr.write('err so far\\n'); sys.stderr.flush()\ntime.sleep(60)\n"
    r = asyncio.run(jail.run_python_file(src, limits=JailLimits(timeout_s=2, cpu_s=5)))
    assert r.timed_out and r.exit_code == 124
    assert r.stdout == "partial line\n"
    assert r.stderr.startswith("err so far\n") and "timed out after 2 s" in r.stderr


@pytest.mark.sandbox
def test_the_sandbox_timeout_error_carries_the_output(box):
    from symbench.harness.sandbox import ExecTimeout

    box.write_file("slow.py", "import time\nprint('started', flush=True)\ntime.sleep(60)\n")
    with pytest.raises(TimeoutError) as info:
        box.exec(["python3", "slow.py"], timeout=2)
    assert isinstance(info.value, ExecTimeout) and info.value.stdout == "started\n"


@pytest.mark.sandbox
def test_cleanup_unmounts_and_removes_the_work_folder(root):
    from symbench.harness.sandbox import SymbenchSandbox

    async def life():
        envs = await SymbenchSandbox.sample_init("t", None, {})
        env = envs["default"]
        await env.write_file("a.txt", "x")
        mounted = str(env.workdir) in Path("/proc/mounts").read_text()
        await SymbenchSandbox.sample_cleanup("t", None, envs, False)
        return env.workdir, mounted

    workdir, mounted = asyncio.run(life())
    assert mounted  # as root the work folder is a tmpfs of its own
    assert not workdir.exists() and str(workdir) not in Path("/proc/mounts").read_text()


@pytest.mark.sandbox
def test_each_run_has_a_memory_cgroup_that_is_removed_after(memory_cgroups):
    groups = jail._cgroups()
    before = {p.name for p in groups.parent.iterdir() if p.name.startswith("symbench-")}
    r = asyncio.run(jail.run_python_file("print(open('/proc/self/cgroup').read())"))
    assert r.exit_code == 0
    after = {p.name for p in groups.parent.iterdir() if p.name.startswith("symbench-")}
    assert after == before  # nothing left behind in the evaluator's cgroup


def test_cgroup_v1_is_found_from_proc_self_cgroup(tmp_path):
    (tmp_path / "memory" / "job").mkdir(parents=True)
    (tmp_path / "memory" / "cgroup.procs").write_text("")
    (tmp_path / "memory" / "job" / "memory.limit_in_bytes").write_text("9223372036854771712")
    groups = MemoryCgroups(root=tmp_path, proc_cgroup="5:cpu:/\n4:memory:/job\n0::/\n")
    assert groups.available and groups.version == 1 and groups.parent == tmp_path / "memory" / "job"
    run = groups.create(300 * MiB)
    assert run.parent == groups.parent and (run / "memory.limit_in_bytes").read_text() == str(300 * MiB)


def test_cgroup_v2_enables_the_memory_controller_for_its_children(tmp_path):
    own = tmp_path / "user.slice" / "job"
    own.mkdir(parents=True)
    (tmp_path / "cgroup.controllers").write_text("cpu memory pids")
    (own / "cgroup.controllers").write_text("cpu memory")
    (own / "cgroup.subtree_control").write_text("")
    groups = MemoryCgroups(root=tmp_path, proc_cgroup="0::/user.slice/job\n")
    assert groups.available and groups.version == 2
    assert (own / "cgroup.subtree_control").read_text() == "+memory"
    run = groups.create(200 * MiB)
    assert (run / "memory.max").read_text() == str(200 * MiB)


def test_a_named_parent_cgroup_is_used_instead_of_our_own(tmp_path, monkeypatch):
    (tmp_path / "memory" / "job").mkdir(parents=True)
    (tmp_path / "memory" / "cgroup.procs").write_text("")
    delegated = tmp_path / "memory" / "delegated"
    delegated.mkdir()
    (delegated / "memory.limit_in_bytes").write_text("1")
    monkeypatch.setenv("SYMBENCH_SANDBOX_CGROUP", str(delegated))
    groups = MemoryCgroups(root=tmp_path, proc_cgroup="4:memory:/job\n")
    assert groups.parent == delegated


def test_cgroup_v2_without_the_memory_controller_says_why(tmp_path):
    (tmp_path / "cgroup.controllers").write_text("cpu pids")
    groups = MemoryCgroups(root=tmp_path, proc_cgroup="0::/\n")
    assert not groups.available and "memory controller is not available" in groups.problem


@pytest.fixture
def fresh_check(monkeypatch):
    """check_available runs again, and every one-time warning can be given again."""
    from symbench.harness import limits as limits_module

    monkeypatch.setattr(jail, "_CHECKED", None)
    monkeypatch.setattr(limits_module, "_warned", set())
    seccomp.filter_program.cache_clear()
    yield
    seccomp.filter_program.cache_clear()


def test_missing_libseccomp_stops_the_run_with_what_to_install(monkeypatch, fresh_check):
    monkeypatch.delenv(seccomp.OPT_OUT_ENV, raising=False)
    real_import = __import__

    def no_binding(name, *args, **kwargs):
        if name in ("seccomp", "pyseccomp"):
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr("builtins.__import__", no_binding)
    with pytest.raises(jail.SandboxUnavailable) as info:
        jail.check_available()
    message = str(info.value)
    assert "apt-get install libseccomp2" in message and "pip install pyseccomp" in message
    assert seccomp.OPT_OUT_ENV in message and "\n" not in message


@pytest.mark.sandbox
def test_the_opt_out_runs_without_the_filter_and_says_so(monkeypatch, fresh_check, caplog):
    monkeypatch.setenv(seccomp.OPT_OUT_ENV, "1")
    caplog.set_level(logging.WARNING, logger="symbench.sandbox")
    r = asyncio.run(jail.run_python_file("print(open('/proc/self/status').read())"))
    assert "Seccomp:\t0" in r.stdout  # no filter loaded
    assert any(seccomp.OPT_OUT_ENV in rec.getMessage() and "WITHOUT" in rec.getMessage() for rec in caplog.records)


@pytest.mark.sandbox
def test_the_filter_is_loaded_by_default(fresh_check, monkeypatch):
    monkeypatch.delenv(seccomp.OPT_OUT_ENV, raising=False)
    r = asyncio.run(jail.run_python_file("print(open('/proc/self/status').read())"))
    assert "Seccomp:\t2" in r.stdout  # 2 = filter mode


@pytest.mark.sandbox
def test_without_cgroups_the_run_goes_on_with_one_warning(monkeypatch, fresh_check, caplog, tmp_path):
    monkeypatch.setattr(jail, "_cgroups", lambda: MemoryCgroups(root=tmp_path / "none", proc_cgroup=""))
    caplog.set_level(logging.WARNING, logger="symbench.sandbox")
    r = asyncio.run(jail.run_python_file("print('ran')"))
    assert r.stdout == "ran\n"
    warnings = [rec.getMessage() for rec in caplog.records if "memory cgroup" in rec.getMessage()]
    assert len(warnings) == 1 and "capped per process only" in warnings[0]


def test_the_chain_starts_with_a_minimal_environment(monkeypatch, tmp_path):
    """What the host-side chain (sh, setpriv, prlimit, bwrap) gets holds none of the parent's variables."""
    seen = {}

    async def fake_exec(*argv, **kwargs):
        seen.update(kwargs)
        raise RuntimeError("stop here")

    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-abc")
    monkeypatch.setattr(jail, "check_available", lambda: None)
    monkeypatch.setattr(jail, "_seccomp_program", lambda: None)
    monkeypatch.setattr(jail, "_new_cgroup", lambda limits: None)
    monkeypatch.setattr(asyncio, "create_subprocess_exec", fake_exec)
    with pytest.raises(RuntimeError, match="stop here"):
        asyncio.run(jail.run_jailed(["true"], tmp_path))
    assert set(seen["env"]) <= {"PATH", "LANG"} and "sk-test-abc" not in str(seen["env"])
