"""The answering methods of the CodeSteer paper as Inspect solvers (``symbench/<name>``).

``METHODS`` maps each name to its solver factory; the paper's column name and ``-S``
options are in the README's methods table.
"""

from symbench.harness.codesteer.solver import codesteer
from symbench.harness.methods.baselines import (
    assistant_prompt,
    code_cot,
    code_text_choice,
    code_text_sum1,
    code_text_sum2,
    only_question,
    self_estimate,
    symbolic_agent,
    text_cot,
)
from symbench.harness.methods.interpreter import code_interpreter

METHODS = {
    "only_question": only_question,
    "text_cot": text_cot,
    "code_cot": code_cot,
    "assistant_prompt": assistant_prompt,
    "code_text_choice": code_text_choice,
    "code_text_sum1": code_text_sum1,
    "code_text_sum2": code_text_sum2,
    "code_interpreter": code_interpreter,
    "symbolic_agent": symbolic_agent,
    "self_estimate": self_estimate,
    "codesteer": codesteer,
}

__all__ = ["METHODS", *METHODS]
