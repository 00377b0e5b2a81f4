"""``symbench export``: fixed instance sets as JSONL and Parquet with a card that datasets reads."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from symbench.schema import validate_record

from .conftest import require

TASKS = ("game24", "letters")


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "symbench.cli", *args], capture_output=True, text=True, timeout=300)


def expected_ids(task: str, n: int, levels: list[int], seed: int) -> list[str]:
    # written out here rather than taken from symbench.identity: sample i gets level i % k, index i // k
    return [f"{task}/c{levels[i % len(levels)]}/s{seed}/{i // len(levels)}" for i in range(n)]


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    require("pyarrow", "yaml")
    out = tmp_path_factory.mktemp("export") / "set"
    done = cli("export", "--out", str(out), "--tasks", ",".join(TASKS), "--n", "7", "--complexity", "1,3", "--seed", "5")
    assert done.returncode == 0, done.stderr
    assert f"wrote 14 instances of 2 task(s) to {out}" in done.stdout
    return out


def test_datasets_loads_the_export_and_every_row_is_a_valid_instance_with_its_fingerprint(exported):
    require("datasets")
    import datasets

    rows = list(datasets.load_dataset(str(exported), split="test"))
    assert [r["id"] for r in rows] == [i for t in TASKS for i in expected_ids(t, 7, [1, 3], 5)]
    for row in rows:
        record = dict(row, params=json.loads(row["params"]))
        validate_record(record)
        assert record["fingerprint"] == hashlib.sha256(record["question"].encode("utf-8")).hexdigest()[:16]
    one = datasets.load_dataset(str(exported), "letters", split="test")
    assert one["id"] == expected_ids("letters", 7, [1, 3], 5)


def test_the_export_holds_the_inspect_tasks_samples(exported):
    from symbench.harness.dataset import build_dataset

    inspect_records = [s.metadata for s in build_dataset(TASKS, 7, (1, 3), 5)]
    jsonl = [json.loads(line) for t in TASKS for line in (exported / "jsonl" / f"{t}.jsonl").read_text("utf-8").splitlines()]
    assert jsonl == inspect_records


def test_parquet_and_jsonl_agree_and_the_manifest_hashes_every_file(exported):
    import pyarrow.parquet as pq

    for task in TASKS:
        table = pq.read_table(exported / "data" / f"{task}.parquet").to_pylist()
        jsonl = [json.loads(line) for line in (exported / "jsonl" / f"{task}.jsonl").read_text("utf-8").splitlines()]
        assert [dict(r, params=json.loads(r["params"])) for r in table] == jsonl
    manifest = json.loads((exported / "symbench-export.json").read_text())
    assert manifest["records"] == 14 and manifest["seed"] == 5 and manifest["complexity"] == [1, 3]
    assert manifest["counts"] == {"game24": {"1": 4, "3": 3}, "letters": {"1": 4, "3": 3}}
    on_disk = {p.relative_to(exported).as_posix() for p in exported.rglob("*") if p.is_file()} - {"symbench-export.json"}
    assert set(manifest["files"]) == on_disk
    for name, digest in manifest["files"].items():
        assert hashlib.sha256((exported / name).read_bytes()).hexdigest() == digest


def test_the_card_front_matter_names_a_config_per_task_and_the_features(exported):
    import yaml

    text = (exported / "README.md").read_text("utf-8")
    assert text.startswith("---\n")
    front = yaml.safe_load(text.split("---\n")[1])
    assert [c["config_name"] for c in front["configs"]] == ["default", *TASKS]
    assert front["configs"][1]["data_files"] == [{"split": "test", "path": "data/game24.parquet"}]
    features = {f["name"]: f["dtype"] for f in front["dataset_info"][0]["features"]}
    assert features["params"] == "string" and features["complexity"] == "int64"
    assert "symbench export --tasks game24,letters --n 7 --complexity 1,3 --seed 5 --out DIR" in text


def test_an_existing_folder_is_kept_unless_force_replaces_an_earlier_export(exported, tmp_path, capsys):
    from symbench.cli import main

    assert main(["export", "--out", str(exported), "--tasks", "letters", "--n", "2"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--force" in err
    other = tmp_path / "mine"
    other.mkdir()
    (other / "notes.txt").write_text("keep me")
    assert main(["export", "--out", str(other), "--tasks", "letters", "--n", "2", "--force"]) == 2
    assert "not a SymBench export" in capsys.readouterr().err
    assert (other / "notes.txt").read_text() == "keep me"
    target = tmp_path / "set"
    assert main(["export", "--out", str(target), "--tasks", "letters", "--n", "2"]) == 0
    assert main(["export", "--out", str(target), "--tasks", "game24", "--n", "3", "--force"]) == 0
    assert sorted(p.name for p in (target / "data").iterdir()) == ["game24.parquet"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine", "set"]  # no temporary folder left


def test_an_error_while_writing_leaves_nothing_behind(tmp_path, monkeypatch):
    require("pyarrow", "yaml")
    from symbench import export

    real = export.InstanceSet.records

    def failing(self, task=None):
        if task == "letters":
            raise ValueError("generation failed on purpose")
        return real(self, task)

    monkeypatch.setattr(export.InstanceSet, "records", failing)
    spec = export.InstanceSet(("game24", "letters"), 2, (1,), 0)
    with pytest.raises(ValueError, match="on purpose"):
        export.export_set(spec, tmp_path / "out")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "args, message",
    [
        (["--n", "0"], "--n must be a whole number from 1 to 100000, got 0"),
        (["--complexity", "7"], "--complexity must be 'all', a level 1-5"),
        (["--tasks", "nope"], "--tasks: unknown task(s) nope"),
        (["--split", "both"], "--split must be one of seen, unseen, all"),
        (["--seed", "-1"], "--seed must be a whole number"),
    ],
)
def test_bad_parameters_give_one_line(tmp_path, args, message, capsys):
    from symbench.cli import main

    assert main(["export", "--out", str(tmp_path / "x"), *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("symbench: error: ") and err.count("\n") == 1 and message in err
    assert not (tmp_path / "x").exists()


def test_a_missing_parent_folder_and_a_missing_pyarrow_are_one_line_each(tmp_path, monkeypatch, capsys):
    from symbench.cli import main

    assert main(["export", "--out", str(tmp_path / "no" / "such"), "--tasks", "letters", "--n", "1"]) == 2
    assert f"folder {tmp_path / 'no'} does not exist" in capsys.readouterr().err
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow now raises ImportError
    assert main(["export", "--out", str(tmp_path / "x"), "--tasks", "letters", "--n", "1"]) == 2
    assert "pip install 'symbench[export]'" in capsys.readouterr().err


def test_a_suite_exports_its_own_instances(tmp_path, capsys):
    require("pyarrow", "yaml")
    from symbench.cli import main

    try:
        from symbench.suites import load_suite, suite_names
    except ImportError:  # suites are not in this SymBench yet: a clear line, not a traceback
        assert main(["export", "smoke", "--out", str(tmp_path / "s")]) == 2
        assert "suites are not available" in capsys.readouterr().err
        return
    name = suite_names()[0]
    suite = load_suite(name)
    assert main(["export", name, "--out", str(tmp_path / "s"), "--n", "2"]) == 0
    manifest = json.loads((tmp_path / "s" / "symbench-export.json").read_text())
    assert (manifest["name"], manifest["tasks"], manifest["n"], manifest["seed"]) == (suite.name, list(suite.tasks), 2, suite.seed)
    for task in suite.tasks:
        lines = (tmp_path / "s" / "jsonl" / f"{task}.jsonl").read_text("utf-8").splitlines()
        assert [json.loads(line)["id"] for line in lines] == expected_ids(task, 2, list(suite.complexity), suite.seed)
    assert main(["export", name, "--out", str(tmp_path / "t"), "--seed", "3"]) == 2
    assert "--seed cannot change a suite" in capsys.readouterr().err
    assert main(["export", name, "--out", str(tmp_path / "t"), "--n", "0"]) == 2  # overrides get the -T checks
    assert "--n must be a whole number from 1 to 100000, got 0" in capsys.readouterr().err
    assert main(["export", name, "--out", str(tmp_path / "t"), "--tasks", "letters", "--complexity", "2,3", "--n", "3"]) == 0
    lines = (tmp_path / "t" / "jsonl" / "letters.jsonl").read_text("utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == expected_ids("letters", 3, [2, 3], suite.seed)
    assert sorted(p.name for p in (tmp_path / "t" / "data").iterdir()) == ["letters.parquet"]
    assert main(["export", "no_such_suite", "--out", str(tmp_path / "u")]) == 2
    assert "unknown suite 'no_such_suite'" in capsys.readouterr().err
