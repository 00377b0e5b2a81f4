"""Chat templates for training the guide.

TRL's ``assistant_only_loss`` finds the assistant's tokens through ``{% generation %}``
markers in the tokenizer's chat template. Most base models' templates (SmolLM2's
included) have none, so a recipe names a template here that renders the same format
with the markers (``chat_template:`` in the recipe). :func:`prepare_tokenizer` installs
it and checks the markers survived.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

TEMPLATES = ("chatml_generation", "llama3_generation")
CHATML_SPECIAL = {"bos": "<|im_start|>", "eos": "<|im_end|>", "pad": "<|endoftext|>"}


def chat_template(name: str) -> str:
    if name not in TEMPLATES:
        raise ValueError(f"unknown chat template {name!r}; allowed: {', '.join(TEMPLATES)}")
    return resources.files("symbench.models").joinpath(f"chat_templates/{name}.jinja").read_text("utf-8")


def has_generation_markers(template: str | None) -> bool:
    return bool(template) and "generation" in template and "endgeneration" in template


def prepare_tokenizer(tokenizer: Any, template: str | None) -> Any:
    """Install the named template (if any); ensure a pad token; refuse a template that
    cannot mark the assistant's turns, since the loss would silently cover everything."""
    if template:
        tokenizer.chat_template = chat_template(template)
    if not has_generation_markers(getattr(tokenizer, "chat_template", None)):
        raise ValueError(
            "the tokenizer's chat template has no {% generation %} markers, so the loss cannot be limited to "
            f"the guide's turns; set `chat_template:` in the recipe to one of: {', '.join(TEMPLATES)}"
        )
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    return tokenizer
