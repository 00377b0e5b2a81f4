"""Serving speed (a script, not a timed test): how long ``symbench models serve`` takes to get
vLLM healthy on this machine, and how fast the served model answers a guide-sized prompt.

Run: .venv/bin/python benchmarks/serve_startup.py [PATH] [--starts 3] [--requests 5]
(PATH: a Hugging Face folder; default the tiny in-code checkpoint, built in a temp folder).
Needs ``.venv-serve`` (scripts/serve_env.sh) and, for the tiny checkpoint, the train extra.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from tabulate import tabulate


def _ask(server, messages: list[dict], max_tokens: int) -> tuple[float, int]:
    body = {"model": server.name, "messages": messages, "max_tokens": max_tokens, "temperature": 1.0, "seed": 0,
            "ignore_eos": True}  # a fixed reply length, so that the speeds compare
    request = urllib.request.Request(f"{server.base_url}/chat/completions", method="POST", data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json", "Authorization": f"Bearer {server.api_key}"})
    began = time.perf_counter()
    with urllib.request.urlopen(request, timeout=600) as reply:
        usage = json.load(reply)["usage"]
    return time.perf_counter() - began, usage["completion_tokens"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", help="Hugging Face model folder (default: the tiny in-code model)")
    parser.add_argument("--starts", type=int, default=3, help="server starts to time (default 3)")
    parser.add_argument("--requests", type=int, default=5, help="guide requests per start (default 5)")
    parser.add_argument("--max-tokens", type=int, default=64, help="tokens per reply (default 64)")
    args = parser.parse_args()

    from symbench.harness.codesteer.view import guide_view
    from symbench.models import serve
    from symbench.registry import get_task

    path = args.path
    if path is None:
        from symbench.models.tiny import build_tiny_model

        path = build_tiny_model(Path(tempfile.mkdtemp(prefix="tiny-")) / "model")
    messages = guide_view(get_task("letters").instance(1, 0, 0).question, [])
    rows = []
    for start in range(args.starts):
        with serve.served(path, name="bench") as server:
            times = [_ask(server, messages, args.max_tokens) for _ in range(args.requests)]
        seconds = [t for t, _ in times]
        tokens = sum(n for _, n in times)
        rows.append([start + 1, round(server.startup_seconds, 1), round(statistics.median(seconds), 3),
                     round(tokens / sum(seconds), 1)])
        print(f"start {start + 1}: healthy after {server.startup_seconds:.1f} s", file=sys.stderr, flush=True)
    print(tabulate(rows, headers=["start", "healthy after (s)", f"median request, {args.max_tokens} tokens (s)", "tokens/s"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
