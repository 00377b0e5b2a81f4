"""Word-problem templates of the gsm_hard task (private helper, not a task).

Every template builds a story sentence by sentence while it computes the answer with
exact Fractions and, alongside, a formula string over the stated numbers. Each binary
operation in the formula is one "operation" of the level table. A template picks which of
its optional steps to include so that the operation count hits the requested target.
"""

from __future__ import annotations

import itertools
import random
from fractions import Fraction
from typing import Callable

PEOPLE: tuple[tuple[str, str], ...] = (
    ("Maya", "she"), ("Omar", "he"), ("Lena", "she"), ("Tariq", "he"), ("Priya", "she"), ("Jonas", "he"),
    ("Rosa", "she"), ("Kofi", "he"), ("Hana", "she"), ("Mateo", "he"), ("Ingrid", "she"), ("Dev", "he"),
    ("Aisha", "she"), ("Felix", "he"), ("Nora", "she"), ("Ravi", "he"),
)
PERCENTS = (5, 10, 12, 15, 20, 25, 30, 35, 40, 45, 50, 60, 65, 70, 75, 80, 85, 90)


class Retry(Exception):
    """The random choices do not work out (negative, inexact or impossible); draw again."""


class Q:
    """A quantity: exact value, formula text and how it is shown in the story."""

    __slots__ = ("v", "e", "label")

    def __init__(self, v: Fraction, e: str, label: str):
        self.v = v
        self.e = e
        self.label = label


def fmt_int(n: int) -> str:
    return f"{n:,}"


def fmt_money(v: Fraction) -> str:
    if v.denominator == 1:
        return "$" + fmt_int(v.numerator)
    cents = v * 100
    if cents.denominator != 1:  # pragma: no cover - guarded by the money checks
        raise Retry
    c = cents.numerator
    return f"${c // 100:,}.{c % 100:02d}"


class Ctx:
    """Random numbers under the level's magnitude rules, and counted operations."""

    def __init__(self, rng: random.Random, small_max: int, big_digits: tuple[int, int], big_left: int, integer: bool):
        self.rng = rng
        self.small_max = small_max
        self.big_digits = big_digits
        self.big_left = big_left
        self.no_big = big_left == 0  # L1: every stated number stays <= small_max
        self.big_used = 0
        self.ops = 0
        self.divisions = 0  # divisions and percentages
        self.integer = integer  # every intermediate must be an integer (money templates relax this)

    # ---------------------------------------------------------------- numbers
    def _small(self, lo: int, hi: int, mult: int = 1) -> int:
        hi = min(hi, self.small_max)
        lo = min(lo, hi)
        a, b = -(-lo // mult), hi // mult
        if a > b or b <= 0:
            raise Retry
        return max(mult, self.rng.randint(max(a, 1), b) * mult)

    def _big(self, mult: int = 1, below: int | None = None) -> int | None:
        if self.big_left <= 0 or self.rng.random() >= 0.75:
            return None
        d = self.rng.randint(*self.big_digits)
        lo, hi = 10 ** (d - 1), 10**d - 1
        if below is not None:
            hi = min(hi, below - 1)
        a, b = -(-lo // mult), hi // mult
        if a > b:
            return None
        self.big_left -= 1
        self.big_used += 1
        return self.rng.randint(a, b) * mult

    def num(self, lo: int, hi: int, *, big: bool = False, mult: int = 1, money: bool = False) -> Q:
        value = self._big(mult) if big else None
        if value is None:
            value = self._small(lo, hi, mult)
        label = fmt_money(Fraction(value)) if money else fmt_int(value)
        return Q(Fraction(value), str(value), label)

    def below(self, q: Q, lo: int, hi: int, *, big: bool = False, money: bool = False) -> Q:
        """A number strictly smaller than ``q`` (for subtractions that must stay positive)."""
        limit = q.v.numerator // q.v.denominator
        value = self._big(below=limit) if big and limit > 10 ** (self.big_digits[0] - 1) else None
        if value is None:
            hi = min(hi, limit - 1, self.small_max)
            if hi < max(lo, 1):
                raise Retry
            value = self.rng.randint(max(lo, 1), hi)
        label = fmt_money(Fraction(value)) if money else fmt_int(value)
        return Q(Fraction(value), str(value), label)

    def const(self, n: int) -> Q:
        return Q(Fraction(n), str(n), fmt_int(n))

    def percent(self, q: Q, choices: tuple[int, ...] = PERCENTS) -> Q:
        """A percentage p with q * p / 100 exact (an integer unless money is allowed)."""
        good = [p for p in choices if p <= self.small_max and self._exact(q.v * p / 100)]
        if not good:
            raise Retry
        p = self.rng.choice(good)
        return Q(Fraction(p), str(p), f"{p}%")

    def divisor(self, q: Q, lo: int, hi: int) -> Q:
        """A divisor d of q with lo <= d <= hi (exact division)."""
        hi = min(hi, self.small_max)
        if q.v.denominator != 1:
            raise Retry
        n = q.v.numerator
        good = [d for d in range(max(lo, 2), hi + 1) if n % d == 0]
        if not good:
            raise Retry
        d = self.rng.choice(good)
        return Q(Fraction(d), str(d), fmt_int(d))

    def _exact(self, v: Fraction) -> bool:
        return v.denominator == 1 if self.integer else (v * 100).denominator == 1

    # ---------------------------------------------------------------- operations
    def add(self, a: Q, b: Q) -> Q:
        self.ops += 1
        return Q(a.v + b.v, f"({a.e} + {b.e})", "")

    def sub(self, a: Q, b: Q) -> Q:
        self.ops += 1
        if b.v >= a.v:
            raise Retry
        return Q(a.v - b.v, f"({a.e} - {b.e})", "")

    def mul(self, a: Q, b: Q) -> Q:
        self.ops += 1
        return Q(a.v * b.v, f"({a.e} * {b.e})", "")

    def div(self, a: Q, b: Q) -> Q:
        self.ops += 1
        self.divisions += 1
        v = a.v / b.v
        if not self._exact(v) or v <= 0:
            raise Retry
        return Q(v, f"({a.e} / {b.e})", "")

    def pct_of(self, a: Q, p: Q) -> Q:
        """p% of a: two operations (times p, divided by 100)."""
        return self.div(self.mul(a, p), self.const(100))

    def minus_pct(self, a: Q, p: Q) -> Q:
        """a reduced by p% of itself: three operations."""
        return self.sub(a, self.pct_of(a, p))


def pick(rng: random.Random, budget: int, options: list[tuple[str, int, tuple[str, ...]]]) -> set[str]:
    """A random set of optional steps (name, cost, prerequisites) whose costs sum to ``budget``."""
    if budget < 0:
        raise Retry
    fits = []
    for r in range(len(options) + 1):
        for combo in itertools.combinations(options, r):
            names = {c[0] for c in combo}
            if sum(c[1] for c in combo) == budget and all(set(c[2]) <= names for c in combo):
                fits.append(names)
    if not fits:
        raise Retry
    return rng.choice(fits)


class Story:
    def __init__(self, template: str, sentences: list[str], question: str, define: str, value: Q, kind: str,
                 distractors: list[str]):
        self.template = template
        self.sentences = sentences
        self.question = question
        self.define = define
        self.value = value
        self.kind = kind  # "int" or "money"
        self.distractors = distractors


def _seeded(seed: Q | None, make: Callable[[], Q]) -> Q:
    return seed if seed is not None else make()


def _distractor(ctx: Ctx, texts: tuple[str, ...], big: bool) -> list[str]:
    out = []
    for t in texts:
        if big:
            d = ctx.rng.randint(*ctx.big_digits)
            n = ctx.rng.randint(10 ** (d - 1), 10**d - 1)
        else:
            n = ctx.rng.randint(3, 99)
        out.append(t.format(x=fmt_int(n)))
    return out


# =============================================================================== templates
# Each template: (ctx, target operations, seed quantity or None, big distractor numbers?) -> Story.


def t_shopping(ctx: Ctx, target: int, seed: Q | None, bigd: bool) -> Story:
    rng = ctx.rng
    name, _ = rng.choice(PEOPLE)
    goods = rng.sample(["notebooks", "pens", "backpacks", "calculators", "lamps", "chairs", "mugs", "towels",
                        "umbrellas", "candles"], 5)
    options = [("item2", 2, ()), ("item3", 2, ("item2",)), ("item4", 2, ("item3",)), ("item5", 2, ("item4",)),
               ("weeks", 1, ()), ("coupon", 1, ()), ("discount", 3, ()), ("change", 1, ())]
    chosen = pick(rng, target - 1, options)
    k = 1 + sum(1 for i in (2, 3, 4, 5) if f"item{i}" in chosen)
    parts, total = [], None
    for i in range(k):
        qty = _seeded(seed, lambda: ctx.num(2, 40, big=True)) if i == 0 else ctx.num(2, 40, big=True)
        price = ctx.num(2, 90, big=True, money=True)
        parts.append(f"{qty.label} {goods[i]} at {price.label} each")
        cost = ctx.mul(qty, price)
        total = cost if total is None else ctx.add(total, cost)
    listed = parts[0] if k == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    s = [f"{name} goes to an office supply store and buys {listed}."]
    if "weeks" in chosen:
        w = ctx.num(2, 12)
        s.append(f"{name} makes exactly the same purchase every week for {w.label} weeks.")
        total = ctx.mul(total, w)
    if "coupon" in chosen:
        c = ctx.below(total, 1, 60, big=True, money=True)
        if "weeks" in chosen:  # said outright: one coupon for the combined bill, not one per week
            s.append(f"A single coupon takes {c.label} off the combined bill for all {w.label} weeks.")
        else:
            s.append(f"A coupon takes {c.label} off the whole bill.")
        total = ctx.sub(total, c)
    if "discount" in chosen:
        p = ctx.percent(total)
        then = "Then the store" if "coupon" in chosen or "weeks" in chosen else "The store"
        s.append(f"{then} gives a {p.label} discount on the amount still owed.")
        total = ctx.minus_pct(total, p)
    if "change" in chosen:
        step = 10 ** max(1, len(str(total.v.numerator // total.v.denominator)) - 1)
        bill = (total.v // step + ctx.rng.randint(1, 3)) * step
        if ctx.no_big and bill > ctx.small_max:
            raise Retry
        b = Q(Fraction(bill), str(bill), fmt_money(Fraction(bill)))
        if "weeks" in chosen:  # one payment for everything, not one per week
            s.append(f"{name} pays for all {w.label} weeks at once with {b.label}.")
        else:
            s.append(f"{name} pays with {b.label}.")
        total = ctx.sub(b, total)
        q, d = "How much change, in dollars, does %s get back?" % name, f"the change in dollars that {name} gets back"
    else:
        q, d = f"How much does {name} pay in total, in dollars?", f"the total amount in dollars that {name} pays"
    dis = _distractor(ctx, ("The store is open {x} hours a month.", f"{name} lives {{x}} meters from the store.",
                            "The store stocks {x} different products."), bigd)
    return Story("shopping", s, q, d, total, "money", dis)


def t_factory(ctx: Ctx, target: int, seed: Q | None, bigd: bool) -> Story:
    rng = ctx.rng
    thing, single = rng.choice([("widgets", "widget"), ("bolts", "bolt"), ("toy cars", "toy car"),
                                ("light bulbs", "light bulb"), ("bricks", "brick"), ("jars", "jar")])
    options = [("m2", 1, ()), ("m3", 1, ("m2",)), ("defect", 3, ()), ("samples", 1, ()), ("boxes", 1, ()),
               ("price", 1, ())]
    chosen = pick(rng, target - 2, options)
    rate = _seeded(seed, lambda: ctx.num(4, 90, big=True, mult=rng.choice((1, 4, 20))))
    s = [f"Machine A in a factory makes {rate.label} {thing} per hour."]
    rates = rate
    for key, label in (("m2", "B"), ("m3", "C")):
        if key in chosen:
            r = ctx.num(4, 90, big=True, mult=rng.choice((1, 4, 20)))
            s.append(f"Machine {label} makes {r.label} {thing} per hour.")
            rates = ctx.add(rates, r)
    hours, days = ctx.num(2, 24), ctx.num(2, 30)
    who = "The machine runs" if "m2" not in chosen else "Every machine runs"
    s.append(f"{who} {hours.label} hours a day for {days.label} days.")
    total = ctx.mul(ctx.mul(rates, hours), days)
    unit, q, d = thing, f"How many {thing} are made in total?", f"the total number of {thing} made"
    if "defect" in chosen:
        p = ctx.percent(total, (5, 10, 15, 20, 25, 30, 40, 50))
        s.append(f"Inspectors throw away {p.label} of all the {thing} as defective.")
        total = ctx.minus_pct(total, p)
        q, d = f"How many {thing} are left?", f"the number of {thing} left"
    if "samples" in chosen:
        x = ctx.below(total, 2, 60, big=True)
        which = f"the remaining {thing}" if "defect" in chosen else f"the {thing}"
        s.append(f"Then {x.label} of {which} are kept as samples and not sold.")
        total = ctx.sub(total, x)
        q, d = f"How many {thing} are left for sale?", f"the number of {thing} left for sale"
    if "boxes" in chosen:
        b = ctx.divisor(total, 3, 60)
        which = "left for sale " if "samples" in chosen else "that are left " if "defect" in chosen else ""
        s.append(f"The {thing} {which}are packed into boxes of {b.label}, "
                 "filling every box completely.")
        total = ctx.div(total, b)
        unit = "boxes"
        q, d = "How many boxes are filled?", "the number of boxes filled"
    if "price" in chosen:
        price = ctx.num(2, 50, big=True, money=True)
        each = "box" if unit == "boxes" else single
        s.append(f"Each {each} is sold for {price.label}, and all of them are sold.")
        total = ctx.mul(total, price)
        q, d = "How much money, in dollars, do the sales bring in?", "the sales income in dollars"
    dis = _distractor(ctx, ("The factory has {x} employees.", "The factory building is {x} square meters.",
                            "Machine A cost {x} dollars when it was new."), bigd)
    return Story("factory", s, q, d, total, "int", dis)


_CONVERSIONS = (
    ("liters of orange juice", "liter", "milliliters", 1000, "bottle", "bottles"),
    ("kilograms of rice", "kilogram", "grams", 1000, "bag", "bags"),
    ("kilometers of rope", "kilometer", "meters", 1000, "piece", "pieces"),
    ("hours of music", "hour", "minutes", 60, "playlist", "playlists"),
)


def t_conversion(ctx: Ctx, target: int, seed: Q | None, bigd: bool) -> Story:
    rng = ctx.rng
    what, one, small, factor, cont, conts = rng.choice(_CONVERSIONS)
    options = [("repeat", 1, ()), ("lost", 1, ()), ("crates", 1, ()), ("kept", 1, ()), ("price", 1, ())]
    chosen = pick(rng, target - 2, options)
    amount = _seeded(seed, lambda: ctx.num(2, 90, big=True))
    s = [f"A warehouse receives a shipment of {amount.label} {what}."]
    v = amount
    if "repeat" in chosen:
        n = ctx.num(2, 12)
        s.append(f"It receives the same shipment {n.label} times in total this month.")
        v = ctx.mul(v, n)
    f = ctx.const(factor)
    s.append(f"One {one} is {factor} {small}.")
    v = ctx.mul(v, f)
    if "lost" in chosen:
        x = ctx.below(v, 10, 99, big=True)
        s.append(f"During handling, {x.label} {small} are lost.")
        v = ctx.sub(v, x)
    size = ctx.divisor(v, 5, 99 if factor == 60 else 500)
    rest = "The rest" if "lost" in chosen else "All of it"
    s.append(f"{rest} is divided into {conts} of {size.label} {small} each, with nothing left over.")
    v = ctx.div(v, size)
    unit = conts
    q, d = f"How many {conts} are there?", f"the number of {conts}"
    if "kept" in chosen:
        x = ctx.below(v, 1, 40, big=True)
        s.append(f"The warehouse keeps {x.label} of the {conts} for itself.")
        v = ctx.sub(v, x)
        q, d = f"How many {conts} are left to ship?", f"the number of {conts} left to ship"
    if "crates" in chosen:
        c = ctx.divisor(v, 2, 40)
        s.append(f"The {conts} {'left ' if 'kept' in chosen else ''}are packed {c.label} to a crate, "
                 "and every crate is full.")
        v = ctx.div(v, c)
        unit = "crates"
        q, d = "How many crates are packed?", "the number of crates packed"
    if "price" in chosen:
        price = ctx.num(3, 90, big=True, money=True)
        each = "crate" if unit == "crates" else cont + (" left to ship" if "kept" in chosen else "")
        s.append(f"Each {each} is sold for {price.label}.")
        v = ctx.mul(v, price)
        sold = unit + (" left to ship" if "kept" in chosen and unit != "crates" else "")
        q, d = f"How many dollars does the warehouse get for all the {sold}?", f"the income in dollars from the {sold}"
    dis = _distractor(ctx, ("The warehouse has {x} loading docks.", "The truck drove {x} kilometers to deliver it.",
                            "The warehouse was built {x} days ago."), bigd)
    return Story("conversion", s, q, d, v, "int", dis)


def t_sharing(ctx: Ctx, target: int, seed: Q | None, bigd: bool) -> Story:
    rng = ctx.rng
    options = [("fee", 1, ()), ("donate", 2, ()), ("spend", 1, ()), ("save", 2, ()), ("together", 1, ())]
    chosen = pick(rng, target - 1, options)
    prize = _seeded(seed, lambda: ctx.num(20, 99, big=True, mult=rng.choice((1, 10, 60)), money=True))
    s = [f"A group of friends wins a lottery prize of {prize.label if seed is None else prize.label + ' dollars'}."]
    v = prize
    if "fee" in chosen:
        f = ctx.below(v, 2, 30, big=True, money=True)
        s.append(f"First they pay a fee of {f.label} to claim it.")
        v = ctx.sub(v, f)
    if "donate" in chosen:
        k = ctx.divisor(v, 2, 10)
        s.append(f"They give 1/{k.label} of the {'remaining ' if 'fee' in chosen else ''}money to charity.")
        v = ctx.sub(v, ctx.div(v, k))
    n = ctx.divisor(v, 2, 12)
    rest = "The rest" if "fee" in chosen or "donate" in chosen else "The prize"
    s.append(f"{rest} is split equally among the {n.label} friends.")
    v = ctx.div(v, n)
    q, d = "How many dollars does each friend get?", "the number of dollars each friend gets"
    if "spend" in chosen:
        x = ctx.below(v, 1, 40, big=True, money=True)
        s.append(f"Each friend then spends {x.label} on a celebration dinner.")
        v = ctx.sub(v, x)
        q, d = "How many dollars does each friend have left?", "the number of dollars each friend has left"
    if "save" in chosen:
        p = ctx.percent(v)
        s.append(f"Each friend puts {p.label} of what they have {'left ' if 'spend' in chosen else ''}into a savings account.")
        v = ctx.pct_of(v, p)
        q, d = "How many dollars does each friend put into savings?", "the number of dollars each friend saves"
    if "together" in chosen:
        v = ctx.mul(v, n)
        if "save" in chosen:
            q, d = "How many dollars do the friends put into savings altogether?", "the dollars the friends save altogether"
        elif "spend" in chosen:
            q, d = "How many dollars do the friends have left altogether?", "the dollars the friends have left altogether"
        else:
            q, d = "How many dollars do the friends receive altogether?", "the dollars the friends receive altogether"
    dis = _distractor(ctx, ("The lottery has existed for {x} years.", "The ticket number was {x}.",
                            "There were {x} other tickets sold that week."), bigd)
    return Story("sharing", s, q, d, v, "int", dis)


def t_profit(ctx: Ctx, target: int, seed: Q | None, bigd: bool) -> Story:
    rng = ctx.rng
    good = rng.choice(["loaves of bread", "cupcakes", "pies", "bagels", "muffins"])
    options = [("unsold", 1, ()), ("cost", 2, ()), ("rent", 1, ("cost",)), ("days", 1, ()), ("tax", 3, ("cost",))]
    chosen = pick(rng, target - 1, options)
    made = _seeded(seed, lambda: ctx.num(20, 99, big=True))
    price = ctx.num(5, 30, big=True, money=True)
    s = [f"A bakery bakes {made.label} {good} every day and sells them for {price.label} each."]
    sold = made
    if "unsold" in chosen:
        u = ctx.below(made, 1, max(1, int(made.v) // 5), big=False)
        s.append(f"Each day {u.label} of the {good} are not sold.")
        sold = ctx.sub(made, u)
    v = ctx.mul(sold, price)
    q, d = "How many dollars does the bakery take in from sales per day?", "the daily sales income in dollars"
    if "cost" in chosen:
        c = ctx.below(price, 1, int(price.v) - 1 if price.v > 2 else 1, money=True)
        s.append(f"Baking costs {c.label} for each of the {good} baked, whether it is sold or not.")
        v = ctx.sub(v, ctx.mul(made, c))
        q, d = "What is the bakery's daily profit in dollars?", "the bakery's daily profit in dollars"
    if "rent" in chosen:
        r = ctx.below(v, 5, 90, big=True, money=True)
        s.append(f"The bakery also pays {r.label} in rent every day.")
        v = ctx.sub(v, r)
    if "days" in chosen:
        n = ctx.num(2, 31)
        s.append(f"Everything stays the same for {n.label} days.")
        v = ctx.mul(v, n)
        q = q.replace("per day", f"over the {n.label} days").replace("daily profit", f"total profit over the {n.label} days")
        d = d.replace("daily ", "total ") + f" over the {n.label} days"
    if "tax" in chosen:
        p = ctx.percent(v, (5, 10, 15, 20, 25, 30))
        s.append(f"The bakery pays {p.label} of its profit as tax.")
        v = ctx.minus_pct(v, p)
        q = q.replace("profit", "profit after tax")
        d = d + " after tax"
    dis = _distractor(ctx, ("The bakery opened {x} days ago.", "The oven can reach {x} degrees.",
                            "The bakery has {x} loyal customers."), bigd)
    return Story("profit", s, q, d, v, "int", dis)


def t_population(ctx: Ctx, target: int, seed: Q | None, bigd: bool) -> Story:
    rng = ctx.rng
    options = [("growth", 1, ()), ("adults", 1, ()), ("cars", 2, ("adults",)), ("electric", 1, ("cars",)),
               ("fee", 1, ("cars",))]
    chosen = pick(rng, target - 2, options)
    people = _seeded(seed, lambda: ctx.num(20, 100, big=True, mult=rng.choice((20, 100, 400))))
    s = [f"Last year the town of Millbrook had {people.label} residents."]
    v = people
    if "growth" in chosen:
        g = ctx.num(20, 100, big=True, mult=rng.choice((20, 100)))
        s.append(f"Since then, {g.label} new residents have moved in and nobody has left.")
        v = ctx.add(v, g)
    p = ctx.percent(v)
    s.append(f"{p.label} of the {'current ' if 'growth' in chosen else ''}residents are children.")
    residents = v
    v = ctx.pct_of(residents, p)
    q, d = "How many children live in the town?", "the number of children in the town"
    if "adults" in chosen:
        v = ctx.sub(residents, v)
        q, d = "How many adults live in the town?", "the number of adults in the town"
    if "cars" in chosen:
        c = ctx.percent(v)
        s.append(f"Of the adults, {c.label} own a car.")
        v = ctx.pct_of(v, c)
        q, d = "How many adults own a car?", "the number of car owners"
    if "electric" in chosen:
        k = ctx.divisor(v, 2, 10)
        s.append(f"One in every {k.label} car owners drives an electric car.")
        v = ctx.div(v, k)
        q, d = "How many residents drive an electric car?", "the number of electric-car drivers"
    if "fee" in chosen:
        f = ctx.num(5, 90, big=True, money=True)
        who = "electric-car driver" if "electric" in chosen else "car owner"
        s.append(f"Each {who} pays a parking permit fee of {f.label} per year.")
        v = ctx.mul(v, f)
        q, d = "How many dollars of permit fees does the town collect per year?", "the yearly permit fees in dollars"
    dis = _distractor(ctx, ("The town covers {x} hectares.", "The town library owns {x} books.",
                            "The town was founded {x} years ago."), bigd)
    return Story("population", s, q, d, v, "int", dis)


def t_ages(ctx: Ctx, target: int, seed: Q | None, bigd: bool) -> Story:
    rng = ctx.rng
    combos = []
    for count in range(2, 9):
        chain = count - 1
        combos.append((count, "last", chain))
        combos.append((count, "last_future", chain + 1))
        combos.append((count, "sum", chain + count - 1))
        combos.append((count, "future", chain + count - 1 + 2))
    fits = [c for c in combos if c[2] == target]
    if not fits:
        raise Retry
    count, ask, _ = rng.choice(fits)
    ords = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"]
    first = _seeded(seed, lambda: ctx.num(10, 90, big=True))
    s = [f"A museum displays {count} fossils. The first fossil is {first.label} years old."]
    ages = [first]
    for i in range(1, count):
        prev = ages[-1]
        kinds = ["times", "younger", "older"] + (["fraction"] if prev.v.denominator == 1 else [])
        kind = rng.choice(kinds)
        if kind == "times":
            k = ctx.num(2, 6)
            s.append(f"The {ords[i]} fossil is {k.label} times as old as the {ords[i - 1]}.")
            ages.append(ctx.mul(prev, k))
        elif kind == "younger":
            x = ctx.below(prev, 1, 60, big=True)
            s.append(f"The {ords[i]} fossil is {x.label} years younger than the {ords[i - 1]}.")
            ages.append(ctx.sub(prev, x))
        elif kind == "older":
            x = ctx.num(2, 60, big=True)
            s.append(f"The {ords[i]} fossil is {x.label} years older than the {ords[i - 1]}.")
            ages.append(ctx.add(prev, x))
        else:
            k = ctx.divisor(prev, 2, 9)
            frac = {2: "half", 3: "one third", 4: "one quarter"}.get(int(k.v), f"1/{k.label}")
            s.append(f"The {ords[i]} fossil is {frac} as old as the {ords[i - 1]}.")
            ages.append(ctx.div(prev, k))
    if ask == "last_future":
        y = ctx.num(2, 90, big=True)
        return Story("ages", s, f"How old will the {ords[count - 1]} fossil be {y.label} years from now, in years?",
                     f"the age in years of the {ords[count - 1]} fossil {y.label} years from now",
                     ctx.add(ages[-1], y), "int",
                     _distractor(ctx, ("The museum has {x} visitors a year.", "The museum opened {x} days ago."), bigd))
    if ask == "last":
        return Story("ages", s, f"How old is the {ords[count - 1]} fossil, in years?",
                     f"the age in years of the {ords[count - 1]} fossil", ages[-1], "int",
                     _distractor(ctx, ("The museum has {x} visitors a year.", "The museum opened {x} days ago."), bigd))
    total = ages[0]
    for a in ages[1:]:
        total = ctx.add(total, a)
    if ask == "sum":
        q, d = "What is the combined age of all the fossils, in years?", "the combined age of the fossils in years"
    else:
        y = ctx.num(2, 90, big=True)
        total = ctx.add(total, ctx.mul(y, ctx.const(count)))
        q = f"What will the combined age of all {count} fossils be {y.label} years from now, in years?"
        d = f"the combined age in years of the {count} fossils {y.label} years from now"
    dis = _distractor(ctx, ("The museum has {x} visitors a year.", "The fossils were found {x} meters underground."), bigd)
    return Story("ages", s, q, d, total, "int", dis)


def t_recipe(ctx: Ctx, target: int, seed: Q | None, bigd: bool) -> Story:
    rng = ctx.rng
    options = [("sugar", 2, ()), ("pantry", 1, ()), ("bags", 1, ()), ("price", 1, ("bags",))]
    chosen = pick(rng, target - 2, options)
    guests = _seeded(seed, lambda: ctx.num(12, 100, big=True, mult=rng.choice((4, 6, 12))))
    serves = ctx.divisor(guests, 2, 12)
    flour = ctx.num(50, 900, mult=25)
    s = [f"A pancake recipe makes enough for {serves.label} people and uses {flour.label} grams of flour."]
    s.append(f"A caterer must feed {guests.label} people, so she makes the recipe as many times as needed "
             "(the number of people is an exact multiple of the servings per batch).")
    batches = ctx.div(guests, serves)
    v = ctx.mul(batches, flour)
    q, d = "How many grams of flour does she need?", "the number of grams of flour needed"
    what = "flour"
    if "sugar" in chosen:
        sugar = ctx.num(10, 300, mult=5)
        s.insert(1, f"Each batch also needs {sugar.label} grams of sugar.")
        v = ctx.add(v, ctx.mul(batches, sugar))
        q, d = "How many grams of flour and sugar together does she need?", "the grams of flour and sugar needed"
        what = "flour and sugar"
    if "pantry" in chosen:
        x = ctx.below(v, 10, 99, big=True)
        s.append(f"She already has {x.label} grams of {what} in her pantry and only buys the rest.")
        v = ctx.sub(v, x)
        q, d = f"How many grams of {what} does she buy?", f"the grams of {what} she buys"
    if "bags" in chosen:
        b = ctx.divisor(v, 5, 1000)
        s.append(f"The {what} she buys comes in packs of {b.label} grams, and she buys exactly the amount needed.")
        v = ctx.div(v, b)
        q, d = "How many packs does she buy?", "the number of packs she buys"
    if "price" in chosen:
        c = ctx.num(2, 20, big=True, money=True)
        s.append(f"Each pack costs {c.label}.")
        v = ctx.mul(v, c)
        q, d = "How many dollars does she spend on the packs?", "the dollars spent on the packs"
    dis = _distractor(ctx, ("The party starts at {x} minutes past noon.", "The caterer has {x} regular clients."), bigd)
    return Story("recipe", s, q, d, v, "int", dis)


def t_travel(ctx: Ctx, target: int, seed: Q | None, bigd: bool) -> Story:
    rng = ctx.rng
    options = [("leg2", 2, ()), ("round", 1, ()), ("fuel", 1, ()), ("price", 1, ("fuel",)), ("toll", 1, ("price",))]
    chosen = pick(rng, target - 1, options)
    speed = _seeded(seed, lambda: ctx.num(20, 90, big=True, mult=rng.choice((1, 10))))
    hours = ctx.num(2, 9)
    s = [f"A cargo train travels at {speed.label} kilometers per hour for {hours.label} hours."]
    v = ctx.mul(speed, hours)
    if "leg2" in chosen:
        w, h2 = ctx.num(20, 90, big=True, mult=rng.choice((1, 10))), ctx.num(2, 9)
        s.append(f"Then it continues at {w.label} kilometers per hour for another {h2.label} hours.")
        v = ctx.add(v, ctx.mul(w, h2))
    q, d = "How many kilometers does the train travel?", "the number of kilometers the train travels"
    if "round" in chosen:
        s.append("Later it comes back along exactly the same route.")
        v = ctx.mul(v, ctx.const(2))
        q, d = "How many kilometers does the train travel there and back?", "the round-trip distance in kilometers"
    if "fuel" in chosen:
        k = ctx.divisor(v, 2, 20)
        s.append(f"The train burns 1 liter of fuel for every {k.label} kilometers.")
        v = ctx.div(v, k)
        q, d = "How many liters of fuel does it burn?", "the number of liters of fuel burned"
    if "price" in chosen:
        c = ctx.num(2, 9, money=True)
        s.append(f"Fuel costs {c.label} per liter.")
        v = ctx.mul(v, c)
        q, d = "How many dollars does the fuel cost?", "the cost of the fuel in dollars"
    if "toll" in chosen:
        t = ctx.num(5, 90, big=True, money=True)
        s.append(f"The railway also charges a track fee of {t.label} for the whole trip.")
        v = ctx.add(v, t)
        q, d = "How many dollars do fuel and track fee cost together?", "the total of fuel and track fee in dollars"
    dis = _distractor(ctx, ("The train has {x} seats in its single passenger car.", "The driver has worked for {x} days."), bigd)
    return Story("travel", s, q, d, v, "int", dis)


def t_wages(ctx: Ctx, target: int, seed: Q | None, bigd: bool) -> Story:
    rng = ctx.rng
    name, pron = rng.choice(PEOPLE)
    options = [("weeks", 1, ()), ("bonus", 1, ()), ("tax", 3, ()), ("rent", 1, ()), ("gadgets", 1, ())]
    chosen = pick(rng, target - 1, options)
    wage = _seeded(seed, lambda: ctx.num(10, 60, big=True, money=True))
    hours = ctx.num(5, 40, mult=rng.choice((1, 5)))
    s = [f"{name} earns {wage.label if seed is None else wage.label + ' dollars'} per hour and works {hours.label} hours a week."]
    v = ctx.mul(wage, hours)
    span = "per week"
    if "weeks" in chosen:
        n = ctx.num(2, 12)
        s.append(f"{pron.capitalize()} works this schedule for {n.label} weeks.")
        v = ctx.mul(v, n)
        span = f"over the {n.label} weeks"
    elif chosen:  # bonus, tax, rent, gadgets: say which amount of pay they apply to (one week's)
        s.append(f"{pron.capitalize()} works this schedule for one week only.")
    q, d = f"How many dollars does {name} earn {span}?", f"the dollars {name} earns {span}"
    if "bonus" in chosen:
        b = ctx.num(10, 90, big=True, money=True)
        s.append(f"On top of that, {pron} gets a one-time bonus of {b.label}.")
        v = ctx.add(v, b)
        q, d = f"How many dollars does {name} receive in total?", f"the total dollars {name} receives"
    if "tax" in chosen:
        p = ctx.percent(v, (10, 15, 20, 25, 30, 40))
        s.append(f"{p.label} of all that money is withheld as tax.")
        v = ctx.minus_pct(v, p)
        q, d = f"How many dollars does {name} keep after tax?", f"the dollars {name} keeps after tax"
    if "rent" in chosen:
        r = ctx.below(v, 5, 90, big=True, money=True)
        s.append(f"{pron.capitalize()} then pays {r.label} for rent.")
        v = ctx.sub(v, r)
        q, d = f"How many dollars does {name} have left?", f"the dollars {name} has left"
    if "gadgets" in chosen:
        g = ctx.divisor(v, 2, 99)
        s.append(f"{pron.capitalize()} spends all the remaining money on gadgets that cost ${g.label} each, "
                 "with nothing left over.")
        v = ctx.div(v, g)
        q, d = f"How many gadgets does {name} buy?", f"the number of gadgets {name} buys"
    dis = _distractor(ctx, (f"{name} has {{x}} followers online.", f"{name}'s office is on floor {{x}} of a tower."), bigd)
    return Story("wages", s, q, d, v, "int", dis)


TEMPLATES: dict[str, Callable[[Ctx, int, Q | None, bool], Story]] = {
    "shopping": t_shopping,
    "factory": t_factory,
    "conversion": t_conversion,
    "sharing": t_sharing,
    "profit": t_profit,
    "population": t_population,
    "ages": t_ages,
    "recipe": t_recipe,
    "travel": t_travel,
    "wages": t_wages,
}
