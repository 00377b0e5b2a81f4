"""SymBench's verifiers as reward functions for reinforcement learning on verifiable rewards.

The functions have the shape TRL's ``GRPOTrainer`` takes as ``reward_funcs``: called as
``f(prompts=..., completions=..., **columns)``, where every other dataset column arrives as a
keyword list, and returning one float per completion. Rewards are strictly 1.0 (the task's
verifier accepts the answer) or 0.0, and nothing a completion contains makes them raise.

The answer rule is the Inspect scorer's for a text answer: the last ``<<<...>>>`` of the
completion (of its last assistant message, for conversational completions); none is
``no_answer``. No model code is run.

Build the training prompts with :func:`build_prompts` (plain dicts) or :func:`grpo_dataset`
(a ``datasets.Dataset``). They default to training seeds (:mod:`symbench.seeds`), so training
instances never coincide with evaluation ones. Pure: no Inspect, no torch.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any, Callable, Mapping, Sequence

from symbench.contract import VERDICT_CODES, Verdict
from symbench.export import InstanceSet, record_to_row
from symbench.seeds import DEFAULT_TRAIN_SEED, check_train_seed

#: the columns a reward function reads (besides ``prompts`` and ``completions``)
REWARD_COLUMNS = ("task", "params")
#: as in the Inspect scorer: only the last this-many characters of a completion are searched
MAX_COMPLETION_CHARS = 1_000_000
#: the answer-in-text methods (the others run model code): name -> what follows the question
METHODS = ("only_question", "text_cot")

VerdictHook = Callable[[list[Verdict], dict[str, Any]], None]


# --------------------------------------------------------------------------- prompts


def method_prompt(question: str, method: str) -> str:
    """The user message of an answer-in-text ``method`` (the same words as the Inspect solvers)."""
    if method == "only_question":
        return question
    if method == "text_cot":
        from symbench.harness.prompts import TEXT_COT  # plain strings; no Inspect import

        return question + TEXT_COT
    raise ValueError(f"method must be one of {', '.join(METHODS)} (the answer-in-text methods), got {method!r}")


def build_prompts(
    tasks: str | Sequence[str] | None = None,
    *,
    n: int = 100,
    complexity: Any = "all",
    seed: int = DEFAULT_TRAIN_SEED,
    split: str = "all",
    method: str = "only_question",
    conversational: bool = True,
    system_prompt: str | None = None,
    allow_eval_seeds: bool = False,
) -> list[dict[str, Any]]:
    """Rows for RL training: ``prompt`` plus the instance's fields (``params`` as JSON text).

    ``tasks``/``split``/``n``/``complexity``/``seed`` mean what they mean for ``-T`` (the
    instances are those of the same Inspect set). ``method`` is ``only_question`` (the question
    alone) or ``text_cot`` (asks for plain-text reasoning). A conversational prompt is a list
    of messages (an optional system message, then the user's question); otherwise the text.
    ``seed`` must be a training seed unless ``allow_eval_seeds``. Raises ``ValueError``."""
    method_prompt("", method)  # checks the method before any instance is made
    values: dict[str, Any] = {"n": n, "complexity": complexity, "seed": seed, "split": split}
    if tasks is not None:
        values["tasks"] = tasks if isinstance(tasks, str) else ",".join(tasks)
    spec = InstanceSet.from_params(values, name="rewards", flag="")
    if not allow_eval_seeds:
        check_train_seed(spec.seed)
    rows = []
    for record in spec.records():
        text = method_prompt(record["question"], method)
        if conversational:
            prompt: Any = ([{"role": "system", "content": system_prompt}] if system_prompt else []) + [
                {"role": "user", "content": text}
            ]
        else:
            prompt = (system_prompt + "\n\n" + text) if system_prompt else text
        rows.append({"prompt": prompt, **record_to_row(record)})
    return rows


def grpo_dataset(tasks: str | Sequence[str] | None = None, **options: Any):
    """:func:`build_prompts` as a ``datasets.Dataset`` (needs ``datasets``)."""
    try:
        import datasets
    except ImportError:
        raise ValueError("grpo_dataset needs the datasets package; install with: pip install 'symbench[export]'") from None
    return datasets.Dataset.from_list(build_prompts(tasks, **options))


# --------------------------------------------------------------------------- judging


def completion_text(completion: Any) -> str:
    """The text of a completion: a string, or the content of the last assistant message of a
    conversational completion (a list of message dicts, content a string or text parts).
    Anything else gives ``""``. Never raises."""
    try:
        if isinstance(completion, str):
            return completion
        if isinstance(completion, Mapping):
            completion = [completion]
        if not isinstance(completion, (list, tuple)):
            return ""
        messages = [m for m in completion if isinstance(m, Mapping)]
        chosen = [m for m in messages if m.get("role") == "assistant"] or messages
        if not chosen:
            return ""
        content = chosen[-1].get("content")
        if isinstance(content, str):
            return content
        if isinstance(content, (list, tuple)):  # content parts: [{"type": "text", "text": ...}, ...]
            return "".join(
                p["text"] for p in content if isinstance(p, Mapping) and p.get("type", "text") == "text" and isinstance(p.get("text"), str)
            )
    except Exception:  # noqa: BLE001 - a strange completion is no answer, never a crash
        return ""
    return ""


@lru_cache(maxsize=None)
def _task(name: str):
    from symbench.registry import get_task

    return get_task(name)


def judge_response(record: Mapping[str, Any], text: Any) -> Verdict:
    """The verdict on a text response for an instance ``record`` (``params`` a dict or JSON
    text): the last ``<<<...>>>`` is the answer, none is ``no_answer``. Never raises."""
    from symbench.answer import extract_final_answer

    try:
        task = _task(str(record["task"]))
        params = record["params"]
        if isinstance(params, str):
            params = json.loads(params)
        if not isinstance(params, dict):
            raise ValueError(f"params must be a JSON object, got {type(params).__name__}")
    except Exception as exc:  # noqa: BLE001 - a broken record is reported as the verifier's failure
        return Verdict.verifier_error(f"cannot judge: bad instance fields ({type(exc).__name__}: {exc})")
    if not isinstance(text, str):
        return Verdict.no_answer(f"the completion is not text ({type(text).__name__})")
    answer = extract_final_answer(text[-MAX_COMPLETION_CHARS:])
    if answer is None:
        return Verdict.no_answer("no final answer: no <<<...>>> in the response")
    return task.verify({"params": params}, answer, extract=False)


def _columns(kwargs: Mapping[str, Any], count: int) -> list[dict[str, Any]]:
    missing = [c for c in REWARD_COLUMNS if c not in kwargs]
    if missing:
        raise ValueError(
            f"SymBench rewards need the dataset column(s) {', '.join(missing)}; build the dataset with "
            "symbench.rewards.build_prompts or grpo_dataset"
        )
    for c in REWARD_COLUMNS:
        if len(kwargs[c]) != count:
            raise ValueError(f"column {c!r} has {len(kwargs[c])} values for {count} completions")
    return [{c: kwargs[c][i] for c in REWARD_COLUMNS} for i in range(count)]


def verdicts(completions: Sequence[Any], **kwargs: Any) -> list[Verdict]:
    """One verdict per completion, from the ``task`` and ``params`` columns in ``kwargs``.
    Raises ``ValueError`` only for missing columns (a set-up mistake), never for a completion."""
    records = _columns(kwargs, len(completions))
    return [judge_response(r, completion_text(c)) for r, c in zip(records, completions)]


# --------------------------------------------------------------------------- reward functions


def _log(found: list[Verdict], kwargs: Mapping[str, Any]) -> None:
    """Hand the verdict codes to TRL's logging hooks when the trainer offers them."""
    codes = [v.code for v in found]
    log_extra, log_metric = kwargs.get("log_extra"), kwargs.get("log_metric")
    if callable(log_extra):
        log_extra("symbench_verdict", codes)
    if callable(log_metric) and codes:
        for code in VERDICT_CODES:
            log_metric(f"symbench/{code}", codes.count(code) / len(codes))


def make_reward(on_verdicts: VerdictHook | None = None, *, log: bool = True, name: str = "symbench_reward") -> Callable[..., list[float]]:
    """A reward function (see the module docstring). ``on_verdicts(verdicts, kwargs)`` is called
    with the verdicts of each batch (an exception in it is not caught); with ``log`` the codes go to
    TRL's completions table (column ``symbench_verdict``) and metrics (``symbench/CODE``: share
    of the batch)."""

    def reward(prompts: Sequence[Any] | None = None, completions: Sequence[Any] = (), **kwargs: Any) -> list[float]:
        found = verdicts(list(completions), **kwargs)
        if log:
            _log(found, kwargs)
        if on_verdicts is not None:
            on_verdicts(found, kwargs)
        return [1.0 if v.correct else 0.0 for v in found]

    reward.__name__ = reward.__qualname__ = name  # TRL names the reward's metrics after it
    return reward


#: the reward function with TRL logging: ``GRPOTrainer(..., reward_funcs=symbench_reward)``
symbench_reward = make_reward()


def verdict_codes(prompts: Sequence[Any] | None = None, completions: Sequence[Any] = (), **kwargs: Any) -> list[str]:
    """The verdict code of each completion (``correct``, ``wrong``, ``bad_format``, ``no_answer``,
    ``verifier_error``), same arguments as the reward."""
    return [v.code for v in verdicts(list(completions), **kwargs)]
