"""date_understanding (seen): work out a date from a short story. A procedural re-creation.

This is a procedural re-creation of BIG-Bench Hard's "date understanding" task, not a copy
of its data: the original scored 63 fixed items from BBH's ``date_understanding.json`` and
judged answers with GPT-4o. Here every instance is a fresh story generated from a bundled
set of templates (written for this repository; nothing is downloaded), the reference is
computed with ``datetime`` arithmetic, and answers are judged by program.

Rules stated in every question: the (proleptic) Gregorian calendar with its leap-year
rule; a week is 7 days and 24 hours is one day; "N months ago / from today" keeps the day
of the month and moves the month, "N years ..." keeps month and day; dates written with
slashes are month/day/year unless the story says otherwise (the UK template says day
first).

A story fixes a reference date (usually "today") through an *anchor* template, then asks
for a date at a day, month or year offset from it. Templates (21 in all, grouped by
level):

* direct (L1-L2): "Today is <date>", "Today is <weekday>, <date>", "The current local time
  is ... on MM/DD/YYYY", "<name> has <activity> today, <date>".
* indirect, BBH-like (L3): yesterday was / tomorrow is <date>; a UK day-first date;
  "exactly N days have passed since <date>"; an N-year wedding anniversary; a fixed-date
  holiday ("Today is Christmas Eve of 1937"); N eggs eaten one a day, the last one today;
  "<name> thought today was X, but it is k days later"; "It was <date> N days ago".
* two-hop (L4): the k-th weekday of a month or of a year, or the last weekday of a month,
  given the weekday of the 1st; an anniversary plus or minus N days; a UK-format date plus
  N days; a holiday plus or minus N days.
* chains (L5): 3-4 chained relative statements between named events, starting either
  from a stated date or from an indirect "today" anchor; each statement is phrased
  forwards ("B is 9 days after A") or backwards ("A is 9 days before B").

Offsets by level: +-1 day (L1); 7, 10 or 14 days crossing a month boundary (L2); 1, 2, 7
or 10 days where some day-step of the story crosses a year boundary or a leap day (L3);
month and year offsets (L4); day offsets where some day-step crosses the end of February
of a century year, so that the 1700/1800/1900 (not leap) versus 1600/2000 (leap) rule
matters (L5). Month and year offsets are generated only when the same day of the month
exists in the target month (no Feb-29 or 31st edge).

Answers. L1-L3 are multiple choice with six options, ``<<<(C)>>>``; accepted forms are
``(C)``, ``C`` or ``(C) 03/01/1900`` (case-insensitive letter; a date given after the
letter must be that option's date). The options form a grid of two years by three
month/days (``_options``): the right date, two plausible misreadings of the question (the
anchor itself, the offset applied the wrong way or twice, off by one or two days, a week
off, day and month swapped) and the same three month/days in another year (+-1, +-10,
+-100 or +-4 years). No option is the centre of the set, and the right date's place in
the grid (earliest, middle, latest month/day; earlier or later year) is uniform, so an
options-only guesser stays at chance. The correct letter is balanced exactly by the instance index: instance ``index``
puts the correct date at option position ``index % options`` (A for 0, B for 1, ...), so
every run of ``options`` consecutive indices (six at the presets) uses each letter once.
The index decides nothing else; the distractors are drawn, in random order, with the
instance RNG and fill the other positions. The example letter in the prompt is a random
wrong option. L4-L5 ask for a free date, ``<<<MM/DD/YYYY>>>``, parsed strictly as ``M{1,2}/D{1,2}/YYYY`` and compared as a date.

``size`` counts the computation steps (the anchor's date steps, the chain statements and
the final offset) plus one for free-text answers.

Original defects avoided: the GPT-4o judge passed any reply containing "correct"
(including "Incorrect"); the 63 items were a small fixed subset; the prompts did not state
the month/year offset convention.

Validity (the registry-wide checks hold it): The correct letter is balanced by the index
(above). The balancing slot is the instance's position within its own level
(``sample_plan``), so this balance holds within every level of any suite set, including
the default ``-T complexity=all`` with n=100; the options give nothing away (above).
Levels 4-5 have free dates. Distinct instances: A level's first 100 instances are
distinct without help (its space is large). No cheap rule (one surface feature of the
question, or the options alone) beats chance.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import date

from symbench.answer import AnswerFormat, short
from symbench.contract import GenerationError, SymbolicTask, TaskConfig, Verdict

from ._calendar import _d, days_in_month, mdy, shift
from ._options import option_dates
from ._queries import _meets, _query_phrase, _sample_base, _sample_query
from ._templates_compound import ANCHORS, GROUPS, TEMPLATES

OFFSETS = ("one_day", "week", "year_or_leap", "month_year", "century_leap")
ANSWER_FORMATS = ("mc", "free")
LETTERS = "ABCDEFGHIJ"
_MAX_ATTEMPTS = 3_000
_PER_TEMPLATE = 200
_FREE_RE = re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})")  # ASCII digits only
_MC_RE = re.compile(r"\(([A-Za-z])\)(?:\s+(.*))?|([A-Za-z])", re.DOTALL)


# --------------------------------------------------------------------------- task


@dataclass(frozen=True)
class DateUnderstandingConfig(TaskConfig):
    anchor: str = "indirect"
    offset: str = "year_or_leap"
    answer_format: str = "mc"
    years: tuple[int, int] = (1600, 2100)
    chain_steps: tuple[int, int] = (3, 4)
    options: int = 6

    def validate(self) -> None:
        self.require_choice("anchor", ANCHORS)
        self.require_choice("offset", OFFSETS)
        self.require_choice("answer_format", ANSWER_FORMATS)
        self.require_range("years", 1100, 2900)
        self.require_range("chain_steps", 1, 8)
        self.require_int("options", 3, len(LETTERS))


class DateUnderstanding(SymbolicTask):
    name = "date_understanding"
    split = "seen"
    description = "Work out a date in MM/DD/YYYY from a short story (procedural re-creation of BBH date understanding)."
    answer_mode = "unique"
    version = 2
    display_name = "Date Understanding"
    paper_order = 6
    family = "logic"
    origin = "recreated"
    answer_format = AnswerFormat("choice")
    Config = DateUnderstandingConfig
    presets = {
        1: DateUnderstandingConfig(anchor="direct", offset="one_day"),
        2: DateUnderstandingConfig(anchor="direct", offset="week"),
        3: DateUnderstandingConfig(anchor="indirect", offset="year_or_leap"),
        4: DateUnderstandingConfig(anchor="two_hop", offset="month_year", answer_format="free"),
        5: DateUnderstandingConfig(anchor="chain", offset="century_leap", answer_format="free"),
    }

    def generate(self, rng: random.Random, config: DateUnderstandingConfig, index: int) -> dict:
        ctx = {"years": config.years, "chain_steps": config.chain_steps}
        lo_date, hi_date = date(config.years[0], 1, 1), date(config.years[1], 12, 31)
        template = TEMPLATES[rng.choice(GROUPS[config.anchor])]
        for attempt in range(_MAX_ATTEMPTS):
            if attempt % _PER_TEMPLATE == _PER_TEMPLATE - 1:
                # a template that keeps failing under this config is replaced (drawing the template first
                # and retrying the rest keeps the templates of a level equally likely)
                template = TEMPLATES[rng.choice(GROUPS[config.anchor])]
            query = _sample_query(rng, config.offset)
            base = template.propose(rng, ctx) or _sample_base(rng, config.offset, ctx)
            if base is None or not lo_date <= base <= hi_date:
                continue
            facts = template.build(rng, base, ctx)
            if facts is None:
                continue
            again, hops = template.resolve(facts)
            if again != base:
                raise GenerationError(f"date_understanding: template {template.name} resolves to {again}, built for {base}")
            target = shift(base, query["unit"], query["n"])
            if target is None:
                continue
            query_hop = (base, target, query["unit"])
            if not all(lo_date <= d <= hi_date for a, b, _ in hops + [query_hop] for d in (a, b)):
                continue
            if not _meets(config.offset, hops, query_hop):
                continue
            params = {
                "template": template.name,
                "facts": facts,
                "query": query,
                "answer_format": config.answer_format,
                "offset": config.offset,
                "steps": len(hops) + 1,
                "options": [],
                "example": "",
            }
            if config.answer_format == "mc":
                chosen = option_dates(rng, target, base, query, config.options)
                if chosen is None or len(chosen) != config.options - 1:
                    continue
                chosen.insert(index % config.options, target)  # correct letter balanced by index, nothing else
                params["options"] = [d.isoformat() for d in chosen]
                correct = chosen.index(target)
                params["example"] = f"({LETTERS[rng.choice([i for i in range(config.options) if i != correct])]})"
            else:
                params["example"] = "07/04/1776" if target != date(1776, 7, 4) else "12/25/1850"
            return params
        raise GenerationError(f"date_understanding: no instance for {config} in {_MAX_ATTEMPTS} attempts")

    # -- reference ----------------------------------------------------------
    @staticmethod
    def target(params: dict) -> date:
        base, _ = TEMPLATES[params["template"]].resolve(params["facts"])
        q = params["query"]
        target = shift(base, q["unit"], q["n"])
        if target is None:
            raise GenerationError("date_understanding: the query has no valid date")
        return target

    def solve(self, params: dict) -> str:
        target = self.target(params)
        if params["answer_format"] == "free":
            return mdy(target)
        options = [_d(s) for s in params["options"]]
        if options.count(target) != 1:
            raise GenerationError("date_understanding: the correct date is not exactly one option")
        return f"({LETTERS[options.index(target)]})"

    def question(self, params: dict) -> str:
        template = TEMPLATES[params["template"]]
        story, ref = template.render(params["facts"])
        ask = f"What is the date {_query_phrase(params['query'], ref)} in MM/DD/YYYY?"
        rules = (
            "Use the Gregorian calendar for every year (also before it was historically adopted): a year is a "
            "leap year if it is divisible by 4, except that years divisible by 100 are leap years only when they "
            "are also divisible by 400. A week is 7 days and 24 hours is one day. 'N months ago' or 'N months "
            "from/after/before' keeps the day of the month and moves the month by N; 'N years ...' keeps the month "
            "and day. Dates written with slashes are month/day/year (MM/DD/YYYY) unless the text says otherwise."
        )
        if params["answer_format"] == "mc":
            opts = "\n".join(f"({LETTERS[i]}) {mdy(_d(s))}" for i, s in enumerate(params["options"]))
            tail = (
                f"Options:\n{opts}\n\n"
                "Answer with the letter of the correct option in parentheses. Return your final answer inside "
                f"triple angle brackets, for example <<<{params['example']}>>>."
            )
        else:
            tail = (
                "Answer with the date in the form MM/DD/YYYY (month, day, four-digit year). Return your final answer "
                f"inside triple angle brackets, for example <<<{params['example']}>>>."
            )
        return f"{story} {ask}\n\n{rules}\n\n{tail}"

    def check(self, params: dict, answer: str) -> Verdict:
        text = answer.strip()
        if len(text) > 200:
            return Verdict.bad_format("answer is too long for a date or an option letter")
        target = self.target(params)
        if params["answer_format"] == "free":
            got = _parse_mdy(text)
            if isinstance(got, str):
                return Verdict.bad_format(got)
            return Verdict.ok() if got == target else Verdict.fail(f"wrong date {mdy(got)}")
        m = _MC_RE.fullmatch(text)
        if not m:
            return Verdict.bad_format(f"expected an option letter such as (B), got {short(text)}")
        letter = (m.group(1) or m.group(3)).upper()
        options = [_d(s) for s in params["options"]]
        index = LETTERS.find(letter)
        if not letter.isascii() or index < 0 or index >= len(options):
            return Verdict.bad_format(f"there is no option ({letter})")
        if m.group(2) is not None:
            got = _parse_mdy(m.group(2).strip())
            if isinstance(got, str):
                return Verdict.bad_format(f"after ({letter}): {got}")
            if got != options[index]:
                return Verdict.fail(f"the date after ({letter}) is not the date of option ({letter})")
        if options[index] != target:
            return Verdict.fail(f"wrong option ({letter})")
        return Verdict.ok()

    def size(self, params: dict) -> float:
        return params["steps"] + (1 if params["answer_format"] == "free" else 0)


def _parse_mdy(text: str) -> date | str:
    m = _FREE_RE.fullmatch(text)
    if not m:
        return f"expected a date MM/DD/YYYY, got {short(text)}"
    month, day, year = (int(g) for g in m.groups())
    if not 1 <= month <= 12 or not 1 <= day <= days_in_month(year, month) or year < 1:
        return f"{text} is not a valid date"
    return date(year, month, day)
