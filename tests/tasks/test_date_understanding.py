import calendar
import re
from datetime import date, timedelta

from symbench.registry import get_task
from symbench.tasks.date_understanding._calendar import WEEKDAYS, add_months, days_in_month, is_leap
from symbench.tasks.date_understanding._templates_compound import GROUPS, TEMPLATES
from symbench.tasks.date_understanding._templates_simple import EVENTS

TASK = get_task("date_understanding")


def _free(template, facts, unit, n):
    return {
        "template": template, "facts": facts, "query": {"unit": unit, "n": n, "style": 0},
        "answer_format": "free", "offset": "x", "steps": 2, "options": [], "example": "07/04/1776",
    }


def _steps(*triples):
    return [{"n": n, "unit": u, "sign": s, "backwards": b} for n, u, s, b in triples]


def test_hand_worked_century_chain_1900_vs_2000():
    # E0 on Feb 20; E1 = E0 + 5 days = Feb 25; E2 = E1 + 1 week; E3 = E2 - 3 days; question: 2 days after E3.
    # 1900 is not a leap year: Feb 25 + 7 = Mar 4, - 3 = Mar 1, + 2 = Mar 3.
    # 2000 is a leap year:     Feb 25 + 7 = Mar 3, - 3 = Feb 29, + 2 = Mar 2.
    steps = _steps((5, "day", 1, False), (1, "week", 1, True), (3, "day", -1, False))
    events = list(EVENTS[:4])
    p1900 = _free("event_chain", {"start": "1900-02-20", "steps": steps, "events": events, "fmt": "long"}, "day", 2)
    p2000 = _free("event_chain", {"start": "2000-02-20", "steps": steps, "events": events, "fmt": "long"}, "day", 2)
    assert TASK.solve(p1900) == "03/03/1900"
    assert TASK.solve(p2000) == "03/02/2000"
    q = TASK.question(p1900)
    assert "The book fair was held on February 20, 1900." in q
    assert "The charity gala is 5 days after the book fair." in q
    assert "The charity gala is one week before the chess tournament." in q  # backwards phrasing
    assert "The science fair is 3 days before the chess tournament." in q
    assert "What is the date 2 days after the science fair in MM/DD/YYYY?" in q
    assert TASK.check(p1900, "03/03/1900").correct and TASK.check(p1900, "3/3/1900").correct
    assert not TASK.check(p1900, "03/02/1900").correct


def test_hand_worked_weekday_rules():
    # Jan 1, 2019 was a Tuesday, so the Mondays of January 2019 are the 7th, 14th, 21st: the 3rd is Jan 21.
    # One month ago: Dec 21, 2018.
    p = _free("nth_weekday_month", {"year": 2019, "month": 1, "k": 3, "weekday": 0}, "month", -1)
    assert "Today is the 3rd Monday of January 2019. January 1, 2019 fell on a Tuesday." in TASK.question(p)
    assert TASK.solve(p) == "12/21/2018"
    # Feb 1, 1996 was a Thursday and 1996 is a leap year, so Feb 29 is a Thursday and the last Friday is Feb 23.
    # One year from today: Feb 23, 1997.
    p = _free("last_weekday_month", {"year": 1996, "month": 2, "weekday": 4}, "year", 1)
    assert "February 1, 1996 fell on a Thursday" in TASK.question(p)
    assert TASK.solve(p) == "02/23/1997"


def test_hand_worked_eggs_and_multiple_choice():
    # 40 eggs, one a day, the first on May 9, 2017: the 40th is eaten 39 days later, June 17, 2017.
    # Yesterday: June 16, 2017.
    facts = {"start": "2017-05-09", "n": 40, "name": "Jane", "fmt": "abbr"}
    assert TASK.solve(_free("eggs", facts, "day", -1)) == "06/16/2017"
    # Christmas Eve of 1937, 10 days ago: Dec 14, 1937 (option B).
    p = {
        "template": "holiday", "facts": {"holiday": 5, "year": 1937}, "query": {"unit": "day", "n": -10, "style": 0},
        "answer_format": "mc", "offset": "x", "steps": 1, "example": "(A)",
        "options": ["1937-12-04", "1937-12-14", "1937-12-24", "1938-01-03", "1937-12-13", "1936-12-14"],
    }
    q = TASK.question(p)
    assert q.startswith("Today is Christmas Eve of 1937. What is the date 10 days ago in MM/DD/YYYY?")
    assert "(B) 12/14/1937" in q
    assert TASK.solve(p) == "(B)"
    inst = {"params": p}
    for good in ("(B)", "B", "b", "(b)", "(B) 12/14/1937", "'(B)'"):
        assert TASK.verify(inst, f"<<<{good}>>>").correct, good
    for bad in ("(C)", "(A)", "B)", "(B", "Option B", "(B) 12/15/1937", "(G)", "12/14/1937", "(B)(C)", "BB"):
        assert not TASK.verify(inst, f"<<<{bad}>>>").correct, bad


def test_free_format_near_misses():
    p = _free("today_is", {"today": "2000-02-28", "fmt": "long"}, "day", 1)
    assert TASK.solve(p) == "02/29/2000"
    inst = {"params": p}
    for good in ("02/29/2000", "2/29/2000", " 02/29/2000 "):
        assert TASK.verify(inst, f"<<<{good}>>>").correct, good
    for bad in ("03/01/2000", "2000-02-29", "02/29/00", "29/02/2000", "February 29, 2000", "02/29/2000.", "02-29-2000",
                "02/30/2000", "(A)"):
        assert not TASK.verify(inst, f"<<<{bad}>>>").correct, bad


def test_calendar_helpers_match_the_standard_library():
    for year in range(1500, 2300):
        assert is_leap(year) == calendar.isleap(year)
        for month in range(1, 13):
            assert days_in_month(year, month) == calendar.monthrange(year, month)[1]
    assert add_months(date(2001, 3, 31), -1) is None  # no Feb 31
    assert add_months(date(1900, 1, 29), 1) is None  # 1900 has no Feb 29
    assert add_months(date(2000, 1, 29), 1) == date(2000, 2, 29)
    assert add_months(date(1999, 12, 15), 2) == date(2000, 2, 15)


def test_enough_distinct_templates_and_no_single_pattern_levels():
    assert len(TEMPLATES) >= 8
    seen = {}
    for level in (1, 2, 3, 4, 5):
        seen[level] = {TASK.instance(level, seed=9, index=i).params["template"] for i in range(40)}
        assert len(seen[level]) >= 2, (level, seen[level])
    assert len(set().union(*seen.values())) >= 15
    assert set(GROUPS["chain"]) == seen[5]


def test_multiple_choice_instances_have_exactly_one_correct_option():
    for level in (1, 2, 3):
        for i in range(40):
            inst = TASK.instance(level, seed=5, index=i)
            p = inst.params
            opts = p["options"]
            assert len(opts) == 6 and len(set(opts)) == 6
            target = TASK.target(p).isoformat()
            assert opts.count(target) == 1
            letters = [chr(65 + k) for k in range(6)]
            right = [k for k in letters if TASK.check(p, f"({k})").correct]
            assert right == [inst.answer[1]]
            assert f"<<<{inst.answer}>>>" not in inst.question


def test_level_constraints_hold():
    for i in range(30):
        p2 = TASK.instance(2, seed=6, index=i).params
        t2 = TASK.target(p2)
        base = t2 - timedelta(days=p2["query"]["n"])
        assert abs(p2["query"]["n"]) in (7, 10, 14) and (base.year, base.month) != (t2.year, t2.month)
        p4 = TASK.instance(4, seed=6, index=i).params
        assert p4["query"]["unit"] in ("month", "year") and p4["answer_format"] == "free"
        p5 = TASK.instance(5, seed=6, index=i).params
        assert 3 <= len(p5["facts"]["steps"]) <= 4
        # some computed day-step crosses the end of February of a century year
        base5, hops = TEMPLATES[p5["template"]].resolve(p5["facts"])
        hops = hops + [(base5, TASK.target(p5), "day")]
        assert any(
            min(a, b) <= date(y, 2, 28) and max(a, b) >= date(y, 3, 1)
            for a, b, u in hops if u == "day" for y in range(min(a, b).year, max(a, b).year + 1) if y % 100 == 0
        )


# ---------------------------------------------------------------- an independent reading of the question text

_MONTHS = {m: i for i, m in enumerate(calendar.month_name) if m}
_ABBR = {m: i for i, m in enumerate(calendar.month_abbr) if m}


def _parse_date(text):
    m = re.fullmatch(r"(\d\d)/(\d\d)/(\d{4})", text)
    if m:
        return date(int(m.group(3)), int(m.group(1)), int(m.group(2)))
    m = re.fullmatch(r"([A-Z][a-z]+) (\d+)(?:st|nd|rd|th)?, (\d{4})", text)
    month = _MONTHS.get(m.group(1)) or _ABBR.get(m.group(1))
    return date(int(m.group(3)), month, int(m.group(2)))


_DATE = r"(\d\d/\d\d/\d{4}|[A-Z][a-z]+ \d+(?:st|nd|rd|th)?, \d{4})"
_NUM = {"one": 1, "two": 2, "three": 3}


def _amount(text):
    n, unit = text.split()
    n = _NUM.get(n) or int(n)
    return n * (7 if unit.startswith("week") else 1)


def _text_solve(question):
    story = question.split("\n")[0]
    sentences = re.split(r"(?<=[.?])\s+(?=[A-Z])", story)
    known = {}
    today = None
    ask = sentences.pop()
    for s in sentences:
        if m := re.fullmatch(r"(?:Today is (?:[A-Z][a-z]+day, )?|Yesterday was |Tomorrow is )" + _DATE + r"\.", s):
            d = _parse_date(m.group(1))
            today = d + timedelta(days=1) if s.startswith("Yesterday") else d - timedelta(days=1) if s.startswith("Tomorrow") else d
        elif m := re.fullmatch(r".* has .* today, " + _DATE + r"\.", s):
            today = _parse_date(m.group(1))
        elif m := re.fullmatch(r"The current local time is .* on " + _DATE + r"\.", s):
            today = _parse_date(m.group(1))
        elif m := re.fullmatch(r"It was " + _DATE + r" (a week|\d+ days) ago\.", s):
            today = _parse_date(m.group(1)) + timedelta(days=7 if m.group(2) == "a week" else int(m.group(2).split()[0]))
        elif m := re.fullmatch(r"\w+ moved to a new city on " + _DATE + r"\.", s):
            start = _parse_date(m.group(1))
        elif m := re.fullmatch(r"Today, exactly (\d+) days have passed since that day\.", s):
            today = start + timedelta(days=int(m.group(1)))
        elif m := re.fullmatch(r"\w+ bought (\d+) eggs .* the first one on " + _DATE + r"\.", s):
            today = _parse_date(m.group(2)) + timedelta(days=int(m.group(1)) - 1)
        elif re.fullmatch(r"\w+ ate the last egg today\.", s):
            pass
        elif m := re.fullmatch(r"\w+ thought today was " + _DATE + r", but today is actually (\d+) days? later than that\.", s):
            today = _parse_date(m.group(1)) + timedelta(days=int(m.group(2)))
        elif re.fullmatch(r"In the UK, people usually write the day before the month .*", s):
            pass
        elif m := re.fullmatch(r"Written that way, today is (\d\d)/(\d\d)/(\d{4})\.", s):
            today = date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        elif m := re.fullmatch(r"(The [a-z ]+?) was held on " + _DATE + r"\.", s):
            known[m.group(1).lower()] = _parse_date(m.group(2))
        elif m := re.fullmatch(r"(The [a-z ]+?) (?:is|was) (\w+ \w+) (from today|ago)\.", s):
            known[m.group(1).lower()] = today + timedelta(days=_amount(m.group(2)) * (1 if m.group(3) == "from today" else -1))
        elif m := re.fullmatch(r"Today is (\w+ \w+) (before|after) (the [a-z ]+)\.", s):
            known[m.group(3)] = today + timedelta(days=_amount(m.group(1)) * (1 if m.group(2) == "before" else -1))
        elif m := re.fullmatch(r"(The [a-z ]+?) is (\w+ \w+) (before|after) (the [a-z ]+)\.", s):
            a, amount, rel, b = m.group(1).lower(), _amount(m.group(2)), m.group(3), m.group(4)
            sign = 1 if rel == "after" else -1
            if b in known:
                known[a] = known[b] + timedelta(days=sign * amount)
            else:
                known[b] = known[a] - timedelta(days=sign * amount)
        else:
            return None  # a template this reader does not cover
    m = re.fullmatch(r"What is the date (.+) in MM/DD/YYYY\?", ask)
    phrase = m.group(1)
    if m := re.fullmatch(r"(\w+ \w+) (after|before) (the [a-z ]+)", phrase):
        d = known[m.group(3)] + timedelta(days=_amount(m.group(1)) * (1 if m.group(2) == "after" else -1))
    else:
        fixed = {"tomorrow": 1, "yesterday": -1, "24 hours later": 1, "24 hours ago": -1, "one day from today": 1,
                 "one day ago": -1, "the day after tomorrow": 2, "the day before yesterday": -2}
        if phrase in fixed:
            n = fixed[phrase]
        else:
            m = re.fullmatch(r"(\w+ \w+) (from today|ago)", phrase)
            if m is None or m.group(1).split()[1] in ("month", "months", "year", "years"):
                return None
            n = _amount(m.group(1)) * (1 if m.group(2) == "from today" else -1)
        d = today + timedelta(days=n)
    return d


def test_question_text_alone_gives_the_reference_date():
    covered = 0
    for level in (1, 2, 3, 5):
        for i in range(40):
            inst = TASK.instance(level, seed=8, index=i)
            got = _text_solve(inst.question)
            if got is None:
                continue
            covered += 1
            assert got == TASK.target(inst.params), (inst.question, got)
    assert covered >= 100


def test_weekday_statements_are_true():
    checked = 0
    for level in (1, 4):
        for i in range(60):
            q = TASK.instance(level, seed=10, index=i).question
            for wd, month, day, year in re.findall(r"(" + "|".join(WEEKDAYS) + r"), ([A-Z][a-z]+) (\d+)(?:st|nd|rd|th)?, (\d{4})", q):
                d = _parse_date(f"{month} {day}, {year}")
                assert WEEKDAYS[d.weekday()] == wd
                checked += 1
            for month, year, wd in re.findall(r"([A-Z][a-z]+) 1, (\d{4}) fell on a (\w+day)", q):
                assert WEEKDAYS[date(int(year), _MONTHS[month], 1).weekday()] == wd
                checked += 1
    assert checked >= 20


def test_correct_letter_is_balanced_exactly_by_index():
    letters = [f"({c})" for c in "ABCDEF"]
    for level in (1, 2, 3):
        insts = [TASK.instance(level, seed=4, index=i) for i in range(12)]
        # index % 6 is the position of the correct option: each letter exactly twice in 0..11
        assert [inst.answer for inst in insts] == letters * 2
        for i, inst in enumerate(insts):
            assert inst.params["options"][i % 6] == TASK.target(inst.params).isoformat()
    # with another number of options the cycle follows it
    got = [TASK.instance(2, seed=4, index=i, overrides={"options": 4}).answer for i in range(8)]
    assert got == ["(A)", "(B)", "(C)", "(D)"] * 2
    # free-text levels are not affected
    assert TASK.instance(4, seed=4, index=3).params["options"] == []


def test_hand_checked_targets_of_generated_instances():
    # Checked by hand from the question texts (seed 0, index 0; index 0 puts the right date at (A)):
    # L1: June 30, 2100 + 1 day = 07/01/2100.
    # L2: 02/16/1690 + 14 days; 1690 is not a leap year, so Feb 16 + 12 = Feb 28, + 2 = 03/02/1690.
    # L3: 59 eggs from Nov 13, 1635: the last on Nov 13 + 58 days = Jan 10, 1636; the day before
    #     yesterday is 01/08/1636.
    for level, target in ((1, date(2100, 7, 1)), (2, date(1690, 3, 2)), (3, date(1636, 1, 8))):
        inst = TASK.instance(level, seed=0, index=0)
        assert inst.answer == "(A)" and TASK.target(inst.params) == target, level


def test_options_are_a_grid_of_two_years_by_three_month_days():
    # so that no option shares more parts with the others than the right one does
    for level in (1, 2, 3):
        for i in range(30):
            p = TASK.instance(level, seed=6, index=i).params
            opts = [date.fromisoformat(s) for s in p["options"]]
            years = {d.year for d in opts}
            month_days = {(d.month, d.day) for d in opts}
            assert len(years) == 2 and len(month_days) == 3, (level, i, p["options"])
            assert {(d.year, d.month, d.day) for d in opts} == {(y, m, dd) for y in years for m, dd in month_days}
            assert TASK.target(p) in opts


def test_an_options_only_guesser_stays_near_chance():
    # TASKS.md 6: the option sharing the most parts with the others is right at most 35% of the time
    for level in (1, 2, 3):
        hits = 0
        for i in range(120):
            inst = TASK.instance(level, seed=8, index=i)
            parts = [(d.year, d.month, d.day) for d in map(date.fromisoformat, inst.params["options"])]
            shared = [sum(sum(a == b for a, b in zip(p, q)) for q in parts if q is not p) for p in parts]
            best = [k for k, v in enumerate(shared) if v == max(shared)]
            hits += (ord(inst.answer[1]) - 65 in best) / len(best)
        assert hits / 120 <= 0.35, (level, hits / 120)
