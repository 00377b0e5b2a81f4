"""The one reader of Inspect logs for leaderboards: logs -> a tidy table, one row per sample.

Logs are read only through Inspect's own readers (``inspect_ai.log``). Each row carries
the column it belongs to (model, method, model roles), the instance it scored (from the
sample metadata, which is the instance record), the 0/1 score and its verdict code, and
the sample's cost (see :mod:`.cost`). When the same sample of the same column appears in
several logs (a rerun, a resumed run), the newest log wins.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import Any, Iterable

from symbench.harness.leaderboard.cost import batching_provider, sample_cost, tokenizer_for
from symbench.suites import DEFAULT_METHOD, METHOD_PREFIX, method_label

#: key of our scorer in ``sample.scores`` (the bare name is today's; the prefixed one is
#: what a registry-qualified scorer writes)
SCORER_KEYS = ("symbench/symbench_scorer", "symbench_scorer")
VERDICTS = ("correct", "wrong", "bad_format", "no_answer", "verifier_error")
#: ``log.eval.metadata`` key under which ``symbench run`` records suite, method and model labels
RUN_METADATA_KEY = "symbench"


@dataclass
class SampleRow:
    column: str
    model: str
    model_label: str
    method: str
    method_label: str
    roles: str
    deterministic: bool
    suite: str | None
    log: str
    task: str
    sample_id: str
    epoch: int
    complexity: int
    seed: int
    index: int
    version: int | None
    fingerprint: str | None
    score: float | None  # None: the sample errored and was not scored
    verdict: str | None
    answer_source: str | None
    error: str | None
    cost: dict[str, Any] = field(default_factory=dict)


@dataclass
class LogRead:
    rows: list[SampleRow]
    notes: list[str]
    logs: int


def symbench_score(scores: dict[str, Any] | None) -> Any:
    """The SymBench scorer's ``Score`` among a sample's scores (either key form), or ``None``."""
    if not scores:
        return None
    for key in SCORER_KEYS:
        if key in scores:
            return scores[key]
    for key, value in scores.items():
        if key.rsplit("/", 1)[-1] == "symbench_scorer":
            return value
    return None


def verdict_of(score: Any) -> str:
    """The verdict code of a score: recorded by the scorer, or derived from value and answer."""
    meta = score.metadata or {}
    code = meta.get("verdict")
    if isinstance(code, dict):  # a serialised Verdict
        code = code.get("code")
    if code in VERDICTS:
        return code
    if _value(score) == 1.0:
        return "correct"
    return "no_answer" if score.answer is None else "wrong"


def _value(score: Any) -> float:
    value = score.value
    if isinstance(value, str):
        return {"C": 1.0, "I": 0.0}.get(value, 0.0)
    return float(value)


def method_of(log: Any) -> tuple[str, dict[str, Any], str]:
    """(method name, options, label) of a log: recorded by ``symbench run``, else from ``--solver``."""
    run = (log.eval.metadata or {}).get(RUN_METADATA_KEY) or {}
    solver = log.eval.solver
    options = dict(log.eval.solver_args_passed or {})
    if solver is None:
        name = DEFAULT_METHOD
    else:
        name = solver[len(METHOD_PREFIX):] if solver.startswith(METHOD_PREFIX) else solver
    if run.get("method_label"):
        return run.get("method", name), options, run["method_label"]
    return name, options, method_label(name, options)


def roles_of(log: Any) -> str:
    """Model roles as ``role=model`` text (sorted), '' when none."""
    roles = log.eval.model_roles or {}
    parts = []
    for role, config in sorted(roles.items()):
        configs = config if isinstance(config, list) else [config]
        parts.append(f"{role}=" + "+".join(str(c.model) for c in configs))
    return ",".join(parts)


def column_of(log: Any) -> tuple[str, str, str, str, bool]:
    """(column key, model label, method label, roles, deterministic) of a log."""
    run = (log.eval.metadata or {}).get(RUN_METADATA_KEY) or {}
    model_label = run.get("model_label") or str(log.eval.model)
    _, _, label = method_of(log)
    roles = roles_of(log)
    key = f"{model_label} · {label}" + (f" [{roles}]" if roles and not run.get("model_label") else "")
    return key, model_label, label, roles, bool(run.get("deterministic", False))


def list_logs(log_dir: str) -> list[Any]:
    """Every Inspect log under ``log_dir`` (recursively), oldest first."""
    from inspect_ai.log import list_eval_logs

    if not os.path.isdir(log_dir):
        raise ValueError(f"log folder {log_dir} does not exist")
    return list_eval_logs(log_dir, recursive=True, descending=False)


def read_rows(log_dir: str | Iterable[str]) -> LogRead:
    """Read every log under ``log_dir`` (a folder, or several) into one row per sample."""
    from inspect_ai.log import read_eval_log, read_eval_log_samples

    folders = [log_dir] if isinstance(log_dir, str) else list(log_dir)
    infos = [info for folder in folders for info in list_logs(folder)]
    notes: list[str] = []
    headers = []
    for info in infos:
        try:
            headers.append((info, read_eval_log(info, header_only=True)))
        except Exception as exc:  # a log Inspect itself cannot read: say so, keep going
            notes.append(f"skipped {os.path.basename(info.name)}: not readable ({type(exc).__name__}: {str(exc)[:120]})")
    headers.sort(key=lambda pair: str(pair[1].eval.created))
    newest: dict[tuple[str, str, int], SampleRow] = {}
    for info, header in headers:
        if header.status != "success":
            notes.append(f"{os.path.basename(info.name)}: status {header.status} ({header.eval.task}); its finished samples are used")
        key, model_label, label, roles, deterministic = column_of(header)
        method, _, _ = method_of(header)
        run = (header.eval.metadata or {}).get(RUN_METADATA_KEY) or {}
        model = str(header.eval.model)
        batching = batching_provider(model)
        tokenizer = tokenizer_for(header) if batching else None
        wall = _wall_seconds(header)
        exclude = {"events"} if tokenizer is not None else {"events", "messages"}
        samples = list(read_eval_log_samples(info, all_samples_required=False, resolve_attachments=tokenizer is not None, exclude_fields=exclude))
        per_sample_wall = wall / len(samples) if wall is not None and samples else None
        for sample in samples:
            record = sample.metadata or {}
            if "task" not in record or "complexity" not in record:
                continue  # not a SymBench sample
            score = symbench_score(sample.scores)
            error = sample.error.message if sample.error else None
            row = SampleRow(
                column=key, model=model, model_label=model_label, method=method, method_label=label, roles=roles,
                deterministic=deterministic, suite=run.get("suite"), log=os.path.basename(info.name),
                task=record["task"], sample_id=str(sample.id), epoch=int(sample.epoch),
                complexity=int(record.get("complexity", 0)), seed=int(record.get("seed", 0)), index=int(record.get("index", 0)),
                version=record.get("version"), fingerprint=record.get("fingerprint"),
                score=None if score is None or error else _value(score),
                verdict=None if score is None or error else verdict_of(score),
                answer_source=(score.metadata or {}).get("answer_source") if score is not None else None,
                error=error,
                cost=sample_cost(sample, model, batching=batching, tokenizer=tokenizer, per_sample_wall=per_sample_wall),
            )
            newest[(row.column, row.sample_id, row.epoch)] = row
    return LogRead(rows=list(newest.values()), notes=notes, logs=len(headers))


def _wall_seconds(header: Any) -> float | None:
    from datetime import datetime

    started, completed = header.stats.started_at, header.stats.completed_at
    if not started or not completed:
        return None
    try:
        return max(0.0, (datetime.fromisoformat(completed) - datetime.fromisoformat(started)).total_seconds())
    except ValueError:
        return None


def rows_to_jsonl(rows: list[SampleRow]) -> str:
    """The tidy table as JSON lines (one sample a line), for users' own analysis."""
    from dataclasses import asdict

    return "".join(json.dumps(asdict(r), sort_keys=True) + "\n" for r in rows)
