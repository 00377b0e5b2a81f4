"""web_of_lies (seen): who tells the truth in a chain of accusations?

This task is a procedural re-creation of BIG-Bench Hard's ``web_of_lies`` (which the
original SymBench took as a fixed set of 250 items, 63 scored, judged by GPT-4o). Every
instance here is generated fresh and checked by a program.

Rules stated to the solver. Every person either always tells the truth or always lies.
The status of one person (the root) is given outright. Every other person makes exactly
one statement, about one other person, of the form "Y tells the truth" or "Y lies"
(in several wordings). A truth-teller's statement is true and a liar's is false, so a
speaker is truthful exactly when what they claim about their target is correct. The
question asks whether one person tells the truth (or, in some wordings, whether they lie);
the answer is ``Yes`` or ``No``.

Structure. People are numbered in a hidden generation order; person 0 is the root and
every later person talks about an earlier one, so the statements form a tree rooted at
the root and every status is determined. The "queried path" is the chain of statements
from the queried person back to the root. People not on that path are distractors: they
talk about anyone earlier (the root, path members or other distractors), and nobody on
the path talks about them.

* L1-L3: a linear chain (each person talks about the one just before), text in chain
  order, the last person is queried (BBH style; L2 is the BBH size).
* L4: 10-12 people, the text order is shuffled and up to two people are distractor
  branches, so a statement may refer to anyone mentioned anywhere in the text.
* L5: 15-20 people, shuffled, 2-4 distractors, and the queried person is not the last
  one in the generation order nor the last sentence of the text.
* From L3 on, negated wordings ("X denies that Y is honest") are mixed in.

Answer: ``<<<Yes>>>`` or ``<<<No>>>``; case-insensitive exact match (unique answer).

Balancing. As the catalogue asks, Yes and No are balanced exactly by the instance index:
an even index gets the answer Yes, an odd index No, so any two consecutive indices (and so
any run 0..2k-1) hold as many Yes as No items at every level. The index decides nothing
else. Everything is drawn with the instance RNG first; then, if the answer does not match
the wanted one, the root's given status is flipped, which flips every status (all of them
descend from the root) and so the answer, while leaving the structure, the names and the
wordings untouched. The root's given status thus stays a fair coin that is independent
of the answer. Question wordings
include both "Does X tell the truth?" and "Does X lie?", so the answer is not simply the
queried person's status. Names come from a bundled list. ``size`` is the length of the
queried path plus smaller terms for distractors, shuffling and negations.

Original defects avoided: a fixed, small data set; GPT-4o judging whose reply passed if it
contained the word "correct" (so "Incorrect" passed).

Validity (the registry-wide checks hold it): Yes and No are balanced by the index
(above). The balancing slot is the instance's position within its own level
(``sample_plan``), so this balance holds within every level of any suite set, including
the default ``-T complexity=all`` with n=100. Distinct instances: A level's first 100
instances are distinct without help (its space is large). No cheap rule (one surface
feature of the question, or the options alone) beats chance.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from symbench.answer import AnswerFormat, ParseError, parse_choice
from symbench.contract import GenerationError, SymbolicTask, TaskConfig, Verdict

NAMES: tuple[str, ...] = (
    "Alexis", "Amberly", "Andree", "Ashley", "Audrie", "Bernita", "Christie", "Crista",
    "Delbert", "Delfina", "Elanor", "Emory", "Fidel", "Fletcher", "Gwenn", "Helene",
    "Inga", "Jaymie", "Jerry", "Jim", "Kandi", "Ka", "Kristian", "Leda", "Lorine",
    "Maybelle", "Millicent", "Michaela", "Osvaldo", "Phoebe", "Raymond", "Rashida",
    "Sal", "Shalonda", "Shaunda", "Sherrie", "Sima", "Tamika", "Teressa", "Ryan",
    "Vernell", "Vina", "Willian", "Yoland", "Antwan", "Bernard", "Conception", "Dallas",
    "Ellis", "Floyd", "Gaston", "Hortense", "Isidro", "Jolene", "Kenji", "Lavinia",
    "Marcus", "Nadia", "Orlando", "Priscilla", "Quentin", "Rosalind", "Stellan", "Thaddeus",
    "Ursula", "Valentina", "Winona", "Xavier", "Yasmin", "Zebulon",
)

# (template, negated wording?) -- the claim is "target tells the truth"
TRUTH_CLAIMS: tuple[tuple[str, bool], ...] = (
    ("{a} says {b} tells the truth.", False),
    ("{a} claims that {b} is honest.", False),
    ("According to {a}, {b} is truthful.", False),
    ("{a} insists that {b} always tells the truth.", False),
    ("{a} vouches for {b}, saying that {b} never lies.", False),
    ("{a} says it is not true that {b} lies.", True),
    ("{a} denies that {b} is a liar.", True),
)
# the claim is "target lies"
LIE_CLAIMS: tuple[tuple[str, bool], ...] = (
    ("{a} says {b} lies.", False),
    ("{a} claims that {b} is a liar.", False),
    ("According to {a}, {b} is lying.", False),
    ("{a} accuses {b} of lying.", False),
    ("{a} insists that {b} never tells the truth.", False),
    ("{a} says it is not true that {b} tells the truth.", True),
    ("{a} denies that {b} is honest.", True),
)
ROOT_TRUTH = ("{a} tells the truth.", "{a} is honest.", "{a} always tells the truth.")
ROOT_LIE = ("{a} lies.", "{a} is a liar.", "{a} always lies.")
# (question, asks whether the person is truthful?)
QUERIES: tuple[tuple[str, bool], ...] = (
    ("Does {a} tell the truth?", True),
    ("Is {a} telling the truth?", True),
    ("Is {a} honest?", True),
    ("Does {a} lie?", False),
    ("Is {a} a liar?", False),
)
_MAX_ATTEMPTS = 200


@dataclass(frozen=True)
class WebOfLiesConfig(TaskConfig):
    people: tuple[int, int] = (7, 8)
    refer: str = "previous"  # "previous": linear chain text; "any": shuffled-order tree
    shuffle: bool = False
    distractors: tuple[int, int] = (0, 0)
    query_non_final: bool = False
    negations: bool = True

    def validate(self) -> None:
        people = self.require_range("people", 2, len(NAMES))
        self.require_choice("refer", ("previous", "any"))
        self.require_bool("shuffle")
        dis = self.require_range("distractors", 0, len(NAMES) - 2)
        self.require_bool("query_non_final")
        self.require_bool("negations")
        if people[0] - dis[1] < 2:
            raise ValueError(
                f"WebOfLiesConfig.distractors {dis} leaves no statement on the queried path with people {people}: "
                "need people lo - distractors hi >= 2"
            )
        if self.query_non_final and dis[0] < 1:
            raise ValueError("WebOfLiesConfig.query_non_final needs distractors lo >= 1 (someone after the queried person)")
        if self.refer == "previous" and dis[1] > 0:
            raise ValueError("WebOfLiesConfig.distractors must be (0, 0) when refer is 'previous' (a pure chain)")


def statuses(params: dict) -> list[bool]:
    """Truthfulness of every person, propagated from the root in generation order."""
    n = len(params["names"])
    status: list[bool | None] = [None] * n
    status[0] = bool(params["root_truthful"])
    for st in sorted(params["statements"], key=lambda s: s["speaker"]):
        target = status[st["target"]]
        if target is None:  # pragma: no cover - generator guarantees order
            raise ValueError("statement refers to a later person")
        status[st["speaker"]] = (st["claim"] == "truth") == target
    return [bool(s) for s in status]


def path_length(params: dict) -> int:
    target_of = {st["speaker"]: st["target"] for st in params["statements"]}
    node, hops = params["query"], 0
    while node != 0:
        node = target_of[node]
        hops += 1
    return hops


class WebOfLies(SymbolicTask):
    name = "web_of_lies"
    split = "seen"
    description = "Decide whether a person tells the truth from a web of statements about truth-tellers and liars."
    answer_mode = "unique"
    version = 1
    display_name = "Web of Lies"
    paper_order = 7
    family = "logic"
    origin = "recreated"
    answer_format = AnswerFormat("choice")
    Config = WebOfLiesConfig
    presets = {
        1: WebOfLiesConfig(people=(3, 3), negations=False),
        2: WebOfLiesConfig(people=(5, 5), negations=False),
        3: WebOfLiesConfig(people=(7, 8), negations=True),
        4: WebOfLiesConfig(people=(10, 12), refer="any", shuffle=True, distractors=(0, 2)),
        5: WebOfLiesConfig(
            people=(15, 20), refer="any", shuffle=True, distractors=(2, 4), query_non_final=True
        ),
    }

    def generate(self, rng: random.Random, config: WebOfLiesConfig, index: int) -> dict:
        n = rng.randint(*config.people)
        d = rng.randint(config.distractors[0], min(config.distractors[1], n - 2))
        names = rng.sample(NAMES, n)
        # positions 1..n-1: choose which are distractors
        if d:
            if config.query_non_final:
                others = rng.sample(range(1, n - 1), d - 1)
                dis = sorted(others + [n - 1])
            else:
                dis = sorted(rng.sample(range(1, n), d))
        else:
            dis = []
        dis_set = set(dis)
        path = [p for p in range(1, n) if p not in dis_set]
        statements = []
        previous = 0
        for p in range(1, n):
            if p in dis_set:
                target = rng.randrange(p)
            else:
                target = previous
                previous = p
            claim = rng.choice(("truth", "lie"))
            pool = TRUTH_CLAIMS if claim == "truth" else LIE_CLAIMS
            forms = [i for i, (_, neg) in enumerate(pool) if config.negations or not neg]
            statements.append({"speaker": p, "target": target, "claim": claim, "form": rng.choice(forms)})
        query = path[-1]
        query_form = rng.randrange(len(QUERIES))
        sentences = list(range(n))  # sentence i: the root fact (0) or the statement of speaker i
        if config.shuffle:
            for _ in range(_MAX_ATTEMPTS):
                rng.shuffle(sentences)
                if not config.query_non_final or sentences[-1] != query:
                    break
            else:  # pragma: no cover - n >= 3 makes this practically impossible
                raise GenerationError("web_of_lies: could not shuffle the sentences")
        params = {
            "names": names,
            "root_truthful": rng.random() < 0.5,
            "root_form": rng.randrange(3),
            "statements": statements,
            "sentence_order": sentences,
            "query": query,
            "query_form": query_form,
            "distractors": dis,
            "shuffle": config.shuffle,
            "negations": config.negations,
        }
        want_yes = index % 2 == 0  # exact Yes/No balance by index parity (the index is used for nothing else)
        if (self.solve(params) == "Yes") != want_yes:
            params["root_truthful"] = not params["root_truthful"]
        return params

    def solve(self, params: dict) -> str:
        truthful = statuses(params)[params["query"]]
        asks_truthful = QUERIES[params["query_form"]][1]
        return "Yes" if truthful == asks_truthful else "No"

    def _sentence(self, params: dict, index: int) -> str:
        names = params["names"]
        if index == 0:
            pool = ROOT_TRUTH if params["root_truthful"] else ROOT_LIE
            return pool[params["root_form"]].format(a=names[0])
        st = next(s for s in params["statements"] if s["speaker"] == index)
        pool = TRUTH_CLAIMS if st["claim"] == "truth" else LIE_CLAIMS
        return pool[st["form"]][0].format(a=names[st["speaker"]], b=names[st["target"]])

    def question(self, params: dict) -> str:
        text = " ".join(self._sentence(params, i) for i in params["sentence_order"])
        ask = QUERIES[params["query_form"]][0].format(a=params["names"][params["query"]])
        return (
            "In this puzzle every person either always tells the truth or always lies. A truth-teller's statements "
            "are true and a liar's statements are false. One person's status is stated directly; every other person "
            "makes one statement about another person.\n\n"
            f"{text}\n\n"
            f"Question: {ask}\n\n"
            "Return your final answer as Yes or No inside triple angle brackets: <<<Yes>>> or <<<No>>>."
        )

    def check(self, params: dict, answer: str) -> Verdict:
        expected = self.solve(params)
        try:
            got = parse_choice(answer, ("Yes", "No"))
        except ParseError as exc:
            return Verdict.bad_format(str(exc))
        if got == expected:
            return Verdict.ok()
        return Verdict.fail(f"wrong answer {got}: the queried person's status gives {expected}")

    def size(self, params: dict) -> float:
        return (
            path_length(params)
            + 0.5 * len(params["distractors"])
            + (1.0 if params["shuffle"] else 0.0)
            + (0.5 if params["negations"] else 0.0)
        )
