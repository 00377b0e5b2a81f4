"""matrix_transformation (seen): rotate / flip / transpose a matrix of single characters.

Rules (TASKS.md 19). An R×C matrix of single characters is given one row per line, cells
separated by commas. Levels 1-4 ask for one rotation by 90° clockwise (the result is
C×R). Level 5 applies a composition of 2-4 named transforms, in the stated order, each to
the result of the previous one:

* rotate 90° clockwise, rotate 180°, rotate 270° clockwise (= 90° counter-clockwise);
* transpose (row i becomes column i);
* horizontal flip: mirror left-right, i.e. reverse the order of the cells in every row;
* vertical flip: mirror top-bottom, i.e. reverse the order of the rows.

Answer format: the cells of the final matrix flattened row-major, separated by commas
(``<<<A, B, C, D>>>``). One pair of outer brackets, one row per line, bracketed rows and a
pair of quotes around a cell are also accepted (``symbench.answer.split_grid``). Cells are
compared exactly (letters are upper case, and case matters).

Choices made here (the catalogue leaves them open):

* Content alphabets: ``letters`` A-Z, ``digits`` 0-9, ``mixed`` A-Z and 0-9, ``symbols``
  ``! @ # $ % ^ & * + = ? ~ ; : | -``. None of them holds a comma, angle or square
  brackets, parentheses, quotes or backticks, so no cell can be confused with the answer
  syntax. The prompt names the content instead of always saying "letter matrix".
* The generator rejects instances whose flattened answer equals the flattened input (so
  copying the input never passes) and, at level 5, compositions that amount to the
  identity (checked on a matrix of distinct labels).
* ``size`` is R × C × (number of transforms).

Validity (the registry-wide checks hold it): Answers are matrices, with many different
references per level, so there is no answer class to balance. Distinct instances: A
level's first 100 instances are distinct without help (its space is large).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from symbench.answer import AnswerFormat, ParseError, short, split_grid
from symbench.contract import GenerationError, SymbolicTask, TaskConfig, Verdict

ALPHABETS = {
    "letters": "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "digits": "0123456789",
    "mixed": "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
    "symbols": "!@#$%^&*+=?~;:|-",
}
CONTENT_WORDS = {
    "letters": "upper-case letters",
    "digits": "digits",
    "mixed": "upper-case letters and digits",
    "symbols": "symbols",
}
TRANSFORMS = {
    "rotate90": "rotate 90° clockwise",
    "rotate180": "rotate 180°",
    "rotate270": "rotate 270° clockwise (that is, 90° counter-clockwise)",
    "transpose": "transpose (row i becomes column i)",
    "flip_horizontal": "flip horizontally (mirror left-right: reverse the order of the cells in every row)",
    "flip_vertical": "flip vertically (mirror top-bottom: reverse the order of the rows)",
}
TRANSFORM_SETS = ("rotate90", "all")
_MAX_ATTEMPTS = 1_000

Matrix = list[list[str]]


def apply(matrix: Matrix, transform: str) -> Matrix:
    """One transform of a rectangular matrix; columns are read with ``zip`` (at C speed)."""
    if transform == "rotate90":  # new row j is old column j, bottom to top
        return [list(column) for column in zip(*matrix[::-1])]
    if transform == "rotate180":
        return [row[::-1] for row in matrix[::-1]]
    if transform == "rotate270":  # new row k is old column (last - k), top to bottom
        return [list(column) for column in zip(*matrix)][::-1]
    if transform == "transpose":
        return [list(column) for column in zip(*matrix)]
    if transform == "flip_horizontal":
        return [row[::-1] for row in matrix]
    if transform == "flip_vertical":
        return [row[:] for row in matrix[::-1]]
    raise ValueError(f"unknown transform {transform!r}")


def apply_all(matrix: Matrix, transforms: list[str]) -> Matrix:
    for t in transforms:
        matrix = apply(matrix, t)
    return matrix


@dataclass(frozen=True)
class MatrixTransformationConfig(TaskConfig):
    rows: tuple[int, int] = (3, 3)
    cols: tuple[int, int] = (4, 4)
    content: tuple[str, ...] = ("mixed",)
    transforms: tuple[int, int] = (1, 1)
    transform_set: str = "rotate90"

    def validate(self) -> None:
        self.require_range("rows", 2, 30)
        self.require_range("cols", 2, 30)
        content = self.content
        if (
            not isinstance(content, tuple)
            or not content
            or not all(isinstance(c, str) and c in ALPHABETS for c in content)
            or len(set(content)) != len(content)
        ):
            raise ValueError(
                f"{self._where('content')} must be a non-empty tuple of distinct names from "
                f"{', '.join(ALPHABETS)}, got {content!r}"
            )
        count = self.require_range("transforms", 1, 6)
        kind = self.require_choice("transform_set", TRANSFORM_SETS)
        if kind == "rotate90" and count != (1, 1):
            raise ValueError(f"{self._where('transforms')} must be (1, 1) when transform_set is 'rotate90', got {count!r}")


class MatrixTransformation(SymbolicTask):
    name = "matrix_transformation"
    split = "seen"
    description = "Rotate (or, at level 5, rotate/flip/transpose in sequence) a matrix of characters."
    answer_mode = "unique"
    version = 1
    display_name = "Matrix Transformation"
    paper_order = 19
    family = "grid"
    origin = "paper"
    answer_format = AnswerFormat("list")
    Config = MatrixTransformationConfig
    presets = {
        1: MatrixTransformationConfig(rows=(2, 2), cols=(2, 2), content=("letters",)),
        2: MatrixTransformationConfig(rows=(2, 3), cols=(3, 3), content=("letters", "digits")),
        3: MatrixTransformationConfig(rows=(3, 3), cols=(4, 4), content=("mixed",)),
        4: MatrixTransformationConfig(rows=(4, 4), cols=(4, 5), content=("symbols",)),
        5: MatrixTransformationConfig(
            rows=(6, 8),
            cols=(6, 8),
            content=("letters", "digits", "mixed", "symbols"),
            transforms=(2, 4),
            transform_set="all",
        ),
    }

    def generate(self, rng: random.Random, config: MatrixTransformationConfig) -> dict:
        names = ["rotate90"] if config.transform_set == "rotate90" else list(TRANSFORMS)
        for _ in range(_MAX_ATTEMPTS):
            rows, cols = rng.randint(*config.rows), rng.randint(*config.cols)
            content = rng.choice(config.content)
            matrix = [[rng.choice(ALPHABETS[content]) for _ in range(cols)] for _ in range(rows)]
            transforms = [rng.choice(names) for _ in range(rng.randint(*config.transforms))]
            labels = [[f"{i},{j}" for j in range(cols)] for i in range(rows)]
            if apply_all(labels, transforms) == labels:
                continue  # the composition is the identity
            result = apply_all(matrix, transforms)
            if [c for row in result for c in row] == [c for row in matrix for c in row]:
                continue
            return {"matrix": matrix, "content": content, "transforms": transforms}
        raise GenerationError(f"matrix_transformation: no instance found for {config} in {_MAX_ATTEMPTS} attempts")

    @staticmethod
    def _result(params: dict) -> Matrix:
        return apply_all(params["matrix"], params["transforms"])

    def solve(self, params: dict) -> str:
        return ", ".join(c for row in self._result(params) for c in row)

    def question(self, params: dict) -> str:
        matrix = params["matrix"]
        rows, cols = len(matrix), len(matrix[0])
        result = self._result(params)
        out_rows, out_cols = len(result), len(result[0])
        matrix_text = "\n".join(", ".join(row) for row in matrix)
        transforms = params["transforms"]
        if len(transforms) == 1:
            task = f"Apply this transformation to the matrix: {TRANSFORMS[transforms[0]]}."
        else:
            steps = "\n".join(f"{k}. {TRANSFORMS[t]}" for k, t in enumerate(transforms, 1))
            task = (
                "Apply these transformations in the order given, each one to the result of the previous one:\n"
                f"{steps}"
            )
        # the example has a different number of cells than the answer, so it can never be the answer
        if out_rows * out_cols != 6:
            example_rows, example = "'Z 7 Q' and '3 K 0'", "Z, 7, Q, 3, K, 0"
        else:
            example_rows, example = "'Z 7' and '3 K'", "Z, 7, 3, K"
        return (
            f"Here is a matrix of {CONTENT_WORDS[params['content']]} with {rows} rows and {cols} columns, "
            f"one row per line, cells separated by commas:\n{matrix_text}\n\n"
            f"{task}\n\n"
            f"The result has {out_rows} rows and {out_cols} columns. Return your final answer as <<<...>>> holding "
            f"its {out_rows * out_cols} cells flattened in row-major order (first row left to right, then the next "
            f"row), separated by commas, each cell copied exactly. For example, a matrix with the rows "
            f"{example_rows} would be written <<<{example}>>>."
        )

    def check(self, params: dict, answer: str) -> Verdict:
        expected = self._result(params)
        # the reference's own spelling (no alphabet holds a comma, quote or bracket, so the
        # reading below would split it into exactly these cells and accept it)
        if answer == ", ".join([c for row in expected for c in row]):
            return Verdict.ok()
        try:
            cells = split_grid(answer, len(expected), len(expected[0]))
        except ParseError as exc:
            return Verdict.bad_format(str(exc))
        alphabet = ALPHABETS[params["content"]]
        for i, row in enumerate(cells):
            for j, cell in enumerate(row):
                if len(cell) != 1 or cell not in alphabet:
                    return Verdict.bad_format(
                        f"cell at row {i + 1}, column {j + 1} is {short(cell)}, not one of the {CONTENT_WORDS[params['content']]}"
                    )
        for i, row in enumerate(cells):
            for j, cell in enumerate(row):
                if cell != expected[i][j]:
                    return Verdict.fail(f"wrong cell at row {i + 1}, column {j + 1} of the result: {short(cell)}")
        return Verdict.ok()

    def size(self, params: dict) -> float:
        matrix = params["matrix"]
        return len(matrix) * len(matrix[0]) * len(params["transforms"])
