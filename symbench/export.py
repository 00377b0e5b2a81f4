"""Fixed SymBench instance sets, and writing them as data files (JSONL and Parquet with a dataset card).

Pure: no Inspect import. An :class:`InstanceSet` is what an Inspect SymBench task or suite
evaluates (tasks x ``sample_plan(n, complexity)`` at one seed), so a set exported here, an
lm-eval run and an Inspect run with the same parameters hold the same ids and fingerprints.
The same set feeds the lm-eval adapter and the reward-function prompts.

An export folder holds::

    README.md                 dataset card; its YAML front matter lets datasets.load_dataset(DIR) read data/
    data/TASK.parquet         one file per task; ``params`` is a JSON text column (its shape differs per task)
    jsonl/TASK.jsonl          the instance records exactly as ``symbench generate`` prints them
    symbench-export.json      manifest: parameters, task versions, counts and SHA-256 of every file

The folder is written beside its target under a temporary name and renamed into place, so a
folder at the target path is always complete.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Mapping

from symbench.identity import sample_plan

MANIFEST = "symbench-export.json"
FORMAT_VERSION = 1
#: the split every export has (a benchmark set is a test set)
SPLIT = "test"
EXPORT_INSTALL = "pip install 'symbench[export]'"
#: the columns of a row (a record with ``params`` as JSON text), in order, with their dtypes
COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "string"),
    ("task", "string"),
    ("complexity", "int64"),
    ("seed", "int64"),
    ("index", "int64"),
    ("version", "int64"),
    ("config_digest", "string"),
    ("fingerprint", "string"),
    ("question", "string"),
    ("answer", "string"),
    ("params", "string"),
)


@dataclass(frozen=True)
class InstanceSet:
    """``n`` instances of each task, spread over ``complexity`` by :func:`sample_plan`, at ``seed``."""

    tasks: tuple[str, ...]
    n: int
    complexity: tuple[int, ...]
    seed: int
    name: str = "symbench"

    @classmethod
    def from_params(cls, values: Mapping[str, Any], *, name: str = "symbench", flag: str = "--") -> "InstanceSet":
        """Build a set from evaluation parameters (``tasks``, ``split``, ``n``, ``complexity``,
        ``seed``; missing ones take the ``-T`` defaults), parsed by :func:`symbench.params.parse_params`."""
        from symbench.params import ParameterError, parse_params

        if "exec_timeout" in values:
            raise ParameterError(f"{flag}exec_timeout does not apply here: no model code is run")
        parsed = parse_params(values, suite=True, flag=flag)
        return cls(tuple(parsed["tasks"]), parsed["n"], tuple(parsed["complexity"]), parsed["seed"], name)

    @classmethod
    def from_suite(cls, suite: Any) -> "InstanceSet":
        """The instances of a suite (an object with ``tasks``, ``n``, ``complexity``, ``seed``, ``name``)."""
        return cls(tuple(suite.tasks), int(suite.n), tuple(suite.complexity), int(suite.seed), str(suite.name))

    def __len__(self) -> int:
        return self.n * len(self.tasks)

    def records(self, task: str | None = None) -> Iterator[dict[str, Any]]:
        """Instance records, task by task (or of one task), in sample-plan order."""
        from symbench.registry import get_task

        for name in (task,) if task is not None else self.tasks:
            generator = get_task(name)
            for level, index in sample_plan(self.n, self.complexity):
                yield generator.instance(level, self.seed, index).to_record()

    def describe(self) -> dict[str, Any]:
        return {"name": self.name, "tasks": list(self.tasks), "n": self.n, "complexity": list(self.complexity), "seed": self.seed}


# --------------------------------------------------------------------------- rows


def record_to_row(record: Mapping[str, Any]) -> dict[str, Any]:
    """An instance record as a flat row: ``params`` becomes JSON text (tables need one type per column)."""
    row = {name: record[name] for name, _ in COLUMNS if name != "params"}
    row["params"] = json.dumps(record["params"], ensure_ascii=False, separators=(",", ":"))
    return row


def row_to_record(row: Mapping[str, Any]) -> dict[str, Any]:
    """The inverse of :func:`record_to_row` (extra columns such as ``prompt`` are dropped).
    Raises ``ValueError`` for a row that is not one."""
    missing = [name for name, _ in COLUMNS if name not in row]
    if missing:
        raise ValueError(f"not a SymBench row: missing column(s) {', '.join(missing)}")
    record = {name: row[name] for name, _ in COLUMNS}
    params = row["params"]
    if isinstance(params, str):
        try:
            params = json.loads(params)
        except json.JSONDecodeError as exc:
            raise ValueError(f"row {row['id']}: params is not JSON ({exc.msg})") from None
    if not isinstance(params, dict):
        raise ValueError(f"row {row['id']}: params must be a JSON object, got {type(params).__name__}")
    record["params"] = params
    return record


# --------------------------------------------------------------------------- export


@dataclass(frozen=True)
class ExportResult:
    path: Path
    records: int
    files: dict[str, str]  # relative path -> SHA-256


def _pyarrow():
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise ValueError(f"export writes Parquet with pyarrow, which is not installed; install with: {EXPORT_INSTALL}") from None
    return pyarrow


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _check_target(out: Path, force: bool) -> None:
    if out.exists() or out.is_symlink():
        if not force:
            raise ValueError(f"{out} already exists; pass --force to replace an earlier export")
        if out.is_symlink() or not out.is_dir() or not (out / MANIFEST).is_file():
            raise ValueError(f"{out} exists and is not a SymBench export (no {MANIFEST}); refusing to replace it")
    if not out.parent.is_dir():
        raise ValueError(f"folder {out.parent} does not exist")


def export_set(spec: InstanceSet, out: str | os.PathLike, *, force: bool = False, command: str = "") -> ExportResult:
    """Write ``spec``'s instances under ``out`` (see the module docstring). With ``force`` an
    earlier export at ``out`` is replaced; any other existing path is an error. Raises
    ``ValueError`` with a one-line message; on any error nothing is left at ``out``'s parent."""
    pa = _pyarrow()
    out = Path(out).expanduser().absolute()
    _check_target(out, force)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent))
    try:
        counts = _write_files(spec, tmp, pa)
        files = {p.relative_to(tmp).as_posix(): _sha256(p) for p in sorted(tmp.rglob("*")) if p.is_file()}
        card = dataset_card(spec, counts, command)
        (tmp / "README.md").write_text(card, encoding="utf-8")
        files["README.md"] = _sha256(tmp / "README.md")
        manifest = {
            "format": FORMAT_VERSION,
            "symbench_version": _symbench_version(),
            **spec.describe(),
            "task_versions": {t: _task_version(t) for t in spec.tasks},
            "records": sum(sum(c.values()) for c in counts.values()),
            "counts": {t: {str(lvl): c for lvl, c in sorted(levels.items())} for t, levels in counts.items()},
            "files": files,
        }
        (tmp / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
        os.chmod(tmp, 0o755)  # mkdtemp makes it private; an export is for reading
        _move_into_place(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return ExportResult(out, manifest["records"], files)


def _write_files(spec: InstanceSet, folder: Path, pa) -> dict[str, dict[int, int]]:
    import pyarrow.parquet as pq

    schema = pa.schema([(name, pa.int64() if dtype == "int64" else pa.string()) for name, dtype in COLUMNS])
    (folder / "data").mkdir()
    (folder / "jsonl").mkdir()
    counts: dict[str, dict[int, int]] = {}
    for task in spec.tasks:
        records = list(spec.records(task))
        with open(folder / "jsonl" / f"{task}.jsonl", "w", encoding="utf-8") as fh:
            for record in records:
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        table = pa.Table.from_pylist([record_to_row(r) for r in records], schema=schema)
        pq.write_table(table, folder / "data" / f"{task}.parquet")
        per_level: dict[int, int] = {}
        for record in records:
            per_level[record["complexity"]] = per_level.get(record["complexity"], 0) + 1
        counts[task] = per_level
    return counts


def _move_into_place(tmp: Path, out: Path) -> None:
    if not out.exists():
        os.rename(tmp, out)
        return
    old = out.with_name(f".{out.name}.{os.getpid()}.old")
    os.rename(out, old)
    try:
        os.rename(tmp, out)
    except BaseException:
        os.rename(old, out)  # put the earlier export back
        raise
    shutil.rmtree(old, ignore_errors=True)


def _symbench_version() -> str:
    import symbench

    return symbench.__version__


def _task_version(name: str) -> int:
    from symbench.registry import get_task

    return int(get_task(name).version)


# --------------------------------------------------------------------------- dataset card


def card_metadata(spec: InstanceSet, counts: Mapping[str, Mapping[int, int]]) -> dict[str, Any]:
    """The card's YAML front matter: one config for everything (the default) and one per task."""
    def features() -> list[dict[str, str]]:  # a fresh list each time, so the YAML has no anchors
        return [{"name": name, "dtype": dtype} for name, dtype in COLUMNS]

    configs = [{"config_name": "default", "data_files": [{"split": SPLIT, "path": "data/*.parquet"}], "default": True}]
    infos = [{"config_name": "default", "features": features()}]
    for task in spec.tasks:
        configs.append({"config_name": task, "data_files": [{"split": SPLIT, "path": f"data/{task}.parquet"}]})
        infos.append({"config_name": task, "features": features()})
    return {
        "pretty_name": f"SymBench instances ({spec.name})",
        "language": ["en"],
        "tags": ["symbolic-reasoning", "procedurally-generated", "symbench"],
        "task_categories": ["text-generation"],
        "size_categories": [_size_category(len(spec))],
        "configs": configs,
        "dataset_info": infos,
    }


def _size_category(n: int) -> str:
    for limit, label in ((1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"), (1_000_000, "100K<n<1M")):
        if n < limit:
            return label
    return "1M<n<10M"


def dataset_card(spec: InstanceSet, counts: Mapping[str, Mapping[int, int]], command: str = "") -> str:
    import yaml

    front = yaml.safe_dump(card_metadata(spec, counts), sort_keys=False, allow_unicode=True, width=1000)
    levels = ", ".join(map(str, spec.complexity))
    rows = "\n".join(
        f"| {t} | {_task_version(t)} | " + " | ".join(str(counts[t].get(lvl, 0)) for lvl in range(1, 6)) + " |"
        for t in spec.tasks
    )
    made_with = f"\n\nMade with:\n\n```\n{command}\n```" if command else ""
    return f"""---
{front}---

# SymBench instances: {spec.name}

Fixed instances of SymBench's procedurally generated symbolic-reasoning tasks, exported by
SymBench {_symbench_version()}: {spec.n} instances per task, spread over complexity level(s)
{levels} in turn, seed {spec.seed}. They are exactly the samples that SymBench's Inspect tasks
evaluate with `-T n={spec.n} -T complexity={",".join(map(str, spec.complexity))} -T seed={spec.seed}`
(same ids, same question fingerprints).{made_with}

## Loading

```python
import datasets, json
ds = datasets.load_dataset("path/to/this/folder", split="{SPLIT}")          # every task
one_task = datasets.load_dataset("path/to/this/folder", "{spec.tasks[0]}", split="{SPLIT}")  # one task
params = json.loads(ds[0]["params"])
```

## Fields

| field | meaning |
|---|---|
| `id` | `task/cLEVEL/sSEED/INDEX` |
| `task`, `complexity`, `seed`, `index` | what generated the instance; it is a pure function of them |
| `version` | the task's version when the instance was made |
| `config_digest` | SHA-256 prefix of the task name and the config that made it |
| `fingerprint` | SHA-256 prefix (16 hex digits) of `question` |
| `question` | the full prompt; it asks for the final answer inside `<<<` `>>>` |
| `answer` | one reference answer, exactly as it would appear inside `<<<` `>>>` |
| `params` | JSON text: everything the task's verifier needs |

Many tasks accept more than one correct answer, so judge a response with the task's verifier
rather than by comparing with `answer`: `symbench verify TASK --answer TEXT < record.json`
reads a record from `jsonl/TASK.jsonl`, and `symbench.rewards` offers the verifiers as reward
functions. `jsonl/` holds the same records with `params` as a JSON object.

## Counts

| task | version | level 1 | level 2 | level 3 | level 4 | level 5 |
|---|---|---|---|---|---|---|
{rows}
"""
