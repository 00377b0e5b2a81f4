"""gsm_hard templates about change over time.

Town population percentages, fossil ages, and train travel and fuel.

A template is called as ``(ctx, target operations, seed quantity or None, big distractor
numbers?)`` and returns a :class:`~symbench.tasks.gsm_hard._story.Story`.
"""

from __future__ import annotations

from ._story import Ctx, Q, Retry, Story, _distractor, _seeded, pick


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
