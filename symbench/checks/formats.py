"""The format rules of TASKS.md 0.5 and the verdict codes, checked from each reference answer.

From every reference answer the checks here derive

* **harmless variants** that must still pass: surrounding whitespace, one pair of
  enclosing quotes or backticks, a code fence (inline, on its own lines, with a language
  tag); for flat lists (``answer_format.shape == "list"``) ``[]``, ``()`` or no outer
  brackets, other spacing after the separators and quoted items; for case-insensitive
  answers (``choice`` shapes, or ``case_insensitive=True``) the other case; for single
  integers of 1,000 or more, thousands separators;
* **near misses** that must fail: the answer written twice, a list with its last item
  dropped or with mismatched brackets, a number with bad grouping, its digits written
  in another script (``٣``, ``３``), non-ASCII letters that case mapping turns into
  ASCII ones (``K`` Kelvin sign, ``ſ``, ``ı``), and, where case matters, the letters'
  case swapped;
* **verdict codes**: the reference is ``correct``; empty text is ``no_answer``; garbage
  is ``bad_format``; a well-formed wrong answer is ``wrong``.

A task describes its answers with the ``answer_format`` class attribute
(:class:`symbench.answer.AnswerFormat`). Where a generic mutation of the reference cannot
make a well-formed wrong answer, a task may define ``wrong_answer(params) -> str`` (an
optional method, found by name) returning one.
"""

from __future__ import annotations

import re
from typing import Iterator

from symbench.answer import AnswerFormat, ParseError, parse_int, strip_outer_brackets, strip_quotes
from symbench.checks import expect, register
from symbench.contract import Instance, SymbolicTask

#: Text that no task may read as a well-formed answer.
GARBAGE: tuple[str, ...] = ("#@!%&~", "¿?¿?", "\x00\x01\x02", "((((", "]]]]", "{{", "I think the answer is hard to find.", "<<<", "→ ⊥")

_BRACKET_CHARS = set("[](){}")
_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_LOOK_ALIKES = str.maketrans({"k": "\u212a", "K": "\u212a", "s": "\u017f", "S": "\u017f", "i": "\u0131", "I": "\u0131"})


def _instances(task: SymbolicTask) -> Iterator[Instance]:
    levels = sorted(task.presets)
    for level in sorted({levels[0], levels[len(levels) // 2], levels[-1]}):
        for index in (0, 1):
            yield task.instance(level, seed=0, index=index)


def _format(task: SymbolicTask) -> AnswerFormat:
    fmt = getattr(task, "answer_format", AnswerFormat())
    expect(isinstance(fmt, AnswerFormat), f"{task.name}: answer_format must be a symbench.answer.AnswerFormat, got {fmt!r}")
    return fmt


def flat_items(answer: str) -> tuple[list[str], str | None, bool] | None:
    """(items, separator, bracketed) of a one-line flat list, or None when it is not one.

    The separator is ``","`` or ``None`` (whitespace). Items may be quoted; an item that
    holds a bracket (a nested list, a tuple) makes the list not flat, unless the item is
    that single bracket (the tokens of an expression).
    """
    s = answer.strip()
    inner = strip_outer_brackets(s)
    if "\n" in inner or not inner:
        return None
    sep = "," if "," in inner else None
    parts = inner.split(sep)
    items = [strip_quotes(p) for p in parts]
    if any(not item for item in items):
        return None
    if any(set(item) & _BRACKET_CHARS and item not in ("(", ")") for item in items):
        return None
    if any(set(item) & set("\"'`") for item in items):
        return None
    return items, sep, inner != s


def _list_variants(answer: str) -> dict[str, str]:
    parsed = flat_items(answer)
    if parsed is None:
        return {}
    items, sep, bracketed = parsed
    if len(items) < 2:  # "(A)" is an option letter, not a list of one
        return {}
    out: dict[str, str] = {}
    joins = {", ": ", ", ",": ",", " , ": " , "} if sep == "," else {"single spaces": " ", "double spaces": "  "}
    for label, joiner in joins.items():
        body = joiner.join(items)
        out[f"no outer brackets, joined by {label!r}"] = body
        out[f"in [], joined by {label!r}"] = f"[{body}]"
        out[f"in (), joined by {label!r}"] = f"({body})"
    joiner = ", " if sep == "," else " "
    for q in ('"', "'"):
        body = joiner.join(f"{q}{item}{q}" for item in items)
        out[f"items in {q}"] = f"[{body}]" if bracketed else body
    return out


def harmless_variants(answer: str, fmt: AnswerFormat) -> dict[str, str]:
    """Label -> a rewriting of ``answer`` that TASKS.md 0.5 says must still pass."""
    out = {"surrounding whitespace": f" \n {answer} \t\n"}
    for q in ('"', "'", "`"):
        if q not in answer:
            out[f"in {q}{q}"] = f"{q}{answer}{q}"
    out["fenced on its own lines"] = f"```\n{answer}\n```"
    out["fenced with a language tag"] = f"```text\n{answer}\n```"
    if "\n" not in answer and "`" not in answer:
        out["fenced inline"] = f"```{answer}```"
    if fmt.shape == "list":
        out.update(_list_variants(answer))
    if fmt.ignores_case:
        for label, text in (("lower case", answer.lower()), ("upper case", answer.upper())):
            if text != answer:
                out[label] = text
    if fmt.shape == "number":
        try:
            value = parse_int(answer)
        except ParseError:
            value = None
        if value is not None and abs(value) >= 1_000:
            out["thousands separators"] = f"{value:,}"
    return out


def near_misses(answer: str, fmt: AnswerFormat) -> dict[str, str]:
    """Label -> a text close to ``answer`` that must not pass."""
    out = {"written twice": f"{answer} {answer}"}
    if fmt.shape == "list":
        parsed = flat_items(answer)
        if parsed is not None and len(parsed[0]) >= 2:
            items, sep, _ = parsed
            joiner = ", " if sep == "," else " "
            out["last item dropped"] = joiner.join(items[:-1])
            out["mismatched brackets"] = "[" + joiner.join(items) + ")"
            out["an empty item"] = ", ".join(items[:1] + [""] + items[1:]) if sep == "," else None  # type: ignore[assignment]
    if fmt.shape == "number" and re.fullmatch(r"-?[0-9]{4,}", answer):
        out["bad grouping"] = answer[:-2] + "," + answer[-2:]
    if not fmt.ignores_case and answer.swapcase() != answer:
        out["case swapped"] = answer.swapcase()
    # Python's \d, int() and float() also read other scripts' digits; answers may not
    out["digits in another script"] = answer.translate(_ARABIC_INDIC)
    out["full-width digits"] = answer.translate(_FULL_WIDTH)
    # ... and str.lower/upper and re.IGNORECASE map these onto ASCII k, s and i
    out["non-ASCII look-alike letters"] = answer.translate(_LOOK_ALIKES)
    return {label: text for label, text in out.items() if text is not None and text.strip() != answer.strip()}


@register
def harmless_variants_of_the_reference_pass(task: SymbolicTask) -> None:
    """Whitespace, quotes, fences, list brackets/spacing and (where allowed) case do not change the verdict."""
    fmt = _format(task)
    for inst in _instances(task):
        for label, text in harmless_variants(inst.answer, fmt).items():
            verdict = task.verify(inst, f"Answer:\n<<<{text}>>>")
            expect(verdict.correct, f"{inst.id}: the reference {label} ({text[:80]!r}) fails: {verdict.reason}")


@register
def near_misses_of_the_reference_fail(task: SymbolicTask) -> None:
    """The answer twice, a dropped list item, mismatched brackets, bad grouping or the wrong case fail."""
    fmt = _format(task)
    for inst in _instances(task):
        for label, text in near_misses(inst.answer, fmt).items():
            verdict = task.verify(inst, f"<<<{text}>>>")
            expect(not verdict.correct, f"{inst.id}: the reference {label} ({text[:80]!r}) passes")
            expect(verdict.code in ("wrong", "bad_format"), f"{inst.id}: the reference {label} gives {verdict.code}: {verdict.reason}")


_NUMBER_RE = re.compile(r"-?[0-9]+(?:/[0-9]+)?")
_OPTION_RE = re.compile(r"\(([A-Za-z])\)")


def _changed_digit(answer: str, which: int) -> str | None:
    digits = [m.start() for m in re.finditer(r"[0-9]", answer)]
    if not digits:
        return None
    i = digits[which]
    d = int(answer[i])
    return answer[:i] + str(d - 1 if d > 0 else d + 1) + answer[i + 1 :]


def _changed_letter(answer: str) -> str | None:
    """The first ASCII letter replaced by another letter the answer uses (or a neighbour)."""
    letters = [i for i, ch in enumerate(answer) if ch.isascii() and ch.isalpha()]
    if not letters:
        return None
    i = letters[0]
    ch = answer[i]
    others = sorted({answer[j] for j in letters if answer[j] != ch and answer[j].isupper() == ch.isupper()})
    new = others[0] if others else (chr(ord(ch) - 1) if ch not in "aA" else chr(ord(ch) + 1))
    return answer[:i] + new + answer[i + 1 :]


def wrong_candidates(answer: str, fmt: AnswerFormat) -> list[str]:
    """Mutations of ``answer`` that keep its shape (most likely well-formed and wrong first)."""
    out: list[str] = []
    words = {"yes": "no", "no": "yes", "true": "false", "false": "true"}
    if answer.lower() in words:
        flipped = words[answer.lower()]
        out.append(flipped.capitalize() if answer[:1].isupper() else flipped)
    m = _OPTION_RE.fullmatch(answer)
    if m:
        out.append("(B)" if m.group(1).upper() == "A" else "(A)")
    if _NUMBER_RE.fullmatch(answer):
        num, _, den = answer.partition("/")
        n = int(num)
        if den:
            out.append(f"{n + int(den)}/{den}")
        else:
            out.append(str(n - 1 if n > 0 else n + 1))
    parsed = flat_items(answer) if fmt.shape == "list" else None
    if parsed is not None:
        # swaps of two different items keep the list's length and items (an any_valid
        # answer may survive some of them, so several are tried; at most 40)
        items, sep, bracketed = parsed
        pairs = [(i, j) for i in range(len(items)) for j in range(i + 1, len(items)) if items[i] != items[j]]
        for i, j in pairs[:40]:
            swapped = list(items)
            swapped[i], swapped[j] = swapped[j], swapped[i]
            body = (", " if sep == "," else " ").join(swapped)
            out.append(f"[{body}]" if bracketed else body)
    for which in (0, -1):
        changed = _changed_digit(answer, which)
        if changed is not None:
            out.append(changed)
    changed = _changed_letter(answer)
    if changed is not None:
        out.append(changed)
    return [c for c in dict.fromkeys(out) if c != answer]


@register
def verdict_codes_say_what_is_wrong(task: SymbolicTask) -> None:
    """The reference is correct, empty text no_answer, garbage bad_format, a well-formed wrong answer wrong."""
    fmt = _format(task)
    own = getattr(task, "wrong_answer", None)
    for inst in _instances(task):
        verdict = task.verify(inst, f"<<<{inst.answer}>>>")
        expect(verdict.code == "correct", f"{inst.id}: the reference gives {verdict.code}: {verdict.reason}")
        for empty in ("", "  \n "):
            verdict = task.verify(inst, f"<<<{empty}>>>")
            expect(verdict.code == "no_answer", f"{inst.id}: an empty answer gives {verdict.code}, not no_answer")
        for text in GARBAGE:
            verdict = task.verify(inst, f"<<<{text}>>>")
            expect(verdict.code == "bad_format", f"{inst.id}: the garbage {text!r} gives {verdict.code}, not bad_format: {verdict.reason}")
        if callable(own):
            wrong = own(inst.params)
            verdict = task.verify(inst, f"<<<{wrong}>>>")
            expect(verdict.code == "wrong", f"{inst.id}: its own wrong_answer {wrong[:80]!r} gives {verdict.code}: {verdict.reason}")
            continue
        verdicts = {}
        for text in wrong_candidates(inst.answer, fmt):
            verdict = task.verify(inst, f"<<<{text}>>>")
            verdicts[text] = verdict
            expect(verdict.code != "verifier_error", f"{inst.id}: {text[:80]!r} gives a verifier error: {verdict.reason}")
            if task.answer_mode == "unique":
                expect(not verdict.correct, f"{inst.id}: the mutation {text[:80]!r} of a unique answer passes")
        expect(
            any(v.code == "wrong" for v in verdicts.values()),
            f"{inst.id}: no shape-keeping mutation of the reference gives 'wrong' "
            f"({', '.join(f'{t[:40]!r}: {v.code}' for t, v in verdicts.items()) or 'none derived'}); "
            "define wrong_answer(params) on the task",
        )


__all__ = ["GARBAGE", "flat_items", "harmless_variants", "near_misses", "wrong_candidates"]
