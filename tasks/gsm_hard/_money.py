"""gsm_hard templates about money.

Shopping with coupons, discounts and change (the one template whose answer may have
cents), bakery profit, and wages and taxes.

A template is called as ``(ctx, target operations, seed quantity or None, big distractor
numbers?)`` and returns a :class:`~symbench.tasks.gsm_hard._story.Story`.
"""

from __future__ import annotations

from fractions import Fraction

from ._story import PEOPLE, Ctx, Q, Retry, Story, _distractor, _seeded, fmt_money, pick


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
