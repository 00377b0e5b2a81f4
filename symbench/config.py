"""Task configs: the frozen dataclass every task's ``Config`` derives from.

Knobs that are ranges are inclusive ``(low, high)`` tuples; ``validate()`` raises
``ValueError`` naming the bad field and the values it allows (never ``assert``).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Mapping


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


