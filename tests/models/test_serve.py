"""``symbench models serve``: argument errors and the server's life cycle without vLLM (a
stand-in server), then the real thing: the trained checkpoint (the tiny model after the
pipeline's SFT and DPO, with its generation-marked chat template) behind vLLM as the
CodeSteer guide.

The vLLM test never skips for want of vLLM. It runs ``scripts/serve_env.sh`` first, which
returns at once when ``.venv-serve`` is ready and otherwise creates it (about 4 minutes and
3.4 GB the first time); where that is impossible the test fails with the script's one-line
reason. Packages of the main environment (torch and transformers for the tiny model, openai
for Inspect's client) follow the training tests' rule: a failure under
``SYMBENCH_REQUIRE_ALL=1`` (as ``.ci/run`` sets), elsewhere a skip naming the install line.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
import urllib.request
from pathlib import Path

import pytest

from symbench.cli import main
from symbench.models import serve, serve_checks
from symbench.models.serve import ServeError, ServerFailed, group_members


ROOT = Path(__file__).resolve().parents[2]


def _hf_folder(path: Path, max_positions: int = 4096) -> Path:
    """Just enough of a Hugging Face folder for the checks (nothing loads it)."""
    path.mkdir(parents=True, exist_ok=True)
    (path / "config.json").write_text(json.dumps({"model_type": "llama", "max_position_embeddings": max_positions}))
    (path / "model.safetensors").write_bytes(b"")
    (path / "tokenizer.json").write_text("{}")
    return path


# A stand-in for vLLM's server, run by the stand-in "python" below: it answers /health,
# records how it was started, and leaves a child in its group (one that ignores SIGTERM
# when asked), so stopping must take the whole group down.
FAKE_SERVER = '''
import http.server, json, os, subprocess, sys, time
args = sys.argv[1:]
if args[0] == "-c":  # the look-up for vllm
    sys.exit(0)
record = os.environ["FAKE_RECORD"]
behaviour = os.environ.get("FAKE_BEHAVIOUR", "serve")
port = int(args[args.index("--port") + 1])
child = "import signal, time\\nif %r: signal.signal(signal.SIGTERM, signal.SIG_IGN)\\ntime.sleep(120)" % (behaviour == "stubborn",)
worker = subprocess.Popen([sys.executable, "-c", child])
with open(record, "w") as out:
    json.dump({"argv": args, "env": dict(os.environ), "pid": os.getpid(), "worker": worker.pid}, out)
if behaviour == "die":
    print("fake vLLM: cannot load the model", flush=True)
    sys.exit(3)
if behaviour == "hang":
    time.sleep(120)
class Health(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200 if self.path == "/health" else 404)
        self.end_headers()
    def log_message(self, *a):
        pass
http.server.HTTPServer(("127.0.0.1", port), Health).serve_forever()
'''


@pytest.fixture
def fake_python(tmp_path, monkeypatch):
    script = tmp_path / "fake-python"
    script.write_text(f"#!{sys.executable}\n" + textwrap.dedent(FAKE_SERVER))
    script.chmod(0o755)
    monkeypatch.setenv("FAKE_RECORD", str(tmp_path / "record.json"))
    return script


def _record(tmp_path: Path) -> dict:
    return json.loads((tmp_path / "record.json").read_text())


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


# ------------------------------------------------------------------ argument errors


BAD_FOLDERS = {
    "missing": "does not exist",
    "file": "is a file; give the Hugging Face model folder",
    "config.json": "is not a Hugging Face model folder: it has no config.json",
    "model.safetensors": r"has no weights \(\*.safetensors or pytorch_model\*.bin\)",
    "tokenizer.json": "has no tokenizer",
}


def _bad_folder(kind: str, tmp_path: Path) -> Path:
    if kind == "missing":
        return tmp_path / "missing"
    if kind == "file":
        (tmp_path / "file.txt").write_text("x")
        return tmp_path / "file.txt"
    folder = _hf_folder(tmp_path / "m")
    (folder / kind).unlink()  # the folder without that one file
    return folder


@pytest.mark.parametrize("kind", BAD_FOLDERS)
def test_a_bad_model_folder_is_one_line_before_anything_starts(tmp_path, fake_python, kind):
    with pytest.raises(ServeError, match=BAD_FOLDERS[kind]) as info:
        serve.plan(_bad_folder(kind, tmp_path), python=fake_python)
    assert "\n" not in str(info.value)
    assert not (tmp_path / "record.json").exists()  # nothing was started


@pytest.mark.parametrize("options, expected", [
    ({"name": "a b"}, "--name must be"),
    ({"name": ""}, "--name must be"),
    ({"max_model_len": 5000}, "exceeds the model's context of 4096"),
    ({"max_model_len": 8}, "at least 16"),
    ({"port": 70000}, "--port must be 0-65535"),
    ({"timeout": 0}, "--timeout must be a positive"),
])
def test_bad_options_name_the_allowed_values(tmp_path, fake_python, options, expected):
    with pytest.raises(ServeError, match=expected):
        serve.plan(_hf_folder(tmp_path / "m"), python=fake_python, **options)


def test_a_port_in_use_is_refused(tmp_path, fake_python):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with pytest.raises(ServeError, match=f"port {port} on 127.0.0.1 is in use"):
            serve.plan(_hf_folder(tmp_path / "m"), python=fake_python, port=port)


def test_a_missing_serving_environment_says_to_run_the_script(tmp_path, monkeypatch):
    folder = _hf_folder(tmp_path / "m")
    with pytest.raises(ServeError, match="scripts/serve_env.sh"):
        serve.plan(folder, python=tmp_path / "no-such-python")
    # an interpreter without vllm (this one: the main environment never has it)
    with pytest.raises(ServeError, match=r"has no vllm; run scripts/serve_env.sh"):
        serve.plan(folder, python=sys.executable)
    # no --python, and no .venv-serve where it is looked for
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(serve_checks, "repo_root", lambda: tmp_path)
    with pytest.raises(ServeError, match=r"\.venv-serve/bin/python not found\); create it with scripts/serve_env.sh"):
        serve.plan(folder)


def test_the_command_line_reports_errors_in_one_line(tmp_path, capsys):
    assert main(["models", "serve", str(tmp_path / "nothing")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("symbench: error: model folder") and err.count("\n") == 1
    assert main(["models", "serve", str(_hf_folder(tmp_path / "m")), "--python", str(tmp_path / "none")]) == 2
    assert "scripts/serve_env.sh" in capsys.readouterr().err
    assert main(["models", "serve", str(tmp_path), "--port", "eighty"]) == 2
    assert "--port: must be a whole number 0-65535, got 'eighty'" in capsys.readouterr().err


# ------------------------------------------------------------------ life cycle (stand-in server)


def test_the_server_starts_with_the_cpu_settings_and_stops_with_its_whole_group(tmp_path, fake_python):
    folder = _hf_folder(tmp_path / "my model")
    with serve.served(folder, python=fake_python, max_model_len=512, timeout=60) as server:
        started = _record(tmp_path)
        argv, env = started["argv"], started["env"]
        assert argv[:2] == ["-m", "vllm.entrypoints.openai.api_server"]
        for flag, value in (("--host", "127.0.0.1"), ("--dtype", "float32"), ("--max-model-len", "512"),
                            ("--model", str(folder.resolve())), ("--served-model-name", "my-model")):
            assert argv[argv.index(flag) + 1] == value
        assert "--enforce-eager" in argv
        assert argv[argv.index("--api-key") + 1] == server.env["LOCAL_API_KEY"]
        assert (env["VLLM_TARGET_DEVICE"], env["VLLM_HOST_IP"], env["HF_HUB_OFFLINE"]) == ("cpu", "127.0.0.1", "1")
        assert server.model == "openai-api/local/my-model"
        assert server.env["LOCAL_BASE_URL"] == f"http://127.0.0.1:{server.port}/v1"
        assert f"--model-role guide={server.model}" in server.usage()
        assert os.getpgid(started["worker"]) == server.pgid != os.getpgid(0)
        assert _alive(started["worker"])
    assert not _alive(started["pid"]) and not _alive(started["worker"])
    assert group_members(server.pgid) == []


def test_a_worker_ignoring_sigterm_is_killed_after_the_grace_period(tmp_path, fake_python, monkeypatch):
    monkeypatch.setenv("FAKE_BEHAVIOUR", "stubborn")
    server = serve.start(_hf_folder(tmp_path / "m"), python=fake_python, timeout=60)
    worker = _record(tmp_path)["worker"]
    server.stop(grace=1)
    assert not _alive(worker) and group_members(server.pgid) == []


def test_a_server_that_dies_reports_its_log_tail(tmp_path, fake_python, monkeypatch):
    monkeypatch.setenv("FAKE_BEHAVIOUR", "die")
    with pytest.raises(ServerFailed, match=r"exited with status 3 before it was ready(.|\n)*cannot load the model"):
        serve.start(_hf_folder(tmp_path / "m"), python=fake_python, timeout=60)
    assert not _alive(_record(tmp_path)["worker"])


def test_a_server_that_never_gets_healthy_times_out_and_is_stopped(tmp_path, fake_python, monkeypatch):
    monkeypatch.setenv("FAKE_BEHAVIOUR", "hang")
    with pytest.raises(ServerFailed, match=r"not ready after 2 s \(raise --timeout\?\)"):
        serve.start(_hf_folder(tmp_path / "m"), python=fake_python, timeout=2)
    started = _record(tmp_path)
    assert not _alive(started["pid"]) and not _alive(started["worker"])


def _cli_serving(tmp_path: Path, fake_python: Path) -> tuple[subprocess.Popen, list[str]]:
    """``symbench models serve`` on the stand-in, once it has printed its four usage lines."""
    folder = _hf_folder(tmp_path / "m")
    command = [sys.executable, "-m", "symbench.cli", "models", "serve", str(folder), "--port", "0", "--python", str(fake_python)]
    cli = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return cli, [cli.stdout.readline() for _ in range(4)]


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_the_command_serves_until_a_signal_then_stops_the_server(tmp_path, fake_python, signum):
    cli, lines = _cli_serving(tmp_path, fake_python)
    cli.send_signal(signum)
    out, err = cli.communicate(timeout=60)
    assert cli.returncode == 0, err
    assert lines[2].strip().startswith("export LOCAL_BASE_URL=http://127.0.0.1:")
    assert lines[3].strip() == "--model-role guide=openai-api/local/m"
    started = _record(tmp_path)
    assert f"(pid {started['pid']}," in lines[0]
    assert not _alive(started["pid"]) and not _alive(started["worker"])


def test_a_killed_command_takes_its_server_down(tmp_path, fake_python):
    cli, _ = _cli_serving(tmp_path, fake_python)
    cli.kill()  # SIGKILL: no cleanup runs in the command itself
    cli.communicate(timeout=60)
    leader = _record(tmp_path)["pid"]
    deadline = time.monotonic() + 30
    while _alive(leader) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(leader)
    with contextlib.suppress(ProcessLookupError):  # the stand-in's worker has no vLLM shutdown to follow it
        os.kill(_record(tmp_path)["worker"], signal.SIGKILL)


# ------------------------------------------------------------------ the real server


@pytest.fixture(scope="module")
def openai_client() -> None:
    """Inspect's openai-api/ provider needs the openai package in this (the main) environment."""
    try:
        import openai  # noqa: F401
    except ImportError:
        message = 'openai is missing (the serve extra): pip install -e ".[serve]"'
        if os.environ.get("SYMBENCH_REQUIRE_ALL") == "1":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)


@pytest.fixture(scope="module")
def serve_python() -> Path:
    """``.venv-serve``'s interpreter, created by the script if needed; a failure says why in one line."""
    try:
        result = subprocess.run([str(ROOT / "scripts" / "serve_env.sh")], capture_output=True, text=True, timeout=1800)
    except subprocess.TimeoutExpired:
        pytest.fail("scripts/serve_env.sh did not finish in 30 minutes", pytrace=False)
    if result.returncode != 0:
        reason = (result.stderr.strip().splitlines() or ["(no output)"])[-1]
        pytest.fail(f"no vLLM serving environment: {reason}", pytrace=False)
    return ROOT / os.environ.get("SYMBENCH_SERVE_VENV", ".venv-serve") / "bin" / "python"


SAMPLING = {"max_tokens": 24, "temperature": 1.0, "seed": 11}  # seeded sampling: the same reply to the same prompt


@pytest.mark.slow
@pytest.mark.sandbox
def test_codesteer_eval_with_the_trained_guide_served_by_vllm(openai_client, trained, serve_python, tmp_path, monkeypatch):
    from inspect_ai import eval as inspect_eval
    from inspect_ai.model import GenerateConfig, get_model

    import symbench._registry  # noqa: F401
    from symbench.harness.codesteer.solver import codesteer
    from symbench.harness.codesteer.trajectory import read_trajectory
    from symbench.harness.codesteer.view import guide_view
    from symbench.harness.scorer import SCORER_NAME
    from symbench.harness.task import symbench_task

    checkpoint = trained / "dpo"
    assert (checkpoint / "training.json").exists()  # what training wrote, served as it is
    with serve.served(checkpoint, name="tiny-guide", python=serve_python, timeout=900) as server:
        pgid, port = server.pgid, server.port
        for key, value in server.env.items():
            monkeypatch.setenv(key, value)
        guide = get_model(server.model, config=GenerateConfig(**SAMPLING, max_retries=1, timeout=300), memoize=False)
        [log] = inspect_eval(
            symbench_task(["letters"], n=2, solver=codesteer(max_turns=1)),
            model="symbench/oracle", model_roles={"guide": guide}, display="none", log_dir=str(tmp_path / "logs"),
        )
        assert log.status == "success", log.error
        assert log.eval.model_roles["guide"].model == "openai-api/local/tiny-guide"
        assert len(log.samples) == 2
        first_prompts = []
        for sample in log.samples:
            assert sample.scores[SCORER_NAME].value == 1.0  # scored: the oracle task model's code answer
            trajectory = read_trajectory(sample.store)
            assert len(trajectory["turns"]) == 2  # the first guidance, then the one after the round
            assert all(turn["guidance"].strip() for turn in trajectory["turns"])
            assert all(turn["tokens"]["guide"] > 0 for turn in trajectory["turns"])
            first_prompts.append((guide_view(trajectory["question"], []), trajectory["turns"][0]["guidance"]))
        # the guidance is the served model's reply: asked again directly, it says the same
        messages, guidance = first_prompts[0]
        request = urllib.request.Request(
            f"{server.base_url}/chat/completions", method="POST",
            data=json.dumps({"model": "tiny-guide", "messages": messages, **SAMPLING}).encode(),
            headers={"Content-Type": "application/json", "Authorization": f"Bearer {server.api_key}"},
        )
        with urllib.request.urlopen(request, timeout=120) as reply:
            assert json.load(reply)["choices"][0]["message"]["content"] == guidance
    assert group_members(pgid) == []
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", port)) != 0  # nothing listens any more
