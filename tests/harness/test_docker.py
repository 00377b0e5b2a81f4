"""The Docker sandbox: hostile programs stay inside, and SymBench evaluates end to end.

Needs a Docker engine and the image (``sudo scripts/docker_engine.sh && sudo
scripts/docker_image.sh``; CI runs both). Skipped only where no engine answers, and not
even then when ``SYMBENCH_REQUIRE_DOCKER=1`` (CI sets it). A missing or stale image fails.

The attacks both backends share (secrets, namespaces, system calls, memory, disk,
signals, hostile programs beside ordinary ones) are in test_jail_attacks.py, run on
every backend; these are the Docker sandbox's own checks and the end-to-end runs.
"""

from __future__ import annotations

import asyncio
import json
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import symbench._registry  # noqa: F401  (registers the sandbox, models and tasks)
from symbench.harness.docker import COMPOSE_FILE, SECCOMP_FILE, sandbox_packages, task_sandbox_spec

pytestmark = pytest.mark.docker

TASK = "symbench-docker-test"


@pytest.fixture(scope="module", autouse=True)
def _ready(docker_engine) -> None:
    """Skipped where no engine answers, failed on a stale image (conftest.py's require_docker)."""


# ---------------------------------------------------------------- the backend
def docker_backend(loop: asyncio.AbstractEventLoop, config: str = COMPOSE_FILE.as_posix()):
    """(environment class, one sample's environments) for our compose file, like the jail's factory."""
    from inspect_ai.util._sandbox.docker.docker import DockerSandboxEnvironment

    loop.run_until_complete(DockerSandboxEnvironment.task_init(TASK, config))
    return DockerSandboxEnvironment, loop.run_until_complete(DockerSandboxEnvironment.sample_init(TASK, config, {}))


class Box:
    """One sample's Docker sandbox, driven synchronously from a test."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.cls, self.environments = docker_backend(self.loop)
        self.env = self.environments["default"]

    def run(self, coro):
        return self.loop.run_until_complete(coro)

    def exec(self, cmd: list[str], timeout: int = 20, **kw):
        return self.run(self.env.exec(cmd, timeout=timeout, **kw))

    def python(self, source: str, timeout: int = 20, name: str = "main.py"):
        self.run(self.env.write_file(name, textwrap.dedent(source)))
        return self.exec(["python3", name], timeout=timeout)

    def containers(self) -> list[str]:
        project = self.env.as_type(self.cls)._project.name
        out = subprocess.run(["docker", "ps", "-aq", "--filter", f"label=com.docker.compose.project={project}"],
                             capture_output=True, text=True, check=True)
        return out.stdout.split()

    def close(self) -> None:
        if self.loop.is_closed():
            return
        try:
            self.run(self.cls.sample_cleanup(TASK, COMPOSE_FILE.as_posix(), self.environments, False))
        finally:
            self.loop.close()


@pytest.fixture
def box():
    b = Box()
    try:
        yield b
    finally:
        b.close()


# ---------------------------------------------------------------- what the sandbox offers
def test_the_promised_python_and_packages_are_there(box):
    modules = [module for _, module in sandbox_packages()]
    assert {"numpy", "sympy"} <= set(modules)
    r = box.python(
        f"""
        import importlib, json, sys
        print(json.dumps([list(sys.version_info[:2]), [importlib.import_module(m).__name__ for m in {modules!r}]]))
        """
    )
    version, imported = json.loads(r.stdout)
    assert imported == modules, r
    # the jail runs the host's /usr/bin/python3: both backends speak the same Python
    host = subprocess.run(["/usr/bin/python3", "-c", "import sys; print(*sys.version_info[:2])"], capture_output=True, text=True)
    assert version == [int(x) for x in host.stdout.split()]


def test_runs_as_an_unprivileged_user_without_capabilities(box):
    r = box.python(
        """
        import json, os, stat
        status = dict(line.split(":", 1) for line in open("/proc/self/status").read().splitlines() if ":" in line)
        setuid = []
        for top in ("/usr", "/bin", "/sbin"):
            for folder, _, files in os.walk(top):
                for f in files:
                    p = os.path.join(folder, f)
                    try:
                        if os.lstat(p).st_mode & (stat.S_ISUID | stat.S_ISGID):
                            setuid.append(p)
                    except OSError:
                        pass
        print(json.dumps({"uid": os.getuid(), "gid": os.getgid(), "cwd": os.getcwd(), "setuid": setuid,
                          **{k: status[k].strip() for k in ("CapEff", "CapPrm", "CapBnd", "NoNewPrivs", "Seccomp")}}))
        """
    )
    seen = json.loads(r.stdout)
    assert (seen["uid"], seen["gid"], seen["cwd"]) == (1000, 1000, "/work"), seen
    assert seen["CapEff"] == seen["CapPrm"] == seen["CapBnd"] == "0000000000000000", seen
    assert (seen["NoNewPrivs"], seen["Seccomp"]) == ("1", "2"), seen
    assert seen["setuid"] == [], seen


def test_no_network_not_even_the_hosts_loopback(box):
    server = socket.socket()
    server.bind(("0.0.0.0", 0))
    server.listen(1)
    port = server.getsockname()[1]
    try:
        r = box.python(
            f"""
            import os, socket
            print(sorted(os.listdir("/sys/class/net")))
            for host in ("127.0.0.1", "172.17.0.1", "1.1.1.1"):
                try:
                    socket.create_connection((host, {port}), timeout=2).close(); print(host, "CONNECTED")
                except OSError as exc:
                    print(host, "refused", exc.errno)
            try:
                socket.getaddrinfo("deb.debian.org", 80); print("dns RESOLVED")
            except OSError:
                print("dns refused")
            """
        )
    finally:
        server.close()
    lines = r.stdout.splitlines()
    assert lines[0] == "['lo']", r  # a loopback of its own, no other interface
    assert "CONNECTED" not in r.stdout and "RESOLVED" not in r.stdout and len(lines) == 5, r


def test_root_is_read_only_and_the_writable_places_are_small(box):
    r = box.python(
        """
        import errno
        print("mount", [line.split()[3].split(",")[0] for line in open("/proc/mounts") if line.split()[1] == "/"][0])
        for path in ("/x", "/etc/x", "/usr/lib/x", "/var/tmp/x", "/home/x", "/dev/x"):
            try:
                open(path, "w").write("x"); print(path, "WROTE")
            except OSError as exc:
                print(path, errno.errorcode[exc.errno])
        for folder in ("/work", "/tmp", "/dev/shm"):
            written = 0
            try:
                for i in range(12):  # at most 96 MiB
                    with open(f"{folder}/blob{i}", "wb") as fh:
                        fh.write(b"x" * (8 << 20))
                    written += 8
            except OSError as exc:
                print(folder, written, errno.errorcode[exc.errno])
        """,
        timeout=60,
    )
    results = dict(line.split(" ", 1) for line in r.stdout.splitlines())
    assert "WROTE" not in r.stdout, r
    assert results["mount"] == "ro", r
    for path in ("/x", "/etc/x", "/usr/lib/x", "/var/tmp/x", "/home/x"):  # /var/tmp is writable by all but for the mount
        assert results[path] == "EROFS", (path, r)
    assert results["/dev/x"] in ("EROFS", "EACCES"), r
    for folder, cap_mib in (("/work", 64), ("/tmp", 16), ("/dev/shm", 16)):
        written, code = results[folder].split()
        assert code in ("ENOSPC", "EFBIG") and int(written) <= cap_mib, (folder, r)


def test_a_fork_bomb_meets_the_process_limit_and_the_sandbox_recovers(box):
    r = box.python(
        """
        import errno, os, time
        children = []
        try:
            while len(children) < 500:
                pid = os.fork()
                if pid == 0:
                    time.sleep(2)
                    os._exit(0)
                children.append(pid)
        except OSError as exc:
            print(len(children), errno.errorcode[exc.errno])
        for pid in children:
            os.waitpid(pid, 0)
        """,
        timeout=60,
    )
    count, code = r.stdout.split()
    assert code == "EAGAIN" and int(count) < 64, r
    assert box.exec(["python3", "-c", "print('still here')"]).stdout == "still here\n"


def test_a_timeout_stops_the_program_and_cleanup_removes_every_survivor(box):
    marker = "symbench-docker-spin"
    with pytest.raises(TimeoutError):
        box.python(
            f"""
            import os, sys
            if os.fork() == 0:
                os.setsid()  # leaves timeout's process group: only the container's end stops it
                os.execv(sys.executable, [sys.executable, "-c", "while True: pass", "{marker}"])
            while True:
                pass
            """,
            timeout=2,
        )
    left = box.python(
        """
        import glob
        args = []
        for path in glob.glob("/proc/[0-9]*/cmdline"):
            try:
                args.append(open(path, "rb").read().split(b"\\0"))
            except OSError:
                pass
        print(sum(b"main.py" in a for a in args), sum(a[-2:] == [b"symbench-docker-" + b"spin", b""] for a in args))
        """,
        name="check.py",
    )
    assert left.stdout.split() == ["0", "1"], left  # the program was stopped; its setsid child lives on
    containers = box.containers()
    assert containers
    box.close()
    assert box.containers() == []  # the sample's container, with the survivor, is gone


def test_the_seccomp_profile_is_the_jails_filter():
    pytest.importorskip("symbench.harness.seccomp", reason="the jail's filter module is not on this branch yet")
    from symbench.harness.docker import seccomp_profile_text

    assert SECCOMP_FILE.read_text(encoding="utf-8") == seccomp_profile_text(), (
        "docker/seccomp.json is stale: run .venv/bin/python -m symbench.harness.docker"
    )


# ---------------------------------------------------------------- end to end
def _accuracy(log) -> float:
    return log.results.scores[0].metrics["accuracy"].value


def test_inspect_eval_cli_with_our_compose_file_scores_one(tmp_path):
    cmd = [sys.executable, "-m", "inspect_ai", "eval", "symbench/game24", "--model", "symbench/oracle",
           "--sandbox", f"docker:{COMPOSE_FILE}", "-T", "n=5", "--log-dir", str(tmp_path), "--display", "none"]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    from inspect_ai.log import list_eval_logs, read_eval_log

    [info] = list_eval_logs(str(tmp_path))
    log = read_eval_log(info)
    assert log.status == "success" and _accuracy(log) == 1.0
    assert log.eval.sandbox.type == "docker" and Path(log.eval.sandbox.config).resolve() == COMPOSE_FILE
    for sample in log.samples:
        [score] = sample.scores.values()
        assert score.metadata["answer_source"] == "code"


def test_every_task_scores_one_under_a_bare_docker_sandbox(tmp_path):
    """The whole suite, one sample a task; ``sandbox="docker"`` with no file finds our compose file."""
    from inspect_ai import eval as inspect_eval

    from symbench.harness.task import symbench_task
    from symbench.registry import all_tasks

    task = symbench_task(list(all_tasks()), n=1, sandbox=task_sandbox_spec())
    [log] = inspect_eval(task, model="symbench/oracle", sandbox="docker", display="none", log_dir=str(tmp_path))
    assert log.status == "success", log.error
    assert log.eval.sandbox.type == "docker" and Path(log.eval.sandbox.config).resolve() == COMPOSE_FILE
    assert len(log.samples) == len(all_tasks()) and _accuracy(log) == 1.0


def _registry_sandboxes() -> dict[str, object]:
    from symbench import _registry
    from symbench.registry import all_tasks

    return {name: getattr(_registry, name)(n=1).sandbox for name in [*all_tasks(), "symbench"]}


def test_every_registered_task_hands_our_compose_file_to_a_bare_docker_sandbox():
    sandboxes = _registry_sandboxes()
    assert set(sandboxes.values()) == {task_sandbox_spec()}, sandboxes


def test_inspect_eval_cli_with_a_bare_docker_sandbox_uses_our_compose_file(tmp_path):
    # checked first: otherwise Inspect would make up a compose file of its own and pull its image
    assert _registry_sandboxes()["game24"] == task_sandbox_spec()
    cmd = [sys.executable, "-m", "inspect_ai", "eval", "symbench/game24", "--model", "symbench/oracle",
           "--sandbox", "docker", "-T", "n=2", "--log-dir", str(tmp_path), "--display", "none"]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    from inspect_ai.log import list_eval_logs, read_eval_log

    log = read_eval_log(list_eval_logs(str(tmp_path))[0])
    assert _accuracy(log) == 1.0 and Path(log.eval.sandbox.config).resolve() == COMPOSE_FILE
