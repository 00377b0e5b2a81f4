"""CodeSteer's two checkers.

* The **Symbolic Checker** reads a program with Python's ``ast`` (never by matching
  substrings, so ``"for"`` inside a string or ``format`` is not a loop) and reports how
  much real computation it does: loops, branches, comprehensions, recursion, search over
  ``itertools`` permutations/products/combinations, exact arithmetic with ``fractions``,
  functions defined and called, and whether it only prints a constant. It gives a
  complexity score and a short readable report for the guide.
* The **Self-answer Checker** asks the task model for a short program that checks its own
  answer against the question's rules, runs it through the one executor, and reads its
  ``<<<Correct>>>`` / ``<<<Incorrect ...>>>`` verdict. It never sees the reference answer.
"""

from __future__ import annotations

import ast
from dataclasses import asdict, dataclass, field
from typing import Any

SEARCH_FUNCTIONS = {"permutations", "product", "combinations", "combinations_with_replacement"}
EXACT_NAMES = {"Fraction", "fractions", "Decimal", "gcd", "lcm", "comb", "perm", "factorial", "isqrt"}
MAX_CODE_CHARS = 200_000


@dataclass
class CodeAnalysis:
    parsed: bool
    error: str = ""
    loops: int = 0
    branches: int = 0
    comprehensions: int = 0
    functions: list[str] = field(default_factory=list)
    called_functions: list[str] = field(default_factory=list)
    recursive: list[str] = field(default_factory=list)
    search: list[str] = field(default_factory=list)
    exact_arithmetic: bool = False
    prints: int = 0
    prints_constant_only: bool = False
    score: int = 0
    report: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


class _ConstantNames(ast.NodeVisitor):
    """Module-level names bound only to constant expressions (``ANSWER = "42"``)."""

    def __init__(self) -> None:
        self.constant: set[str] = set()
        self.other: set[str] = set()

    def visit_Assign(self, node: ast.Assign) -> None:
        for target in node.targets:
            if isinstance(target, ast.Name):
                (self.constant if _is_constant(node.value, self.constant) else self.other).add(target.id)
        self.generic_visit(node)


def _is_constant(node: ast.AST, names: set[str]) -> bool:
    """Whether ``node`` is built only from literals (and names bound to literals)."""
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.Name):
        return node.id in names
    if isinstance(node, (ast.BinOp,)):
        return _is_constant(node.left, names) and _is_constant(node.right, names)
    if isinstance(node, ast.UnaryOp):
        return _is_constant(node.operand, names)
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return all(_is_constant(e, names) for e in node.elts)
    if isinstance(node, ast.JoinedStr):
        return all(_is_constant(v, names) for v in node.values)
    if isinstance(node, ast.FormattedValue):
        return _is_constant(node.value, names)
    return False


def analyse_code(code: str) -> CodeAnalysis:
    """Static analysis of ``code``; never raises (a syntax error is reported)."""
    if not isinstance(code, str) or not code.strip():
        return CodeAnalysis(parsed=False, error="no code", report="no program to analyse")
    if len(code) > MAX_CODE_CHARS:
        return CodeAnalysis(parsed=False, error="too long", report=f"program too long to analyse ({len(code)} characters)")
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
        msg = getattr(exc, "msg", None) or type(exc).__name__
        return CodeAnalysis(parsed=False, error=str(msg), report=f"does not parse as Python ({msg})")
    try:
        return _analyse(tree)
    except RecursionError:
        return CodeAnalysis(parsed=False, error="nested too deeply", report="program nested too deeply to analyse")


def _analyse(tree: ast.Module) -> CodeAnalysis:
    out = CodeAnalysis(parsed=True)
    constants = _ConstantNames()
    constants.visit(tree)
    const_names = constants.constant - constants.other
    calls_inside: dict[str, set[str]] = {}
    print_args_constant = True
    other_calls = 0
    for node in ast.walk(tree):
        if isinstance(node, (ast.For, ast.AsyncFor, ast.While)):
            out.loops += 1
        elif isinstance(node, (ast.If, ast.IfExp)):
            out.branches += 1
        elif isinstance(node, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
            out.comprehensions += 1
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            out.functions.append(node.name)
            calls_inside[node.name] = {_call_name(c) for c in ast.walk(node) if isinstance(c, ast.Call)}
        elif isinstance(node, ast.Call):
            name = _call_name(node)
            if name == "print":
                out.prints += 1
                print_args_constant &= all(_is_constant(a, const_names) for a in node.args)
            else:
                other_calls += 1
                if name and name not in out.called_functions:
                    out.called_functions.append(name)
            if name in SEARCH_FUNCTIONS and name not in out.search:
                out.search.append(name)
            if name in EXACT_NAMES:
                out.exact_arithmetic = True
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            modules = [a.name for a in node.names] + ([node.module] if isinstance(node, ast.ImportFrom) and node.module else [])
            if any(m and m.split(".")[0] in ("fractions", "decimal") for m in modules):
                out.exact_arithmetic = True
    out.recursive = [f for f, calls in calls_inside.items() if f in calls]
    computes = out.loops or out.comprehensions or out.recursive or out.search or other_calls
    out.prints_constant_only = bool(out.prints) and print_args_constant and not computes
    out.score = _score(out)
    out.report = _report(out)
    return out


def _score(a: CodeAnalysis) -> int:
    if a.prints_constant_only:
        return 0
    return (
        2 * a.loops + 2 * a.comprehensions + a.branches + 3 * len(a.recursive) + 3 * len(a.search)
        + len(a.functions) + (1 if a.exact_arithmetic else 0)
    )


def _report(a: CodeAnalysis) -> str:
    if a.prints_constant_only:
        return f"complexity score 0: prints a constant; does no search or calculation"
    parts = []
    if a.search:
        parts.append("searches with itertools." + ", itertools.".join(a.search))
    if a.recursive:
        parts.append("recursion in " + ", ".join(f"{f}()" for f in a.recursive))
    if a.loops:
        parts.append(f"{a.loops} loop{'s' * (a.loops != 1)}")
    if a.comprehensions:
        parts.append(f"{a.comprehensions} comprehension{'s' * (a.comprehensions != 1)}")
    if a.branches:
        parts.append(f"{a.branches} branch{'es' * (a.branches != 1)}")
    if a.functions:
        parts.append("defines " + ", ".join(f"{f}()" for f in a.functions))
    if a.exact_arithmetic:
        parts.append("exact arithmetic")
    if not (a.search or a.recursive or a.loops or a.comprehensions):
        parts.append("no loops or search: straight-line calculation")
    if not a.prints:
        parts.append("prints nothing")
    return f"complexity score {a.score}: " + "; ".join(parts)


def parse_self_check(stdout: str) -> str:
    """``correct``, ``incorrect`` or ``unknown`` from a self-check program's output."""
    from symbench.answer import extract_final_answer

    found = extract_final_answer(stdout or "")
    if found is None:
        return "unknown"
    word = found.strip().lower()
    if word.startswith("incorrect"):
        return "incorrect"
    if word.startswith("correct"):
        return "correct"
    return "unknown"
