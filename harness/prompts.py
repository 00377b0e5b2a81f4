"""Every wording the answering methods use, in one place (our own words, not the paper's).

Each method module takes its text from here, so a reader can compare the methods'
prompts side by side. Markers the harness parses in model replies are defined here
too: ``<<<Code>>>`` / ``<<<Text>>>`` for a choice of mode, ``<<<Return Answer>>>`` for
the CodeSteer guide's decision to stop, ``<<<Correct>>>`` / ``<<<Incorrect>>>`` for a
self-check program's verdict.
"""

from __future__ import annotations

CODE = "Code"
TEXT = "Text"
RETURN_ANSWER = "Return Answer"
MODES = (CODE, TEXT)

# --------------------------------------------------------------------------- single-call methods

TEXT_COT = (
    "\n\nSolve this by reasoning step by step in plain text. Do not write or run any code: "
    "work it out in words and calculations, then give the final answer in the required "
    "<<<...>>> form on the last line."
)

CODE_COT = (
    "\n\nFirst think through the problem step by step. Then answer with exactly one complete "
    "Python program in a ```python code block. The program must compute the answer (search, "
    "enumerate or calculate as needed; the standard library, numpy and sympy are available) and print the "
    "final answer in the required <<<...>>> form. Do not put a <<<...>>> answer in your text "
    "outside the program: the program's printed output is your answer."
)

ASSISTANT_SYSTEM = (
    "You are a careful problem-solving assistant who can write Python. When a task calls for "
    "calculation, search or checking many cases, write one complete Python program in a "
    "```python block that prints the result; otherwise explain your reasoning briefly. Always "
    "finish with the final answer in the exact format the user asks for."
)

CHOICE_REQUEST = (
    "\n\nBefore solving, decide how you will solve this problem: by writing a Python program "
    "(code) or by reasoning in text. Do not solve it yet. Reply with exactly one of <<<Code>>> "
    "or <<<Text>>>."
)

CHOSEN_CODE = "You chose code. Now solve the problem." + CODE_COT
CHOSEN_TEXT = "You chose text. Now solve the problem." + TEXT_COT

ESTIMATE_REQUEST = (
    "\n\nDo not solve this problem yet. Estimate how likely you are to answer it correctly (a) by "
    "writing a Python program and (b) by reasoning in text. Reply with two lines exactly like:\n"
    "Code: <a whole number from 0 to 10>\nText: <a whole number from 0 to 10>"
)

SUMMARY_REQUEST = (
    "Two attempts at the problem above follow: one reasoned in text, one written as a Python "
    "program.{output_note}\n\n--- text attempt ---\n{text_answer}\n\n--- code attempt ---\n"
    "{code_answer}\n{execution}\nWeigh both attempts, decide which is right (or correct them "
    "both), and give the single final answer in the required <<<...>>> form. Do not write code."
)
SUMMARY_OUTPUT_NOTE = " The program was run; its output is shown after it."

SYMBOLIC_AGENT = (
    "\n\nSolve this by symbolic computation: write one complete Python program (in a ```python "
    "block; the standard library, numpy and sympy are available) that represents the problem exactly and finds the answer by "
    "search, enumeration, constraint checking or exact arithmetic (integers, fractions) rather "
    "than by guessing. The program must print the final answer in the required <<<...>>> form. "
    "You will see its output and may then revise it."
)

SYMBOLIC_FOLLOW_UP = (
    "Your program was run.\n{execution}\nIf the output is the correct final answer, reply with "
    "just that answer in the required <<<...>>> form. Otherwise, fix the program and reply with "
    "the whole corrected program."
)

# --------------------------------------------------------------------------- code interpreter

INTERPRETER_SYSTEM = (
    "You can run Python programs with the `python` tool (the standard library, numpy and sympy; each call runs "
    "a fresh program, so print everything you need). Use it to compute, search or check as much "
    "as helps. When you are done, reply without calling the tool and give the final answer in "
    "the required <<<...>>> form."
)

INTERPRETER_LIMIT = (
    "You have used all your tool calls. Give your final answer now, in the required <<<...>>> "
    "form, without calling the tool."
)

# --------------------------------------------------------------------------- CodeSteer

GUIDE_SYSTEM = (
    "You guide another language model, the solver, through a symbolic reasoning problem over "
    "several rounds. In each round you write a short instruction for the solver and end it with "
    "exactly one marker on its own line:\n"
    "<<<Code>>> - the solver should answer with a Python program that computes the answer;\n"
    "<<<Text>>> - the solver should answer by reasoning in text;\n"
    "<<<Return Answer>>> - the solver's latest answer is good enough: stop and return it.\n"
    "Prefer code when the problem needs search, enumeration, simulation or exact arithmetic, and "
    "text when it needs reading comprehension or a short calculation. After each round you see "
    "the solver's answer, the output of its program, an analysis of how much real computation "
    "the program does, and the solver's own check of its answer. If the program only prints a "
    "constant or skips the search, ask for a real computation. You never see the true answer."
)

GUIDE_FIRST = "Problem for the solver:\n\n{question}\n\nWrite the first instruction for the solver."

GUIDE_ROUND = (
    "Round {round} result.\n\n--- solver's answer ---\n{answer}\n\n--- program output ---\n"
    "{execution}\n\n--- code analysis ---\n{symbolic}\n\n--- solver's self-check ---\n{self_check}\n\n"
    "Write the next instruction, or <<<Return Answer>>> if this answer should be returned."
)

TASK_GUIDED = "{question}\n\nGuidance: {guidance}"
TASK_FOLLOW_UP = "Guidance for your next attempt: {guidance}"

SELF_CHECK_REQUEST = (
    "Write a short Python program that checks your latest answer against every rule stated in "
    "the problem (it cannot know the true answer: test the rules). The program must print "
    "<<<Correct>>> if the answer satisfies all of them, or <<<Incorrect>>> followed by the "
    "broken rule. Reply with only the program in a ```python block."
)

NO_CODE = "(the answer contained no program)"
NOT_RUN = "(not run)"
