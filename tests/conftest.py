import os

# Tests must never depend on the developer's API keys or Inspect settings.
os.environ.setdefault("INSPECT_LOG_DIR", os.path.join(os.path.dirname(__file__), "..", "logs", "tests"))
os.environ.pop("INSPECT_EVAL_MODEL", None)
