"""``python -m symbench.lm_eval``: rewrite the shipped lm-eval task YAMLs for the built-in tasks."""

from symbench.lm_eval import FOLDER, regenerate_shipped

changed = regenerate_shipped()
print(f"{FOLDER}: " + (f"rewrote {', '.join(changed)}" if changed else "up to date"))
