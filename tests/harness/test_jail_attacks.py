"""Attacks of issue 9, run through Inspect's sandbox interface on every backend (see conftest.py).

Each test plays a hostile program and asserts the jail holds; each failed on the jail as
it was before the hardening (secrets in /proc/1/environ, nested user namespaces, no
system-call filter, per-process memory only, unbounded work folder and /dev/shm).
"""

from __future__ import annotations

import asyncio
import errno
import json
import platform
import subprocess
import time

import pytest

pytestmark = pytest.mark.sandbox

SECRET = "sk-test-do-not-leak-4f1c2a"

x86_64 = pytest.mark.skipif(platform.machine() != "x86_64", reason="system-call numbers below are x86_64's")


def test_no_process_inside_carries_a_parent_variable(box, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    monkeypatch.setenv("SYMBENCH_TEST_TOKEN", SECRET + "-2")
    r = box.python(
        """
        import glob, subprocess, sys
        child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(5)"])
        seen = {}
        for path in sorted(set(glob.glob("/proc/[0-9]*/environ") + glob.glob("/proc/[0-9]*/task/*/environ")
                               + ["/proc/self/environ", "/proc/1/environ"])):
            try:
                seen[path] = open(path, "rb").read().decode("latin-1")
            except OSError as exc:
                seen[path] = "unreadable: " + type(exc).__name__
        child.kill()
        import json
        print(json.dumps(seen))
        """
    )
    seen = json.loads(r.stdout)
    assert "/proc/1/environ" in seen and sum("PATH=" in v for v in seen.values()) >= 3, seen
    for path, environ in seen.items():
        assert SECRET not in environ, path
        assert "OPENAI_API_KEY" not in environ and "SYMBENCH_TEST_TOKEN" not in environ, path


def test_no_nested_user_namespace_and_no_mount_of_host_ram(box):
    r = box.python(
        """
        import ctypes, os, subprocess
        libc = ctypes.CDLL(None, use_errno=True)
        p = subprocess.run(["unshare", "-Urm", "sh", "-c", "mount -t tmpfs -o size=50% none /tmp && echo MOUNTED"],
                           capture_output=True, text=True)
        print("tool", p.returncode, p.stdout.strip() or "-", p.stderr.strip()[:80])
        CLONE_NEWUSER, CLONE_NEWNS = 0x10000000, 0x00020000
        rc = libc.unshare(CLONE_NEWUSER | CLONE_NEWNS)
        print("unshare", rc, ctypes.get_errno())
        """
    )
    lines = r.stdout.splitlines()
    assert lines[0].startswith("tool ") and not lines[0].startswith("tool 0") and "MOUNTED" not in r.stdout, r
    assert lines[1] == f"unshare -1 {errno.EPERM}", r


REFUSED_X86_64 = {
    "unshare": 272, "setns": 308, "mount": 165, "umount2": 166, "pivot_root": 155, "chroot": 161,
    "open_tree": 428, "move_mount": 429, "fsopen": 430, "fsconfig": 431, "fsmount": 432, "fspick": 433,
    "mount_setattr": 442, "io_uring_setup": 425, "io_uring_enter": 426, "io_uring_register": 427,
    "bpf": 321, "perf_event_open": 298, "userfaultfd": 323, "keyctl": 250, "add_key": 248,
    "request_key": 249, "fanotify_init": 300, "ptrace": 101, "process_vm_readv": 310,
    "process_vm_writev": 311, "process_madvise": 440, "pidfd_getfd": 438, "kexec_load": 246,
    "kexec_file_load": 320, "init_module": 175, "finit_module": 313, "delete_module": 176,
    "swapon": 167, "swapoff": 168, "reboot": 169, "acct": 163, "quotactl": 179, "syslog": 103,
    "uselib": 134, "open_by_handle_at": 304, "name_to_handle_at": 303,
}  # fmt: skip


@x86_64
def test_refused_system_calls_fail_with_eperm(box):
    r = box.python(
        f"""
        import ctypes, json, os
        libc = ctypes.CDLL(None, use_errno=True)
        libc.syscall.restype = ctypes.c_long
        out = {{}}
        for name, nr in {REFUSED_X86_64!r}.items():
            ctypes.set_errno(0)
            rc = libc.syscall(nr, 0, 0, 0, 0, 0, 0)
            out[name] = [rc, ctypes.get_errno()]
        for flag in ("0x10000000", "0x00020000", "0x40000000", "0x20000000"):  # CLONE_NEW{{USER,NS,NET,PID}}
            rc = libc.syscall(56, int(flag, 16) | 17, 0, 0, 0, 0)  # raw clone(flags | SIGCHLD)
            if rc == 0:
                os._exit(0)  # a child was made: the filter did not hold
            out["clone " + flag] = [-1 if rc < 0 else 0, ctypes.get_errno() if rc < 0 else 0]
        rc = libc.syscall(435, 0, 0)  # clone3: flags are out of the filter's sight
        out["clone3"] = [rc, ctypes.get_errno()]
        rc = libc.ioctl(0, 0x5412, ctypes.c_char_p(b"x"))  # TIOCSTI
        out["ioctl TIOCSTI"] = [rc, ctypes.get_errno()]
        print(json.dumps(out))
        """
    )
    out = json.loads(r.stdout)
    wrong = {name: res for name, res in out.items() if name != "clone3" and res != [-1, errno.EPERM]}
    assert wrong == {}, wrong
    assert out["clone3"] == [-1, errno.ENOSYS]
    assert len(out) == len(REFUSED_X86_64) + 6


@x86_64
def test_other_abis_cannot_bypass_the_filter(box):
    # x32 numbers are the x86_64 ones with bit 30 set; the process is killed or the call fails
    r = box.python(
        """
        import ctypes, subprocess, sys
        code = ("import ctypes; libc = ctypes.CDLL(None, use_errno=True); "
                "rc = libc.syscall(0x40000000 | 272, 0x10000000); print('rc', rc, ctypes.get_errno(), flush=True)")
        p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        print(p.returncode, p.stdout.strip() or "-")
        """
    )
    code, rest = r.stdout.strip().split(" ", 1)
    assert not rest.startswith("rc 0"), r  # unshare through the x32 ABI did not succeed


def test_socket_families_beyond_unix_and_ip_are_refused(box):
    r = box.python(
        """
        import socket
        a, b = socket.socketpair()
        a.sendall(b"ok"); print("unix", b.recv(2).decode())
        socket.socket(socket.AF_INET, socket.SOCK_STREAM).close(); print("inet ok")
        for family, kind in ((38, socket.SOCK_SEQPACKET), (40, socket.SOCK_STREAM), (17, socket.SOCK_RAW)):
            try:
                socket.socket(family, kind).close(); print(family, "OPENED")
            except OSError as exc:
                print(family, exc.errno)
        """
    )
    assert r.stdout.splitlines()[:2] == ["unix ok", "inet ok"], r
    assert r.stdout.splitlines()[2:] == [f"{f} {errno.EAFNOSUPPORT}" for f in (38, 40, 17)], r


def test_threads_subprocesses_and_multiprocessing_still_work(box):
    r = box.python(
        """
        import multiprocessing, subprocess, sys, threading
        t = threading.Thread(target=print, args=("thread",)); t.start(); t.join()
        print(subprocess.run([sys.executable, "-c", "print(6 * 7)"], capture_output=True, text=True).stdout.strip())
        if __name__ == "__main__":
            with multiprocessing.Pool(2) as pool:
                print(sum(pool.map(abs, range(-10, 0))))
        """,
        timeout=30,
    )
    assert r.returncode == 0 and r.stdout.split() == ["thread", "42", "55"], r


def test_memory_of_all_processes_together_is_capped(box, memory_cgroups):
    hog = """
        import os, sys, time
        size = int(sys.argv[1]) << 20
        pids = []
        for _ in range(3):
            pid = os.fork()
            if pid == 0:
                block = b"x" * size  # touched, not only reserved
                time.sleep(1.5)
                os._exit(0)
            pids.append(pid)
        print([os.waitpid(p, 0)[1] for p in pids])
        """
    box.write_file("hog.py", __import__("textwrap").dedent(hog))
    over = box.exec(["python3", "hog.py", "512"], timeout=60)  # 3 x 512 MiB > 1 GiB for the run
    statuses = json.loads(over.stdout)
    assert any(s != 0 for s in statuses), over
    under = box.exec(["python3", "hog.py", "200"], timeout=60)  # 3 x 200 MiB fits
    assert under.returncode == 0 and json.loads(under.stdout) == [0, 0, 0], under


def test_work_folder_total_is_capped_and_persists_across_execs(box, root):
    box.write_file("from_host.txt", "host")
    r = box.python(
        """
        import os
        written = 0
        try:
            for i in range(20):  # at most 160 MiB
                with open(f"blob{i}", "wb") as fh:
                    fh.write(b"x" * (8 << 20))
                written += 8
        except OSError as exc:
            print("stopped", exc.errno)
        print(written, open("from_host.txt").read())
        for i in range(20):
            if os.path.exists(f"blob{i}"):
                os.remove(f"blob{i}")  # room again once deleted
        open("note.txt", "w").write("from the first exec")
        """,
        timeout=30,
    )
    lines = r.stdout.splitlines()
    assert lines[0] == f"stopped {errno.ENOSPC}", r
    written, host = lines[1].split()
    assert int(written) <= 64 and host == "host", r
    again = box.exec(["cat", "note.txt"])
    assert again.stdout == "from the first exec"
    if box.backend != "docker":  # Inspect reads Docker files with `docker cp`, which does not see tmpfs
        assert box.read_file("note.txt") == "from the first exec"


def test_tmp_dev_and_dev_shm_are_small_or_read_only(box):
    r = box.python(
        """
        import errno
        for folder in ("/tmp", "/dev/shm"):
            written = 0
            try:
                for i in range(16):  # at most 64 MiB
                    with open(f"{folder}/blob{i}", "wb") as fh:
                        fh.write(b"x" * (4 << 20))
                    written += 4
            except OSError as exc:
                pass
            print(folder, written)
        try:
            open("/dev/evil", "wb").write(b"x"); print("/dev WROTE")
        except OSError as exc:
            print("/dev", exc.errno)
        """,
        timeout=30,
    )
    sizes = dict(line.split() for line in r.stdout.splitlines())
    assert int(sizes["/tmp"]) <= 16 and int(sizes["/dev/shm"]) <= 16, r
    # the jail's /dev is a read-only mount; Docker's belongs to root
    assert sizes["/dev"] == str(errno.EACCES if box.backend == "docker" else errno.EROFS), r


def test_signals_to_outside_processes_are_refused(box):
    outside = subprocess.Popen(["sleep", "30"])
    try:
        r = box.python(
            f"""
            import os, signal
            for target in ({outside.pid}, -1):
                try:
                    os.kill(target, signal.SIGKILL); print("sent", target)
                except OSError as exc:
                    print("refused", target, exc.errno)
            print("alive")
            """
        )
        time.sleep(0.2)
        assert outside.poll() is None, r  # the host process is untouched
        assert "alive" in r.stdout and f"sent {outside.pid}" not in r.stdout, r
    finally:
        outside.kill()
        outside.wait()


HOSTILE = {
    "fork bomb": "import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass\n",
    "memory of many processes": "import os, time\nfor _ in range(3):\n    if os.fork() == 0:\n        b = b'x' * (512 << 20)\n        time.sleep(30)\ntime.sleep(30)\n",
    "cpu loop": "while True:\n    pass\n",
    "output flood": "import sys\nwhile True:\n    sys.stdout.write('x' * 65536)\n",
    "disk filler": "i = 0\nwhile True:\n    try:\n        open(f'f{i}', 'wb').write(b'x' * (8 << 20))\n    except OSError:\n        pass\n    i += 1\n",
    "shm filler": "i = 0\nwhile True:\n    try:\n        open(f'/dev/shm/f{i}', 'wb').write(b'x' * (4 << 20))\n    except OSError:\n        pass\n    i += 1\n",
    "survivor": "import subprocess, sys\nsubprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'], start_new_session=True)\n",
    "namespace and signal attacker": (
        "import ctypes, os, signal\nlibc = ctypes.CDLL(None)\nwhile True:\n"
        "    libc.unshare(0x10000000)\n    try:\n        os.kill(-1, signal.SIGKILL)\n    except OSError:\n        pass\n"
    ),
}
ORDINARY = {
    "sum": ("print(sum(range(1000)))", "499500"),
    "subprocess": ("import subprocess, sys\nprint(subprocess.run([sys.executable, '-c', 'print(6*7)'], capture_output=True, text=True).stdout.strip())", "42"),
    "files": ("open('a.txt', 'w').write('hello')\nprint(open('a.txt').read())", "hello"),
    "threads": ("import concurrent.futures as f\nwith f.ThreadPoolExecutor(4) as ex:\n    print(sum(ex.map(lambda x: x * x, range(10))))", "285"),
}


def test_eight_hostile_programs_beside_four_ordinary_ones(box):
    async def one(env, source, timeout):
        await env.write_file("main.py", source)
        try:
            return await env.exec(["python3", "main.py"], timeout=timeout)
        except TimeoutError as exc:
            return exc

    async def all_of_them():
        sets = [await box.cls.sample_init("test", box.config, {}) for _ in range(len(HOSTILE) + len(ORDINARY))]
        envs = [s["default"] for s in sets]
        try:
            hostile = [one(env, src, 4) for env, src in zip(envs, HOSTILE.values())]
            ordinary = [one(env, src, 60) for env, (src, _) in zip(envs[len(HOSTILE):], ORDINARY.values())]
            return await asyncio.gather(*hostile, *ordinary)
        finally:
            for s in sets:
                await box.cls.sample_cleanup("test", box.config, s, False)

    results = box.run(all_of_them())
    for (name, (_, expected)), result in zip(ORDINARY.items(), results[len(HOSTILE):]):
        assert not isinstance(result, Exception), (name, result)
        assert result.returncode == 0 and result.stdout.strip() == expected, (name, result)
