"""A tiny, randomly initialised chat model with a tokenizer built in code.

For the tests and CI: the training pipeline, serving and the CodeSteer solver can all be
exercised on a real ``transformers`` checkpoint without downloading anything. The
tokenizer is a byte-level BPE trained here on SymBench's own prompts and a few task
questions (byte-level, so any text encodes), with the ChatML special tokens and the
generation-marked template of :mod:`.chat`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from symbench.models.chat import CHATML_SPECIAL, chat_template

VOCAB_SIZE = 512
#: head dimension 64: a size every attention backend (vLLM's CPU one included) supports
SHAPE = {"hidden_size": 128, "intermediate_size": 256, "num_hidden_layers": 2, "num_attention_heads": 2, "num_key_value_heads": 2}


def _corpus() -> list[str]:
    from symbench.harness import prompts
    from symbench.registry import get_task, task_names

    texts = [v for v in vars(prompts).values() if isinstance(v, str)]
    for name in task_names()[:12]:
        texts.append(get_task(name).instance(1, 0, 0).question)
    texts.append("<<<Code>>> <<<Text>>> <<<Return Answer>>> Use a Python program. Reason step by step in text.")
    return texts


def build_tokenizer() -> Any:
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    special = [CHATML_SPECIAL["pad"], CHATML_SPECIAL["bos"], CHATML_SPECIAL["eos"]]
    core = Tokenizer(models.BPE())
    core.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    core.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=VOCAB_SIZE, special_tokens=special,
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet(), show_progress=False)
    core.train_from_iterator(_corpus(), trainer=trainer)
    tokenizer = PreTrainedTokenizerFast(tokenizer_object=core, pad_token=special[0], bos_token=special[1], eos_token=special[2])
    tokenizer.chat_template = chat_template("chatml_generation")
    return tokenizer


def build_tiny_model(out: str | Path, seed: int = 0) -> Path:
    """Write a tiny random Llama-architecture chat model to ``out``; returns the folder."""
    import torch
    from transformers import GenerationConfig, LlamaConfig, LlamaForCausalLM

    out = Path(out)
    tokenizer = build_tokenizer()
    torch.manual_seed(seed)
    config = LlamaConfig(vocab_size=len(tokenizer), max_position_embeddings=4096, tie_word_embeddings=True,
                         bos_token_id=tokenizer.bos_token_id, eos_token_id=tokenizer.eos_token_id,
                         pad_token_id=tokenizer.pad_token_id, **SHAPE)
    model = LlamaForCausalLM(config)
    model.generation_config = GenerationConfig(bos_token_id=config.bos_token_id, eos_token_id=config.eos_token_id,
                                               pad_token_id=config.pad_token_id, do_sample=False)
    model.save_pretrained(out)
    tokenizer.save_pretrained(out)
    return out
