"""Validity as a benchmark: answers balanced within every level, distinct instances, no
cheap shortcut to the answer, and many instances per level generate without error.

A level has a **small answer alphabet** when its first 100 instances at seed 0 have at
most :data:`SMALL_ALPHABET` distinct reference answers (Yes/No, option letters, a digit
code); its classes are those answers, ``k`` of them. Margins are binomial: with ``m``
instances and a fair share ``p``, a count or an accuracy may exceed ``p`` by at most
three standard deviations, ``3 * sqrt(p * (1 - p) / m)`` (about one in 700 for a fair
task at any one level, so a failure means a real tilt, not bad luck).
"""

from __future__ import annotations

import math
import os
from collections import Counter, defaultdict
from functools import lru_cache

from symbench.checks import expect, register
from symbench.checks._shortcuts import best_option_rule, best_surface_rule, options_of
from symbench.contract import LEVELS, SymbolicTask
from symbench.identity import sample_plan

#: At most this many distinct answers among a level's first 100 instances make it a small alphabet.
SMALL_ALPHABET = 10
#: Instances per level that must be distinct, and per seed that the shortcut rules see.
N_DISTINCT = 100
N_SHORTCUT = 300
#: The default suite sets (TASKS.md, README): n=100 over all levels, and the documented mixes.
SUITE_SETS: tuple[tuple[int, ...], ...] = ((1, 2, 3, 4, 5), (1, 2), (1, 2, 3), (1,), (2,), (3,), (4,), (5,))
SUITE_N = 100
#: Instances per level of the slow sweep.
N_SWEEP = 1000


def margin(p: float, m: int) -> float:
    """Three binomial standard deviations of a share ``p`` over ``m`` draws."""
    return 3 * math.sqrt(p * (1 - p) / m)


@lru_cache(maxsize=512)
def _pairs(task: SymbolicTask, level: int, seed: int, n: int) -> tuple[tuple[str, str], ...]:
    """(question, answer) of instances ``0..n-1``; shared by the checks so each is made once."""
    return tuple((inst.question, inst.answer) for inst in (task.instance(level, seed, i) for i in range(n)))


def small_alphabet(task: SymbolicTask, level: int) -> Counter | None:
    """The answer classes of ``level`` (counted over its first 100 instances), if there are few."""
    counts = Counter(a for _, a in _pairs(task, level, 0, N_DISTINCT))
    return counts if len(counts) <= SMALL_ALPHABET else None


@register
def answers_balanced_within_every_level(task: SymbolicTask) -> None:
    """In every default suite set, no answer class of a small-alphabet level takes more than its fair share.

    For each set (n=100 over levels 1-5, 1-2, 1-3 and each single level, seed 0, through
    ``sample_plan``) and each level in it with ``k`` answer classes and ``m`` samples, the
    most frequent class may have at most ``m/k + 3*sqrt(m*(1/k)*(1-1/k))`` of them (the
    binomial bound above, in counts). A task that balances by its ``index`` meets it exactly.
    """
    classes = {level: small_alphabet(task, level) for level in LEVELS}
    constant = {level: next(iter(c)) for level, c in classes.items() if c is not None and len(c) == 1}
    expect(
        not constant,
        f"{task.name}: over the first {N_DISTINCT} instances at seed 0, "
        + "; ".join(f"level {level} always answers {a!r}" for level, a in constant.items()),
    )
    problems = []
    for levels in SUITE_SETS:
        per_level: dict[int, Counter] = defaultdict(Counter)
        for level, index in sample_plan(SUITE_N, levels):
            if classes[level] is not None:
                per_level[level][_pairs(task, level, 0, N_DISTINCT)[index][1]] += 1
        for level, counts in per_level.items():
            m, k = sum(counts.values()), len(classes[level])  # type: ignore[arg-type]
            bound = m / k + m * margin(1 / k, m)
            top, count = counts.most_common(1)[0]
            if count > bound:
                problems.append(
                    f"with -T complexity={','.join(map(str, levels))} level {level} answers {top!r} in {count} of {m} "
                    f"samples (fair share {m / k:.1f} of {k} classes, allowed {bound:.1f})"
                )
    expect(not problems, f"{task.name} (n={SUITE_N}, seed 0): " + "; ".join(problems))


@register
def first_100_instances_are_distinct(task: SymbolicTask) -> None:
    """Every level's first 100 instances at seed 0 have 100 different questions."""
    problems = []
    for level in LEVELS:
        seen: dict[str, int] = {}
        repeats = []
        for i, (q, _) in enumerate(_pairs(task, level, 0, N_DISTINCT)):
            if q in seen:
                repeats.append((i, seen[q]))
            seen.setdefault(q, i)
        if repeats:
            problems.append(f"level {level} has {len(seen)} (index {repeats[0][0]} repeats {repeats[0][1]})")
    expect(not problems, f"{task.name}: distinct questions among the first {N_DISTINCT} at seed 0: " + "; ".join(problems))


@register
def no_cheap_shortcut(task: SymbolicTask) -> None:
    """At every small-alphabet level, rules that read one surface feature, or only the options, stay near chance.

    Each rule (see ``symbench.checks._shortcuts``) is learned on the first 300 instances
    of seed 1 and scored on those of seed 2. The best surface rule may beat the majority
    class share ``p`` of the test set by at most ``3*sqrt(p*(1-p)/300)``; the best
    options-only rule may beat ``1/k`` (k options) by at most ``3*sqrt((1/k)(1-1/k)/300)``.
    """
    problems = []
    for level in LEVELS:
        if small_alphabet(task, level) is None:
            continue
        train, test = _pairs(task, level, 1, N_SHORTCUT), _pairs(task, level, 2, N_SHORTCUT)
        test_answers = [a for _, a in test]
        p = Counter(test_answers).most_common(1)[0][1] / len(test)
        feature, acc = best_surface_rule([q for q, _ in train], [a for _, a in train], [q for q, _ in test], test_answers)
        if acc > p + margin(p, len(test)):
            problems.append(
                f"level {level}: a rule reading only the question's {feature} is right on {acc:.0%} "
                f"(majority class {p:.0%}, allowed {p + margin(p, len(test)):.0%})"
            )
        mc_train, mc_test = _choices(train), _choices(test)
        if mc_train and mc_test:
            k = max(len(opts) for opts, _ in mc_test)
            rule, acc = best_option_rule(mc_train, mc_test)
            allowed = 1 / k + margin(1 / k, len(mc_test))
            if acc > allowed:
                problems.append(
                    f"level {level}: reading only the options, the rule '{rule}' is right on {acc:.0%} "
                    f"(chance {1 / k:.0%} with {k} options, allowed {allowed:.0%})"
                )
    expect(not problems, f"{task.name}: shortcut rules scored on seed 2: " + "; ".join(problems))


def _choices(pairs) -> list[tuple[list[str], int]]:
    """(options, index of the right one) of the multiple-choice instances among ``pairs``."""
    out = []
    for question, answer in pairs:
        opts = options_of(question, answer)
        right = ord(answer.strip()[1]) - ord("A") if opts else -1
        if opts and 0 <= right < len(opts):
            out.append((opts, right))
    return out if len(out) == len(pairs) else []


#: The task being swept; set before the worker processes fork, so they inherit it unpickled.
_SWEEP_TASK: SymbolicTask | None = None
_CHUNK = 250  # instances per work item of the sweep (20 items: the two workers stay balanced)


def _sweep_chunk(item: tuple[int, int], task: SymbolicTask | None = None) -> str | None:
    """Generate instances ``start .. start+_CHUNK-1`` of one level; the first failure, described, or None."""
    level, start = item
    task = task if task is not None else _SWEEP_TASK
    for i in range(start, min(start + _CHUNK, N_SWEEP)):
        try:
            task.instance(level, 0, i)  # type: ignore[union-attr]
        except Exception as exc:  # noqa: BLE001 - reported as the check's failure
            return f"level {level} index {i}: {type(exc).__name__}: {exc}"
    return None


@register(slow=True)
def thousand_instances_per_level_generate(task: SymbolicTask) -> None:
    """Instances 0..999 of every level at seed 0 generate without raising (in 2 processes where possible)."""
    bad = [f for f in _map_chunks(task) if f]
    expect(not bad, f"{task.name}: generation failed: " + "; ".join(bad))


def _map_chunks(task: SymbolicTask) -> list[str | None]:
    global _SWEEP_TASK
    import multiprocessing

    items = [(level, start) for level in LEVELS for start in range(0, N_SWEEP, _CHUNK)]
    if (os.cpu_count() or 1) > 1 and "fork" in multiprocessing.get_all_start_methods():
        from concurrent.futures import ProcessPoolExecutor

        _SWEEP_TASK = task
        try:
            with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("fork")) as pool:
                return list(pool.map(_sweep_chunk, items))
        finally:
            _SWEEP_TASK = None
    return [_sweep_chunk(item, task) for item in items]
