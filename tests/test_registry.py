"""Task discovery: built-in tasks, a user's folder (SYMBENCH_TASK_PATH), clashes and bad files."""

from __future__ import annotations

from importlib import resources

import pytest

from symbench import registry


@pytest.fixture
def task_path(tmp_path, monkeypatch):
    def use(*folders):
        monkeypatch.setenv(registry.PATH_VARIABLE, ":".join(str(f) for f in folders))
        registry.refresh()

    yield use
    monkeypatch.delenv(registry.PATH_VARIABLE, raising=False)
    registry.refresh()


def _template(name: str) -> str:
    text = resources.files("symbench").joinpath("templates/task_template.py.txt").read_text("utf-8")
    cls = "".join(p.capitalize() for p in name.split("_"))
    return text.replace("__NAME__", name).replace("__CLASS__", cls)


def test_a_folder_on_the_task_path_adds_its_tasks(tmp_path, task_path):
    (tmp_path / "my_sum.py").write_text(_template("my_sum"))
    (tmp_path / "_helper.py").write_text("raise RuntimeError('helpers are not scanned')\n")
    task_path(tmp_path)
    tasks = registry.all_tasks()
    assert "my_sum" in tasks and "game24" in tasks
    task = tasks["my_sum"]
    assert not registry.is_builtin(task) and task.origin == "custom"
    inst = task.instance(2, 0, 1)
    assert task.verify(inst, f"<<<{inst.answer}>>>").correct


def test_a_task_file_can_import_its_own_helper(tmp_path, task_path):
    (tmp_path / "_numbers.py").write_text("LIMIT = 7\n")
    (tmp_path / "my_helped.py").write_text(_template("my_helped").replace("from __future__ import annotations", "from __future__ import annotations\n\nfrom _numbers import LIMIT  # noqa: F401"))
    task_path(tmp_path)
    assert "my_helped" in registry.all_tasks()


@pytest.mark.parametrize(
    "files, fragment",
    [
        ({"clash.py": _template("game24")}, "task name 'game24' is defined twice"),
        ({"empty.py": "x = 1\n"}, "must define exactly one SymbolicTask subclass, found 0"),
        ({"broken.py": "import no_such_module_anywhere\n"}, "importing task file"),
        ({"symbench.py": _template("symbench")}, "is reserved"),
    ],
)
def test_bad_user_task_files_stop_discovery_with_a_message_naming_them(tmp_path, task_path, files, fragment):
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    task_path(tmp_path)
    with pytest.raises(registry.RegistryError) as info:
        registry.all_tasks()
    assert fragment in str(info.value)
    assert str(tmp_path) in str(info.value) or "symbench_user" in str(info.value)


def test_a_task_path_entry_that_is_not_a_folder_is_an_error(tmp_path, task_path):
    task_path(tmp_path / "nope")
    with pytest.raises(registry.RegistryError, match="not a folder"):
        registry.all_tasks()
