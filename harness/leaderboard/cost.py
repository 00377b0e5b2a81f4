"""Cost per sample (tokens per role, seconds) and where each figure comes from.

Tokens, best source first: the method's own record in the sample store
(``symbench:usage``: tokens per role from the models' usage reports), else Inspect's
per-sample ``role_usage`` / ``model_usage``. Seconds: the sample's ``working_time``.

Under a batching provider (Inspect's ``hf``) those per-sample figures are the batch's:
every sample of a batch reports the padded prompt width, the longest completion and the
batch's wall time. So there, the task model's tokens are recounted from the transcript
with the model's own tokenizer when it is on disk (never downloaded), and seconds are the
eval's wall time divided by its samples: a batch average, labelled as such.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

#: providers whose per-sample usage and time are those of a whole batch
BATCHING_PROVIDERS = ("hf",)
USAGE_STORE_KEY = "symbench:usage"
TOKEN_FIELDS = ("input_tokens", "output_tokens", "total_tokens")


def batching_provider(model: str) -> bool:
    return model.split("/", 1)[0] in BATCHING_PROVIDERS


def tokenizer_for(header: Any) -> Any:
    """The model's tokenizer from its local folder (``-M model_path``), or ``None``."""
    args = header.eval.model_args or {}
    path = args.get("tokenizer_path") or args.get("model_path")
    if not isinstance(path, str) or not os.path.isdir(path):
        return None
    return _load_tokenizer(os.path.abspath(path))


@lru_cache(maxsize=4)
def _load_tokenizer(path: str) -> Any:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # local files only, never a download
    try:
        from transformers import AutoTokenizer

        return AutoTokenizer.from_pretrained(path, local_files_only=True)
    except Exception:  # no transformers, or no tokenizer files: fall back to the batch figures
        return None


def _usage_dict(usage: Any) -> dict[str, int]:
    if usage is None:
        return {k: 0 for k in TOKEN_FIELDS}
    if isinstance(usage, dict):
        return {k: int(usage.get(k) or 0) for k in TOKEN_FIELDS}
    return {k: int(getattr(usage, k, 0) or 0) for k in TOKEN_FIELDS}


def _add(a: dict[str, int], b: dict[str, int]) -> dict[str, int]:
    return {k: a.get(k, 0) + b.get(k, 0) for k in TOKEN_FIELDS}


def _sub(a: dict[str, int], b: dict[str, int]) -> dict[str, int]:
    return {k: max(0, a.get(k, 0) - b.get(k, 0)) for k in TOKEN_FIELDS}


def _role_tokens(sample: Any) -> tuple[dict[str, dict[str, int]], float | None, str]:
    """Tokens per role and the seconds spent in model calls (``None`` when unrecorded),
    from the method's store record or, without one, Inspect's usage."""
    record = (sample.store or {}).get(USAGE_STORE_KEY)
    if isinstance(record, dict) and isinstance(record.get("roles"), dict):
        roles = {role: _usage_dict(u) for role, u in record["roles"].items()}
        seconds = record.get("seconds")
        return roles, float(seconds) if isinstance(seconds, (int, float)) else None, "store"
    total = {k: 0 for k in TOKEN_FIELDS}
    for usage in (sample.model_usage or {}).values():
        total = _add(total, _usage_dict(usage))
    roles: dict[str, dict[str, int]] = {}
    by_role = {role: _usage_dict(u) for role, u in (sample.role_usage or {}).items()}
    in_roles = {k: 0 for k in TOKEN_FIELDS}
    for role, usage in by_role.items():
        if role != "task":
            roles[role] = usage
            in_roles = _add(in_roles, usage)
    roles["task"] = by_role.get("task") or _sub(total, in_roles)
    return roles, None, "usage"


def recount_task_tokens(messages: list[Any], tokenizer: Any) -> dict[str, int]:
    """The task model's tokens recounted from the transcript: each assistant message, and
    the conversation before it as the prompt (through the chat template when there is one)."""
    out = {k: 0 for k in TOKEN_FIELDS}
    history: list[dict[str, str]] = []
    for message in messages:
        role, text = message.role, message.text or ""
        if role == "assistant":
            try:
                prompt = len(tokenizer.apply_chat_template(history, add_generation_prompt=True, tokenize=True))
            except Exception:
                prompt = len(tokenizer.encode("\n".join(m["content"] for m in history), add_special_tokens=False))
            completion = len(tokenizer.encode(text, add_special_tokens=False))
            out["input_tokens"] += prompt
            out["output_tokens"] += completion
        history.append({"role": "user" if role == "tool" else role, "content": text})
    out["total_tokens"] = out["input_tokens"] + out["output_tokens"]
    return out


def sample_cost(sample: Any, model: str, *, batching: bool, tokenizer: Any = None, per_sample_wall: float | None = None) -> dict[str, Any]:
    """Tokens per role, total tokens, seconds, and the source of each figure.

    Seconds are the sample's working time (model calls, code runs and scoring: what a user
    waits for, comparable across methods); the model-call seconds a method recorded are
    kept beside them as ``model_seconds``."""
    roles, model_seconds, source = _role_tokens(sample)
    seconds = sample.working_time if sample.working_time is not None else sample.total_time
    tokens_source = "usage"
    seconds_source = "per_sample"
    if batching:
        tokens_source = "batch_padded"
        if tokenizer is not None and sample.messages:
            roles["task"] = recount_task_tokens(sample.messages, tokenizer)
            tokens_source = "recounted" if set(roles) == {"task"} else "recounted_task_guide_padded"
        seconds, seconds_source = per_sample_wall, "batch_average"
    total = sum(u["total_tokens"] for u in roles.values())
    return {
        "roles": roles,
        "tokens": total,
        "seconds": None if seconds is None else round(float(seconds), 4),
        "model_seconds": model_seconds,
        "tokens_source": tokens_source,
        "seconds_source": seconds_source,
        "record": source,
    }
