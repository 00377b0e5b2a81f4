"""What lm-eval calls (through ``utils.py``): build a task's instances, and judge a response.

The instances are an :class:`~symbench.export.InstanceSet` (the same ids and fingerprints as
the Inspect task with the same ``n``/``complexity``/``seed``), generated in the process; nothing
is downloaded. Responses are judged as the Inspect scorer judges a text answer, by the task's
own verifier, strictly 0/1 (:func:`symbench.rewards.judge_response`).

Options come from lm-eval's ``--metadata`` JSON, under the key ``symbench``::

    --metadata '{"symbench": {"n": 20, "complexity": "1,2", "seed": 0, "method": "text_cot"}}'

They apply to every SymBench task of the run. lm-eval also hands model arguments to the
dataset function, so SymBench reads only its own key. ``datasets`` is imported only when a
dataset is built.
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from symbench.contract import LEVELS, Verdict
from symbench.export import InstanceSet, record_to_row
from symbench.params import ParameterError
from symbench.rewards import METHODS, judge_response, method_prompt

METADATA_KEY = "symbench"
#: the stop sequence the task YAMLs give lm-eval: generation ends at the first complete answer
STOP = ">>>"
OPEN = "<<<"


def options_from_metadata(metadata: Mapping[str, Any]) -> tuple[dict[str, Any], str]:
    """The instance parameters and the method from lm-eval's metadata (``{"symbench": {...}}``)."""
    raw = metadata.get(METADATA_KEY) or {}
    if not isinstance(raw, Mapping):
        raise ParameterError(f'--metadata {METADATA_KEY} must be a JSON object such as {{"n": 20, "seed": 0}}, got {raw!r}')
    options = dict(raw)
    method = options.pop("method", "only_question")
    if method not in METHODS:
        raise ParameterError(
            f"{METADATA_KEY}.method must be one of {', '.join(METHODS)} (lm-eval runs no model code), got {method!r}"
        )
    for key in ("tasks", "split"):
        if key in options:
            raise ParameterError(f"{METADATA_KEY}.{key} is not an option here: choose tasks with lm-eval's --tasks")
    return options, method


def instance_set(task: str, metadata: Mapping[str, Any]) -> tuple[InstanceSet, str]:
    options, method = options_from_metadata(metadata)
    return InstanceSet.from_params({**options, "tasks": task}, name=f"symbench_{task}", flag=f"{METADATA_KEY}."), method


def rows(task: str, metadata: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The documents of one lm-eval task: instance rows plus ``prompt`` and ``method``."""
    spec, method = instance_set(task, metadata)
    return [{**record_to_row(r), "prompt": method_prompt(r["question"], method), "method": method} for r in spec.records()]


def dataset(symbench_task: str = "", **metadata: Any):
    """lm-eval's ``custom_dataset``: a ``DatasetDict`` with one split, ``test``."""
    if not symbench_task:
        raise ParameterError("the task YAML must set dataset_kwargs.symbench_task to a SymBench task name")
    import datasets

    return datasets.DatasetDict({"test": datasets.Dataset.from_list(rows(symbench_task, metadata))})


def doc_to_text(doc: Mapping[str, Any]) -> str:
    return doc["prompt"]


def doc_to_target(doc: Mapping[str, Any]) -> str:
    return doc["answer"]


def restore_stop(response: str) -> str:
    """lm-eval cuts the stop sequence off a response: close an answer left open by it."""
    if isinstance(response, str) and response.rfind(OPEN) > response.rfind(STOP):
        return response + STOP
    return response


def judge(doc: Mapping[str, Any], response: Any) -> Verdict:
    """The task's verdict on ``response`` for the document ``doc`` (the scorer's text rule: the
    last ``<<<...>>>`` is the answer, none is no answer). Never raises."""
    return judge_response(doc, restore_stop(response) if isinstance(response, str) else response)


def process_results(doc: Mapping[str, Any], results: Sequence[Any]) -> dict[str, Any]:
    """lm-eval's ``process_results``: ``acc`` (0/1), ``no_answer`` (0/1) and, per level, the
    ``(level, score)`` pair the ``acc_complexity_L`` aggregations average."""
    verdict = judge(doc, results[0] if results else "")
    score = 1.0 if verdict.correct else 0.0
    out: dict[str, Any] = {"acc": score, "no_answer": 1.0 if verdict.code == "no_answer" else 0.0}
    pair = (int(doc.get("complexity", 0)), score)
    for level in LEVELS:
        out[f"acc_complexity_{level}"] = pair
    return out


def mean_at_level(level: int, pairs: Sequence[Sequence[float]]) -> float:
    """Accuracy over the samples at ``level`` (NaN when the run has none there)."""
    scores = [score for lvl, score in pairs if lvl == level]
    return sum(scores) / len(scores) if scores else float("nan")
