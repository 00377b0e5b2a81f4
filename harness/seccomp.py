"""The jail's system-call filter, compiled with libseccomp (no Inspect import).

The filter allows everything by default and refuses what model code never needs but
what widens the kernel surface or undoes the jail. bubblewrap loads it (``--seccomp FD``)
just before it starts the command, so it holds for the command and everything it starts.

Refused with ``EPERM`` (the call fails; the program goes on):

* namespaces and mounts: ``unshare``, ``setns``, ``clone`` with any ``CLONE_NEW*`` flag,
  ``mount``, ``umount2``, ``pivot_root``, ``chroot`` and the new mount API
  (``open_tree``, ``move_mount``, ``fsopen``, ``fsconfig``, ``fsmount``, ``fspick``,
  ``mount_setattr``);
* large kernel surfaces: ``io_uring_setup``/``enter``/``register``, ``bpf``,
  ``perf_event_open``, ``userfaultfd``, ``keyctl``/``add_key``/``request_key``,
  ``fanotify_init``;
* other processes: ``ptrace``, ``process_vm_readv``/``writev``, ``process_madvise``,
  ``pidfd_getfd``;
* administration: ``kexec_load``, ``kexec_file_load``, ``init_module``,
  ``finit_module``, ``delete_module``, ``swapon``, ``swapoff``, ``reboot``, ``acct``,
  ``quotactl``, ``syslog``, ``uselib``;
* file handles: ``open_by_handle_at``, ``name_to_handle_at``;
* terminal injection: ``ioctl`` ``TIOCSTI`` and ``TIOCLINUX``.

``clone3`` fails with ``ENOSYS`` (its flags cannot be inspected; the C library then
falls back to ``clone``, which is filtered). ``socket`` for any family but ``AF_UNIX``,
``AF_INET``, ``AF_INET6`` and ``AF_NETLINK`` fails with ``EAFNOSUPPORT``. A system call
of another architecture's ABI (x32, i386) kills the process.

The program is compiled once per process and cached. Without libseccomp the jail does
not start (see :func:`filter_program`), unless ``SYMBENCH_SANDBOX_NO_SECCOMP=1`` says
to run without the filter.
"""

from __future__ import annotations

import errno
import functools
import os
import tempfile

#: set to 1 to run the jail without its system-call filter (weaker; a warning is printed)
OPT_OUT_ENV = "SYMBENCH_SANDBOX_NO_SECCOMP"

REFUSED = (
    # namespaces and mounts
    "unshare", "setns", "mount", "umount2", "pivot_root", "chroot",
    "open_tree", "move_mount", "fsopen", "fsconfig", "fsmount", "fspick", "mount_setattr",
    # large kernel surfaces
    "io_uring_setup", "io_uring_enter", "io_uring_register", "bpf", "perf_event_open",
    "userfaultfd", "keyctl", "add_key", "request_key", "fanotify_init",
    # other processes
    "ptrace", "process_vm_readv", "process_vm_writev", "process_madvise", "pidfd_getfd",
    # administration
    "kexec_load", "kexec_file_load", "init_module", "finit_module", "delete_module",
    "swapon", "swapoff", "reboot", "acct", "quotactl", "syslog", "uselib",
    # file handles
    "open_by_handle_at", "name_to_handle_at",
)  # fmt: skip

CLONE_NEW_FLAGS = {
    "CLONE_NEWNS": 0x00020000,
    "CLONE_NEWCGROUP": 0x02000000,
    "CLONE_NEWUTS": 0x04000000,
    "CLONE_NEWIPC": 0x08000000,
    "CLONE_NEWUSER": 0x10000000,
    "CLONE_NEWPID": 0x20000000,
    "CLONE_NEWNET": 0x40000000,
}
TERMINAL_IOCTLS = {"TIOCSTI": 0x5412, "TIOCLINUX": 0x541C}
SOCKET_FAMILIES_ALLOWED = {"AF_UNIX": 1, "AF_INET": 2, "AF_INET6": 10, "AF_NETLINK": 16}
_AF_MAX = 46  # families 0..45 exist in Linux 6.x; larger numbers are refused too


class SeccompUnavailable(RuntimeError):
    """libseccomp (or its Python binding) is missing; the message says what to install."""


def opted_out() -> bool:
    return os.environ.get(OPT_OUT_ENV, "") not in ("", "0")


def _library():
    """libseccomp's Python binding: the official ``seccomp`` module, else ``pyseccomp``."""
    problems = []
    for name in ("seccomp", "pyseccomp"):
        try:
            return __import__(name)
        except ImportError as exc:
            problems.append(f"{name}: {exc}")
        except (OSError, RuntimeError) as exc:  # pyseccomp raises when libseccomp.so is missing
            problems.append(f"{name}: {exc}")
    raise SeccompUnavailable(
        "the SymBench sandbox filters system calls with libseccomp, which cannot be loaded here ("
        + "; ".join(problems)
        + "): install it (Debian/Ubuntu: `apt-get install libseccomp2`, and `pip install pyseccomp` "
        f"in this environment), or set {OPT_OUT_ENV}=1 to run without the filter (weaker isolation)"
    )


@functools.lru_cache(maxsize=1)
def filter_program() -> bytes:
    """The compiled BPF program bubblewrap loads (raises :class:`SeccompUnavailable`)."""
    sc = _library()
    filt = sc.SyscallFilter(sc.ALLOW)
    filt.set_attr(sc.Attr.ACT_BADARCH, sc.KILL_PROCESS if hasattr(sc, "KILL_PROCESS") else sc.KILL)
    eperm = sc.ERRNO(errno.EPERM)
    for name in REFUSED:
        filt.add_rule(eperm, name)
    for flag in CLONE_NEW_FLAGS.values():
        filt.add_rule(eperm, "clone", sc.Arg(0, sc.MASKED_EQ, flag, flag))
    for request in TERMINAL_IOCTLS.values():
        filt.add_rule(eperm, "ioctl", sc.Arg(1, sc.MASKED_EQ, 0xFFFFFFFF, request))
    filt.add_rule(sc.ERRNO(errno.ENOSYS), "clone3")
    no_family = sc.ERRNO(errno.EAFNOSUPPORT)
    allowed = set(SOCKET_FAMILIES_ALLOWED.values())
    for family in range(_AF_MAX):
        if family not in allowed:
            filt.add_rule(no_family, "socket", sc.Arg(0, sc.EQ, family))
    filt.add_rule(no_family, "socket", sc.Arg(0, sc.GE, _AF_MAX))
    with tempfile.TemporaryFile() as fh:
        filt.export_bpf(fh)
        fh.seek(0)
        return fh.read()
