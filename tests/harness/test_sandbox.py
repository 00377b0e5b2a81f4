"""Hostile programs stay inside the jail (needs bubblewrap; CI installs it)."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
import uuid

import pytest

from symbench.harness.jail import JailLimits, run_python_file

pytestmark = pytest.mark.sandbox

FAST = JailLimits(timeout_s=5, cpu_s=5)


def run(src: str, limits: JailLimits = FAST):
    return asyncio.run(run_python_file(textwrap.dedent(src), limits=limits))


def _alive_with(marker: str) -> list[int]:
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/cmdline", "rb") as fh:
                    if marker.encode() in fh.read():
                        pids.append(int(entry))
            except OSError:
                pass
    return pids


def test_plain_program_runs_and_reports():
    r = run("print('<<<42>>>')")
    assert (r.exit_code, r.stdout, r.timed_out) == (0, "<<<42>>>\n", False)
    assert r.duration_s < 5


def test_runs_as_an_unprivileged_user_in_an_empty_root():
    r = run("import os; print(os.getuid(), sorted(os.listdir('/')), sorted(os.listdir('/etc')))")
    uid, listing = r.stdout.split(" ", 1)
    assert uid != "0"
    for hidden in ("root", "home", "work/main", "var"):
        assert f"'{hidden}'" not in listing
    # /etc holds only Debian's alternatives symlinks (numpy's BLAS): no passwd, no host config
    assert listing.rstrip().endswith("['alternatives']"), listing


def test_no_network_even_to_the_hosts_loopback():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    port = server.getsockname()[1]
    accepted = []
    server.settimeout(3)

    def accept():
        try:
            accepted.append(server.accept())
        except OSError:
            pass

    t = threading.Thread(target=accept)
    t.start()
    r = run(
        f"""
        import socket
        for host in ("127.0.0.1", "1.1.1.1"):
            try:
                socket.create_connection((host, {port}), timeout=2)
                print("CONNECTED", host)
            except OSError as exc:
                print("blocked", host, type(exc).__name__)
        """
    )
    t.join()
    server.close()
    assert "CONNECTED" not in r.stdout and r.stdout.count("blocked") == 2, r
    assert not accepted


def test_cannot_write_outside_the_work_folder():
    outside = tempfile.NamedTemporaryFile("w", delete=False, suffix=".txt")
    outside.write("original")
    outside.close()
    try:
        r = run(
            f"""
            import os
            results = []
            for path in ({outside.name!r}, "/usr/evil.txt", "/evil.txt", "/proc/sys/kernel/hostname"):
                try:
                    with open(path, "w") as fh:
                        fh.write("pwned")
                    results.append("WROTE " + path)
                except OSError as exc:
                    results.append("denied")
            open("inside.txt", "w").write("ok")  # the work folder itself is writable
            print(results, open("inside.txt").read())
            """
        )
        # the sandbox's /tmp is private: a write to the host file's path lands there, not on the host
        assert "WROTE /usr" not in r.stdout and "WROTE /evil" not in r.stdout and "WROTE /proc" not in r.stdout, r
        assert r.stdout.strip().endswith("ok"), r
        with open(outside.name) as fh:
            assert fh.read() == "original"
        assert not os.path.exists("/usr/evil.txt") and not os.path.exists("/evil.txt")
    finally:
        os.unlink(outside.name)


def test_parent_secrets_are_not_visible(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-do-not-leak-123")
    monkeypatch.setenv("SYMBENCH_TEST_SECRET", "hunter2")
    r = run("import os, json; print(json.dumps(dict(os.environ)))")
    env = json.loads(r.stdout)
    assert "OPENAI_API_KEY" not in env and "SYMBENCH_TEST_SECRET" not in env
    assert "sk-do-not-leak-123" not in r.stdout and "hunter2" not in r.stdout
    assert set(env) <= {"PATH", "HOME", "TMPDIR", "LANG", "LC_ALL", "PYTHONDONTWRITEBYTECODE", "PYTHONIOENCODING", "PYTHONHASHSEED", "PWD"}


def test_endless_loop_is_killed_at_the_timeout():
    start = time.monotonic()
    r = run("while True: pass", JailLimits(timeout_s=2, cpu_s=30))
    assert r.timed_out and r.exit_code == 124
    assert time.monotonic() - start < 10


def test_cpu_limit_stops_a_busy_program_before_a_long_wall_timeout():
    r = run("while True: pass", JailLimits(timeout_s=30, cpu_s=1))
    assert not r.timed_out and r.exit_code != 0 and r.duration_s < 10


def test_memory_bomb_fails_inside_the_jail():
    r = run("x = bytearray(4 * 1024**3); print('ALLOCATED')", JailLimits(timeout_s=10, memory_bytes=512 << 20))
    assert "ALLOCATED" not in r.stdout and r.exit_code != 0
    assert "MemoryError" in r.stderr


def test_fork_bomb_is_contained_and_leaves_nothing():
    marker = "forkbomb-" + uuid.uuid4().hex
    r = run(
        f"""
        import os, sys
        sys.argv.append({marker!r})
        n = 0
        while True:
            try:
                if os.fork() == 0:
                    import time
                    time.sleep(60)
                    os._exit(0)
                n += 1
            except OSError:
                print("limit reached after", n)
                sys.stdout.flush()
                break
        import time
        time.sleep(60)
        """,
        JailLimits(timeout_s=3, cpu_s=10, max_processes=32),
    )
    assert r.timed_out or "limit reached" in r.stdout
    time.sleep(0.5)
    assert run("print('still fine')").stdout == "still fine\n"


def test_huge_output_is_capped():
    r = run("import sys\nfor _ in range(10**6): sys.stdout.write('x' * 1000)", JailLimits(timeout_s=10, output_cap_bytes=4096))
    assert r.truncated
    assert len(r.stdout) < 4096 + 200
    assert r.duration_s < 10


def test_background_child_does_not_outlive_the_run():
    marker = "outlive-" + uuid.uuid4().hex
    r = run(
        f"""
        import subprocess, sys
        subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)", {marker!r}], start_new_session=True)
        import os
        if os.fork() == 0:
            os.setsid()
            os.execv(sys.executable, [sys.executable, "-c", "import time; time.sleep(30)", {marker!r} + "-2"])
        print("parent exits")
        """
    )
    assert r.stdout == "parent exits\n" and not r.timed_out
    deadline = time.monotonic() + 3
    while _alive_with(marker) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _alive_with(marker) == []


def test_cli_sandbox_run_prints_the_json_result(tmp_path):
    program = tmp_path / "p.py"
    program.write_text("import sys\nprint('<<<7>>>')\nprint('oops', file=sys.stderr)\nsys.exit(3)\n")
    out = subprocess.run([sys.executable, "-m", "symbench.cli", "sandbox", "run", str(program), "--timeout", "5"],
                         capture_output=True, text=True, check=True)
    data = json.loads(out.stdout)
    assert set(data) == {"exit_code", "stdout", "stderr", "timed_out", "duration_s"}
    assert data["exit_code"] == 3 and data["stdout"] == "<<<7>>>\n" and "oops" in data["stderr"] and data["timed_out"] is False


def test_a_fork_bomb_does_not_starve_a_sandbox_running_beside_it():
    bomb = textwrap.dedent(
        """
        import os, time
        while True:
            try:
                if os.fork() == 0:
                    time.sleep(30)
                    os._exit(0)
            except OSError:
                time.sleep(0.05)
        """
    )
    calm = "import subprocess, sys\nprint(subprocess.run([sys.executable, '-c', 'print(6*7)'], capture_output=True, text=True).stdout.strip())"

    async def both():
        bomb_task = asyncio.create_task(run_python_file(bomb, limits=JailLimits(timeout_s=4, cpu_s=10, max_processes=32)))
        await asyncio.sleep(1.0)  # let the bomb reach its limit first
        calm_result = await run_python_file(calm, limits=FAST)
        return calm_result, await bomb_task

    calm_result, bomb_result = asyncio.run(both())
    assert bomb_result.timed_out
    assert calm_result.exit_code == 0 and calm_result.stdout.strip() == "42", calm_result


def test_missing_bubblewrap_gives_install_advice(monkeypatch):
    from symbench.harness import jail

    monkeypatch.setattr(jail, "_CHECKED", None)
    monkeypatch.setattr("shutil.which", lambda name: None)
    with pytest.raises(jail.SandboxUnavailable) as info:
        jail.check_available()
    message = str(info.value)
    assert "apt-get install bubblewrap" in message and "--sandbox docker" in message


def test_broken_namespaces_give_advice(monkeypatch):
    from symbench.harness import command, jail

    monkeypatch.setattr(jail, "_CHECKED", None)

    def failing(cmd, *args, **kwargs):  # bwrap that cannot create its namespaces
        return ["/bin/sh", "-c", "echo 'bwrap: No permissions to creating new namespace' >&2; exit 1"]

    monkeypatch.setattr(command, "bwrap_argv", failing)
    with pytest.raises(jail.SandboxUnavailable, match="user namespaces|--sandbox docker") as info:
        jail.check_available()
    assert "No permissions" in str(info.value)


def test_sandbox_unavailable_stops_the_task_before_any_model_call(monkeypatch):
    from symbench.harness import jail
    from symbench.harness.sandbox import SymbenchSandbox

    monkeypatch.setattr(jail, "_CHECKED", None)
    monkeypatch.setattr("shutil.which", lambda name: None)
    with pytest.raises(jail.SandboxUnavailable):
        asyncio.run(SymbenchSandbox.task_init("game24", None))
