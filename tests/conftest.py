import os

# Tests must never depend on the developer's API keys or Inspect settings.
os.environ.setdefault("INSPECT_LOG_DIR", os.path.join(os.path.dirname(__file__), "..", "logs", "tests"))
os.environ.pop("INSPECT_EVAL_MODEL", None)
# Offline always: nothing may download at test time (and Inspect's model-info lookup for
# `hf/local` would otherwise retry the Hub for a repo named "local")
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
