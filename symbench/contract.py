"""The task contract every SymBench task implements.

A task module in ``tasks/`` defines one subclass of :class:`SymbolicTask` with

* ``name``, ``split`` (``"seen"`` or ``"unseen"``), ``description`` and ``answer_mode``
  (``"unique"`` or ``"any_valid"``, see TASKS.md 0.6);
* ``Config``: a frozen dataclass deriving from :class:`TaskConfig` whose ``validate()``
  raises ``ValueError`` naming the bad field and its allowed values;
* ``presets``: complexity level (1..5) -> ``Config``;
* ``generate(rng, config) -> params``: JSON-able parameters of one instance. A task may
  declare a third parameter ``index`` and receive the instance index, which is the
  instance's position within its level (its slot). It may use it to balance answer
  classes exactly (Yes/No by index parity, the position of the right option) and to keep
  a level's instances distinct (``tasks/_distinct.py`` draws by slot), never as a source
  of randomness: everything random comes from ``rng``;
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

from symbench.answer import ParseError, extract_final_answer, normalize_answer
from symbench.answer.formats import AnswerFormat
from symbench.config import TaskConfig
from symbench.identity import config_digest, parse_instance_id, question_fingerprint, sample_plan

LEVELS: tuple[int, ...] = (1, 2, 3, 4, 5)
SPLITS: tuple[str, ...] = ("seen", "unseen")
ANSWER_MODES: tuple[str, ...] = ("unique", "any_valid")
#: Where a task comes from: the CodeSteer paper's own generator, a procedural
#: re-creation of a fixed data set the paper used (never comparable item for item with
#: the paper's numbers), or a task added by a user.
ORIGINS: tuple[str, ...] = ("paper", "recreated", "custom")
#: What a verdict says, as a code that tests and leaderboards can count.
VERDICT_CODES: tuple[str, ...] = ("correct", "wrong", "bad_format", "no_answer", "verifier_error")

#: Answers longer than this are rejected before any task code looks at them.
MAX_ANSWER_CHARS = 200_000


@dataclass(frozen=True)
class Verdict:
    """The verifier's judgement: strictly correct or not, why, and a countable code.

    ``code`` is one of :data:`VERDICT_CODES`: ``correct``; ``wrong`` (a well-formed
    answer that is not right); ``bad_format`` (the answer does not have the required
    shape); ``no_answer`` (nothing to judge); ``verifier_error`` (the verifier itself
    failed). Left empty, it is ``correct`` or ``wrong`` from ``correct``.
    """

    correct: bool
    reason: str
    code: str = ""

    def __post_init__(self) -> None:
        if not self.code:
            object.__setattr__(self, "code", "correct" if self.correct else "wrong")
        if self.code not in VERDICT_CODES:
            raise ValueError(f"verdict code must be one of {', '.join(VERDICT_CODES)}, got {self.code!r}")
        if (self.code == "correct") != bool(self.correct):
            raise ValueError(f"verdict code {self.code!r} contradicts correct={self.correct!r}")

    @classmethod
    def ok(cls, reason: str = "correct") -> "Verdict":
        # Verdicts are frozen, so the plain "correct" one is built once and shared: the
        # reference check at generation and every right answer ask for it.
        if reason == "correct" and cls is Verdict:
            return _CORRECT
        return cls(True, reason, "correct")

    @classmethod
    def fail(cls, reason: str) -> "Verdict":
        """A well-formed answer that is wrong."""
        return cls(False, reason, "wrong")

    @classmethod
    def bad_format(cls, reason: str) -> "Verdict":
        """The answer does not have the shape the question asks for."""
        return cls(False, reason, "bad_format")

    @classmethod
    def no_answer(cls, reason: str) -> "Verdict":
        return cls(False, reason, "no_answer")

    @classmethod
    def verifier_error(cls, reason: str) -> "Verdict":
        return cls(False, reason, "verifier_error")

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "code": self.code, "reason": self.reason}


_CORRECT = Verdict(True, "correct", "correct")


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
    #: the task's ``version`` when the instance was made
    version: int = 0
    #: digest of the task name and the full config that made it (presets and overrides alike)
    config_digest: str = ""
    #: content fingerprint of the question
    fingerprint: str = ""

    def to_record(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "task": self.task,
            "complexity": self.complexity,
            "seed": self.seed,
            "index": self.index,
            "version": self.version,
            "config_digest": self.config_digest,
            "fingerprint": self.fingerprint,
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
            version=int(record.get("version", 0)),
            config_digest=str(record.get("config_digest", "")),
            fingerprint=str(record.get("fingerprint", "")) or question_fingerprint(str(record["question"])),
        )




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
    #: Bump whenever the instances (questions or reference answers) change; the golden
    #: fingerprint test fails if they change without a bump.
    version: ClassVar[int] = 1
    #: Leaderboard metadata: the paper's display name and row (1-37), a family, and where
    #: the task comes from (see :data:`ORIGINS`).
    display_name: ClassVar[str] = ""
    paper_order: ClassVar[int | None] = None
    family: ClassVar[str] = "other"
    origin: ClassVar[str] = "custom"
    #: The shape of the answers (text, number, flat list, choice) and whether their case
    #: matters; the registry-wide format checks derive harmless and near-miss variants of
    #: the reference from it (symbench.checks.formats).
    answer_format: ClassVar[AnswerFormat] = AnswerFormat()

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
        if not overrides:
            return self._preset(complexity)[0]
        return self.presets[complexity].with_overrides(overrides)

    def _preset(self, complexity: int) -> tuple[TaskConfig, str]:
        """The validated preset of a level and its config digest, worked out once per preset.

        A preset is a frozen dataclass; when it is also hashable (every knob a tuple,
        number, string or bool) nothing in it can change, so validating it and hashing it
        for every instance would repeat the same work. The cache is keyed by the preset
        object itself, so replacing a preset is seen at once; an unhashable preset is
        validated and digested every time, as before.
        """
        preset = self.presets[complexity]
        cache = self.__dict__.setdefault("_preset_cache", {})
        hit = cache.get(complexity)
        if hit is not None and hit[0] is preset:
            return hit
        preset.validate()
        entry = (preset, config_digest(self.name, preset))
        try:
            hash(preset)
        except TypeError:
            return entry
        cache[complexity] = entry
        return entry

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
        if not overrides and not isinstance(complexity, bool) and complexity in self.presets:
            config, digest = self._preset(complexity)
            is_preset = True
        else:
            config = self.config_for(complexity, overrides)
            digest = config_digest(self.name, config)
            is_preset = config == self.presets[complexity]
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
        question = self.question(params)
        level_tag = f"c{complexity}" if is_preset else f"c{complexity}+{digest}"
        return Instance(
            id=f"{self.name}/{level_tag}/s{seed}/{index}",
            task=self.name,
            complexity=complexity,
            seed=seed,
            index=index,
            question=question,
            answer=answer,
            params=params,
            version=self.version,
            config_digest=digest,
            fingerprint=question_fingerprint(question),
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
        try:
            params = instance.params if isinstance(instance, Instance) else dict(instance["params"])
        except Exception as exc:  # noqa: BLE001 - bad instance input is reported, not raised
            return Verdict.verifier_error(f"malformed instance: {exc}")
        if not isinstance(response, str):
            return Verdict.bad_format(f"answer must be text, got {type(response).__name__}")
        if len(response) > MAX_ANSWER_CHARS:
            return Verdict.bad_format(f"answer is too long ({len(response)} characters, limit {MAX_ANSWER_CHARS})")
        extracted = extract_final_answer(response) if extract else None
        answer = normalize_answer(extracted if extracted is not None else response)
        if not answer:
            return Verdict.no_answer("empty answer")
        try:
            verdict = self.check(params, answer)
        except ParseError as exc:  # a parser's complaint that the task did not catch itself
            return Verdict.bad_format(str(exc))
        except Exception as exc:  # noqa: BLE001 - a verifier bug must not crash an eval
            return Verdict.verifier_error(f"verifier error on this answer ({type(exc).__name__}: {exc})")
        if not isinstance(verdict, Verdict):
            return Verdict.verifier_error(f"verifier returned {type(verdict).__name__}, not a Verdict")
        return verdict

    def summary(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "split": self.split,
            "levels": sorted(self.presets),
            "answer_mode": self.answer_mode,
            "description": self.description,
            "version": self.version,
            "display_name": self.display_name or self.name,
            "paper_order": self.paper_order,
            "family": self.family,
            "origin": self.origin,
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
    if isinstance(cls.version, bool) or not isinstance(cls.version, int) or cls.version < 1:
        raise TypeError(f"{where}.version must be a positive integer, got {cls.version!r}")
    if cls.origin not in ORIGINS:
        raise TypeError(f"{where}.origin must be one of {ORIGINS}, got {cls.origin!r}")
    if not isinstance(cls.display_name, str) or not isinstance(cls.family, str) or not cls.family:
        raise TypeError(f"{where}.display_name and .family must be strings (family non-empty)")
    if cls.paper_order is not None and (isinstance(cls.paper_order, bool) or not isinstance(cls.paper_order, int)):
        raise TypeError(f"{where}.paper_order must be an integer or None, got {cls.paper_order!r}")


__all__ = [
    "ANSWER_MODES",
    "GenerationError",
    "Instance",
    "LEVELS",
    "MAX_ANSWER_CHARS",
    "ORIGINS",
    "SPLITS",
    "VERDICT_CODES",
    "config_digest",
    "parse_instance_id",
    "question_fingerprint",
    "sample_plan",
    "SymbolicTask",
    "TaskConfig",
    "Verdict",
    "field",
    "instance_rng",
    "validate_task_class",
]
