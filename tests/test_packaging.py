"""A wheel install works away from the checkout: data files ship, a user's own task can be
created, found (folder or entry point), checked and evaluated with Inspect."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def test_every_package_folder_is_in_the_wheel_list():
    config = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]
    listed = set(config["packages"])
    mapping = config["package-dir"]
    roots = {folder: name for name, folder in mapping.items()}
    found = set()
    for folder, package in roots.items():
        for init in (REPO / folder).rglob("__init__.py"):
            rel = init.parent.relative_to(REPO / folder)
            if "__pycache__" in rel.parts:
                continue
            found.add(".".join([package, *rel.parts]))
    missing = sorted(found - listed)
    assert not missing, f"packages missing from pyproject.toml's [tool.setuptools] packages: {missing}"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    # build from a copy: building in place leaves symbench.egg-info in the checkout, which
    # shadows the installed metadata for every later process started there
    source = tmp_path_factory.mktemp("source") / "symbench"
    shutil.copytree(REPO, source, ignore=shutil.ignore_patterns(".git", ".venv*", "logs", "__pycache__", "*.egg-info", "build"))
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(source)], check=True, timeout=600,
                   capture_output=True)
    [whl] = out.glob("symbench-*.whl")
    return whl


def test_the_wheel_carries_the_data_files(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in ("symbench/templates/task_template.py.txt", "symbench/schemas/instance.schema.json",
                     "symbench/schemas/codesteer_trajectory.schema.json", "symbench/tasks/game24.py",
                     "symbench/harness/codesteer/solver.py", "symbench/checks/contract.py"):
        assert required in names, required


ENTRY_POINT_PROJECT = """
[build-system]
requires = ["setuptools>=77"]
build-backend = "setuptools.build_meta"

[project]
name = "my-symbench-tasks"
version = "0.0.1"

[tool.setuptools]
packages = ["my_tasks"]

[project.entry-points."symbench.tasks"]
mine = "my_tasks"
"""


@pytest.mark.slow
def test_a_wheel_install_creates_lists_checks_and_evaluates_a_users_own_task(wheel, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    install = subprocess.run([*pip, str(wheel)], capture_output=True, text=True, timeout=900)
    assert install.returncode == 0, install.stderr[-3000:]
    bin_ = venv / "bin"
    work = tmp_path / "research"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("SYMBENCH_TASK_PATH", "PYTHONPATH", "VIRTUAL_ENV")}

    def run(*cmd, extra=None):
        return subprocess.run([str(c) for c in cmd], cwd=work, env={**env, **(extra or {})}, capture_output=True, text=True, timeout=600)

    # without --dir, a wheel install refuses to write into site-packages
    refused = run(bin_ / "symbench", "new-task", "my_sum")
    assert refused.returncode == 2 and "--dir DIR" in refused.stderr and "Traceback" not in refused.stderr

    made = run(bin_ / "symbench", "new-task", "my_sum", "--dir", "mytasks")
    assert made.returncode == 0, made.stderr
    assert (work / "mytasks" / "my_sum.py").exists() and "SYMBENCH_TASK_PATH" in made.stdout

    path = {"SYMBENCH_TASK_PATH": str(work / "mytasks")}
    listed = json.loads(run(bin_ / "symbench", "list", "--json", extra=path).stdout)
    mine = {r["name"]: r for r in listed}["my_sum"]
    assert mine["origin"] == "custom" and mine["version"] == 1
    assert "my_sum" in run(bin_ / "symbench", "--tasks-dir", "mytasks", "list").stdout

    checked = run(bin_ / "symbench", "check", "my_sum", extra=path)
    assert checked.returncode == 0 and "all checks passed" in checked.stdout, checked.stdout[-2000:]

    logs = tmp_path / "logs"
    evaluated = run(bin_ / "inspect", "eval", "symbench/my_sum", "--model", "symbench/oracle", "-T", "n=5",
                    "--log-dir", logs, "--display", "none", extra=path)
    assert evaluated.returncode == 0, evaluated.stderr[-3000:]
    code = ("import sys; from inspect_ai.log import list_eval_logs, read_eval_log; "
            "log = read_eval_log(list_eval_logs(sys.argv[1])[0]); "
            "print(log.status, log.results.scores[0].metrics['accuracy'].value, len(log.samples))")
    summary = run(bin_ / "python", "-c", code, logs).stdout.split()
    assert summary == ["success", "1.0", "5"]

    # an installed package registers its tasks through the symbench.tasks entry point
    project = tmp_path / "project"
    (project / "my_tasks").mkdir(parents=True)
    (project / "pyproject.toml").write_text(ENTRY_POINT_PROJECT)
    (project / "my_tasks" / "__init__.py").write_text("")
    text = (work / "mytasks" / "my_sum.py").read_text().replace('"my_sum"', '"my_packaged_sum"')
    (project / "my_tasks" / "packaged_sum.py").write_text(text)
    installed = run(*pip, "--no-deps", str(project))
    assert installed.returncode == 0, installed.stderr[-2000:]
    names = {r["name"] for r in json.loads(run(bin_ / "symbench", "list", "--json").stdout)}
    assert "my_packaged_sum" in names and "game24" in names and "my_sum" not in names
