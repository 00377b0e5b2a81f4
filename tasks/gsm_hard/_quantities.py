"""gsm_hard templates about amounts of things.

Factory output (rate x time, defects, boxes), unit conversion (liters, kilograms, kilometers,
hours), sharing a prize and recipe scaling.

A template is called as ``(ctx, target operations, seed quantity or None, big distractor
numbers?)`` and returns a :class:`~symbench.tasks.gsm_hard._story.Story`.
"""

from __future__ import annotations

from ._story import Ctx, Q, Story, _distractor, _seeded, pick


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
