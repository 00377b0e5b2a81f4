"""Work folders of the sandbox: one per sample, owned by a sandbox uid of its own (no Inspect import).

As root each work folder is a tmpfs of ``JailLimits.workdir_bytes`` mounted on the host
for the sandbox's lifetime, so the total a sample stores is capped (not only each file),
the files of one ``exec`` are there for the next, the host can write into it
(``write_file``), and :func:`remove_workdir` frees it at sample cleanup. Not as root the
folder is a plain temporary folder, and the jail says once that only each file is capped.
"""

from __future__ import annotations

import atexit
import ctypes
import ctypes.util
import os
import secrets
import shutil
import tempfile
from pathlib import Path

from symbench.harness.limits import JailLimits, warn_once

SANDBOX_WORKDIR = "/work"


def is_root() -> bool:
    return os.geteuid() == 0


UID_BASE = 1 << 20  # unassigned ids far above any real account
_UID_SPAN = 1 << 20
_uids_in_use: set[int] = set()


def _allocate_uid() -> int:
    """A fresh unprivileged uid for one sandbox (root only): a fork bomb cannot starve the others."""
    while True:
        uid = UID_BASE + secrets.randbelow(_UID_SPAN)
        if uid not in _uids_in_use:
            _uids_in_use.add(uid)
            return uid


def sandbox_ids(path: Path) -> tuple[int, int] | None:
    """The uid/gid a run in ``path`` uses: the folder's owner when we are root."""
    if not is_root():
        return None
    st = path.stat()
    return st.st_uid, st.st_gid


_MS_NOSUID, _MS_NODEV = 2, 4
_MNT_DETACH = 2
_libc = None


def _c():
    global _libc
    if _libc is None:
        _libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    return _libc


def mount_workdir(path: Path, size_bytes: int, uid: int, gid: int) -> None:
    """Mount a tmpfs of at most ``size_bytes`` on ``path``, owned by the sandbox user."""
    inodes = max(1024, size_bytes // 4096)
    options = f"size={size_bytes},nr_inodes={inodes},mode=0700,uid={uid},gid={gid}".encode()
    if _c().mount(b"tmpfs", os.fsencode(path), b"tmpfs", _MS_NOSUID | _MS_NODEV, options) != 0:
        err = ctypes.get_errno()
        raise OSError(err, os.strerror(err), str(path))


def unmount_workdir(path: Path) -> None:
    _c().umount2(os.fsencode(path), _MNT_DETACH)


_mounted: set[Path] = set()


def make_workdir(limits: JailLimits | None = None) -> Path:
    """A fresh work folder; as root it is a tmpfs of ``workdir_bytes`` owned by a fresh sandbox uid."""
    limits = limits or JailLimits()
    path = Path(tempfile.mkdtemp(prefix="symbench-sbx-"))
    path.chmod(0o700)
    if is_root():
        uid = _allocate_uid()
        try:
            mount_workdir(path, limits.workdir_bytes, uid, uid)
            _mounted.add(path)
        except OSError as exc:
            warn_once("disk", f"cannot mount a size-limited work folder ({exc.strerror}); only each file is capped")
            os.chown(path, uid, uid)
    return path


def give_to_sandbox(workdir: Path, path: Path) -> None:
    """Hand a file the host wrote inside ``workdir`` (and its new folders) to the sandbox user."""
    ids = sandbox_ids(workdir)
    if ids is None:
        return
    while path != workdir and workdir in path.parents:
        os.chown(path, *ids)
        path = path.parent


def remove_workdir(path: Path) -> None:
    ids = sandbox_ids(path) if path.exists() else None
    if path in _mounted:
        unmount_workdir(path)  # a lazy unmount frees the tmpfs once nothing uses it
        _mounted.discard(path)
    shutil.rmtree(path, ignore_errors=True)
    if ids is not None:
        _uids_in_use.discard(ids[0])


@atexit.register
def _unmount_all() -> None:
    for path in list(_mounted):
        remove_workdir(path)


