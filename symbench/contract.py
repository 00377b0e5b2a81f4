"""The task contract every SymBench task implements.

A task module in ``tasks/`` defines one subclass of :class:`SymbolicTask` with

* ``name``, ``split`` (``"seen"`` or ``"unseen"``), ``description`` and ``answer_mode``
  (``"unique"`` or ``"any_valid"``, see TASKS.md 0.6);
* ``Config``: a frozen dataclass deriving from :class:`TaskConfig` whose ``validate()``
  raises ``ValueError`` naming the bad field and its allowed values;
* ``presets``: complexity level (1..5) -> ``Config``;
* ``generate(rng, config) -> params``: JSON-able parameters of one instance. A task
  that must balance answer classes exactly (Yes/No by index parity, the position of the
  right option) may declare a third parameter ``index`` and receives the instance index;
  it must use it only for such balancing, never as a source of randomness;
* ``solve(params) -> str``: the reference answer, as it would appear inside ``<<<`` ``>>>``;
* ``question(params) -> str``: the self-contained prompt;
* ``check(params, answer) -> Verdict``: the strict verifier on the already extracted answer;
* ``size(params) -> float``: the task's own measure of how hard an instance is
  (level 5 instances must measure larger than level 1 instances).

The task never sees Inspect. Determinism, the final ``<<<...>>>`` extraction, the
never-raise guarantee and checking the reference answer at generation time are done
once, here, for every task.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import random
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any, ClassVar, Mapping

LEVELS: tuple[int, ...] = (1, 2, 3, 4, 5)
SPLITS: tuple[str, ...] = ("seen", "unseen")
ANSWER_MODES: tuple[str, ...] = ("unique", "any_valid")

#: Answers longer than this are rejected before any task code looks at them.
MAX_ANSWER_CHARS = 200_000


@dataclass(frozen=True)
class Verdict:
    """The verifier's judgement: strictly correct or not, and why."""

    correct: bool
    reason: str

    @classmethod
    def ok(cls, reason: str = "correct") -> "Verdict":
        return cls(True, reason)

    @classmethod
    def fail(cls, reason: str) -> "Verdict":
        return cls(False, reason)

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "reason": self.reason}


@dataclass(frozen=True)
class Instance:
    """One generated problem; ``to_record()`` is the JSONL / sample-metadata form."""

    id: str
    task: str
    complexity: int
    seed: int
    index: int
    question: str
    answer: str
    params: dict[str, Any]

    def to_record(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "task": self.task,
            "complexity": self.complexity,
            "seed": self.seed,
            "index": self.index,
            "question": self.question,
            "answer": self.answer,
            "params": self.params,
        }

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> "Instance":
        missing = [k for k in ("id", "task", "complexity", "seed", "index", "question", "answer", "params") if k not in record]
        if missing:
            raise ValueError(f"instance record is missing field(s): {', '.join(missing)}")
        return cls(
            id=str(record["id"]),
            task=str(record["task"]),
            complexity=int(record["complexity"]),
            seed=int(record["seed"]),
            index=int(record["index"]),
            question=str(record["question"]),
            answer=str(record["answer"]),
            params=dict(record["params"]),
        )


# --------------------------------------------------------------------------- config


def _describe_type(tp: Any) -> str:
    return getattr(tp, "__name__", str(tp))


@dataclass(frozen=True)
class TaskConfig:
    """Base class of task configs. Subclasses are frozen dataclasses.

    Knobs that are ranges are written as ``(low, high)`` tuples, inclusive; the
    generator samples inside them with the instance RNG. ``validate()`` is called
    on every config before generation.
    """

    def validate(self) -> None:  # pragma: no cover - subclasses override
        """Raise ``ValueError`` naming the bad field and its allowed values."""

    # helpers for validate() -------------------------------------------------
    def _where(self, name: str) -> str:
        return f"{type(self).__qualname__}.{name}"

    def require_int(self, name: str, low: int, high: int) -> int:
        value = getattr(self, name)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ValueError(f"{self._where(name)} must be an integer in [{low}, {high}], got {value!r}")
        return value

    def require_range(self, name: str, low: int, high: int) -> tuple[int, int]:
        """``name`` is an inclusive ``(lo, hi)`` pair with ``low <= lo <= hi <= high``."""
        value = getattr(self, name)
        ok = (
            isinstance(value, tuple)
            and len(value) == 2
            and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
            and low <= value[0] <= value[1] <= high
        )
        if not ok:
            raise ValueError(
                f"{self._where(name)} must be a pair (lo, hi) of integers with {low} <= lo <= hi <= {high}, got {value!r}"
            )
        return value

    def require_float_range(self, name: str, low: float, high: float) -> tuple[float, float]:
        value = getattr(self, name)
        ok = (
            isinstance(value, tuple)
            and len(value) == 2
            and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)
            and low <= value[0] <= value[1] <= high
        )
        if not ok:
            raise ValueError(
                f"{self._where(name)} must be a pair (lo, hi) of numbers with {low} <= lo <= hi <= {high}, got {value!r}"
            )
        return value

    def require_choice(self, name: str, allowed: tuple[Any, ...]) -> Any:
        value = getattr(self, name)
        if value not in allowed:
            raise ValueError(f"{self._where(name)} must be one of {', '.join(map(repr, allowed))}, got {value!r}")
        return value

    def require_bool(self, name: str) -> bool:
        value = getattr(self, name)
        if not isinstance(value, bool):
            raise ValueError(f"{self._where(name)} must be true or false, got {value!r}")
        return value

    def with_overrides(self, overrides: Mapping[str, Any] | None) -> "TaskConfig":
        """A copy with some knobs replaced (lists become tuples), validated."""
        if not overrides:
            self.validate()
            return self
        names = [f.name for f in dataclasses.fields(self)]
        unknown = sorted(set(overrides) - set(names))
        if unknown:
            raise ValueError(
                f"unknown {type(self).__qualname__} field(s) {', '.join(unknown)}; allowed: {', '.join(names)}"
            )
        fixed = {k: tuple(v) if isinstance(v, list) else v for k, v in overrides.items()}
        new = dataclasses.replace(self, **fixed)
        new.validate()
        return new

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}


# --------------------------------------------------------------------------- task


def instance_rng(task: str, seed: int, complexity: int, index: int) -> random.Random:
    """The private RNG of one instance (TASKS.md 0.2): stable across processes."""
    digest = hashlib.sha256(f"symbench/{task}/{seed}/{complexity}/{index}".encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


class GenerationError(RuntimeError):
    """A generator could not produce a valid instance (attempt cap hit, bad reference)."""


class SymbolicTask(ABC):
    """Base class of every SymBench task. See the module docstring."""

    name: ClassVar[str]
    split: ClassVar[str]
    description: ClassVar[str]
    answer_mode: ClassVar[str]
    Config: ClassVar[type[TaskConfig]]
    presets: ClassVar[Mapping[int, TaskConfig]]

    # -- to implement ------------------------------------------------------
    @abstractmethod
    def generate(self, rng: random.Random, config: Any) -> dict[str, Any]:
        """Sample the JSON-able parameters of one instance using only ``rng``."""

    @abstractmethod
    def solve(self, params: dict[str, Any]) -> str:
        """The reference answer text (what goes between ``<<<`` and ``>>>``)."""

    @abstractmethod
    def question(self, params: dict[str, Any]) -> str:
        """The full, self-contained prompt; it ends asking for ``<<<answer>>>``."""

    @abstractmethod
    def check(self, params: dict[str, Any], answer: str) -> Verdict:
        """Judge an extracted, normalised answer. Must never raise, never execute it."""

    @abstractmethod
    def size(self, params: dict[str, Any]) -> float:
        """The task's own measure of instance difficulty (bigger is harder)."""

    # -- provided ------------------------------------------------------------
    def config_for(self, complexity: int, overrides: Mapping[str, Any] | None = None) -> TaskConfig:
        if isinstance(complexity, bool) or complexity not in self.presets:
            raise ValueError(
                f"complexity for task {self.name!r} must be one of {', '.join(map(str, sorted(self.presets)))}, got {complexity!r}"
            )
        return self.presets[complexity].with_overrides(overrides)

    def instance(
        self,
        complexity: int,
        seed: int,
        index: int,
        overrides: Mapping[str, Any] | None = None,
    ) -> Instance:
        """Generate instance ``index`` of (``complexity``, ``seed``); a pure function."""
        for label, value in (("seed", seed), ("index", index)):
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValueError(f"{label} must be a non-negative integer, got {value!r}")
        config = self.config_for(complexity, overrides)
        rng = instance_rng(self.name, seed, complexity, index)
        if self._wants_index():
            params = self.generate(rng, config, index)  # type: ignore[call-arg]
        else:
            params = self.generate(rng, config)
        # Round-trip through JSON so that what the verifier sees later (from a
        # JSONL file or sample metadata) is exactly what it sees now.
        params = json.loads(json.dumps(params))
        answer = self.solve(params)
        verdict = self.check(params, answer)
        if not verdict.correct:
            raise GenerationError(
                f"{self.name}: reference answer {answer!r} fails its own verifier ({verdict.reason}); "
                f"complexity={complexity} seed={seed} index={index}"
            )
        return Instance(
            id=f"{self.name}/c{complexity}/s{seed}/{index}",
            task=self.name,
            complexity=complexity,
            seed=seed,
            index=index,
            question=self.question(params),
            answer=answer,
            params=params,
        )

    @classmethod
    def _wants_index(cls) -> bool:
        cached = cls.__dict__.get("_generate_takes_index")
        if cached is None:
            import inspect

            cached = "index" in inspect.signature(cls.generate).parameters
            setattr(cls, "_generate_takes_index", cached)
        return cached

    def verify(self, instance: Instance | Mapping[str, Any], response: str, *, extract: bool = True) -> Verdict:
        """Judge a model response (or a bare answer) for ``instance``. Never raises.

        With ``extract`` (the default), if ``response`` contains ``<<<...>>>`` the last
        such answer is judged, otherwise the whole text is taken as the answer; with
        ``extract=False`` the text is already the answer. Harmless wrapping
        (whitespace, one pair of quotes or backticks, a code fence) is removed.
        """
        from symbench.answer import extract_final_answer, normalize_answer

        try:
            params = instance.params if isinstance(instance, Instance) else dict(instance["params"])
        except Exception as exc:  # noqa: BLE001 - bad instance input is reported, not raised
            return Verdict.fail(f"malformed instance: {exc}")
        if not isinstance(response, str):
            return Verdict.fail(f"answer must be text, got {type(response).__name__}")
        if len(response) > MAX_ANSWER_CHARS:
            return Verdict.fail(f"answer is too long ({len(response)} characters, limit {MAX_ANSWER_CHARS})")
        extracted = extract_final_answer(response) if extract else None
        answer = normalize_answer(extracted if extracted is not None else response)
        if not answer:
            return Verdict.fail("empty answer")
        try:
            verdict = self.check(params, answer)
        except Exception as exc:  # noqa: BLE001 - a verifier bug must not crash an eval
            return Verdict.fail(f"verifier error on this answer ({type(exc).__name__}: {exc})")
        if not isinstance(verdict, Verdict):
            return Verdict.fail(f"verifier returned {type(verdict).__name__}, not a Verdict")
        return verdict

    def summary(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "split": self.split,
            "levels": sorted(self.presets),
            "answer_mode": self.answer_mode,
            "description": self.description,
        }


def validate_task_class(cls: type[SymbolicTask]) -> None:
    """Check the class attributes of a task; raises ``TypeError`` naming the problem."""
    where = f"{cls.__module__}.{cls.__qualname__}"
    for attr in ("name", "split", "description", "answer_mode", "Config", "presets"):
        if not hasattr(cls, attr):
            raise TypeError(f"{where} must define class attribute {attr!r}")
    if not isinstance(cls.name, str) or not cls.name.isidentifier() or cls.name != cls.name.lower():
        raise TypeError(f"{where}.name must be a lower-case identifier, got {cls.name!r}")
    if cls.split not in SPLITS:
        raise TypeError(f"{where}.split must be one of {SPLITS}, got {cls.split!r}")
    if cls.answer_mode not in ANSWER_MODES:
        raise TypeError(f"{where}.answer_mode must be one of {ANSWER_MODES}, got {cls.answer_mode!r}")
    if sorted(cls.presets) != list(LEVELS):
        raise TypeError(f"{where}.presets must have exactly the levels {LEVELS}, got {sorted(cls.presets)}")
    for level, preset in cls.presets.items():
        if not isinstance(preset, cls.Config):
            raise TypeError(f"{where}.presets[{level}] must be a {cls.Config.__qualname__}")
    if not dataclasses.is_dataclass(cls.Config) or not cls.Config.__dataclass_params__.frozen:  # type: ignore[attr-defined]
        raise TypeError(f"{where}.Config must be a frozen dataclass")


__all__ = [
    "ANSWER_MODES",
    "GenerationError",
    "Instance",
    "LEVELS",
    "MAX_ANSWER_CHARS",
    "SPLITS",
    "SymbolicTask",
    "TaskConfig",
    "Verdict",
    "field",
    "instance_rng",
    "validate_task_class",
]
