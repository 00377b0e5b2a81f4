"""The eight scene domains of logical_deduction (data, not a task).

Each domain says how the scene is set up, which object names it draws from (at least
twelve), how its fixed linear order is described and how every clue kind is phrased
(absolute positions from either end, before / after, immediately before / after, and
the number of objects in between).
"""

from __future__ import annotations

# Each domain: how the scene is set up and how every clue kind is said.
# {a}/{b}: objects as written in text, {be}: is/are, {k}: ordinal word, {m}: count, {things}: noun for m.
DOMAINS: dict[str, dict] = {
    "shelf": {
        "setup": "On a shelf there are {n} books in a row: {list}.",
        "names": ("red", "orange", "yellow", "green", "blue", "purple", "brown", "gray", "black", "white",
                  "pink", "gold"),
        "suffix": " book", "article": True, "be": "is", "one": "book", "many": "books",
        "order": "from left to right",
        "first": "{a} {be} the leftmost", "last": "{a} {be} the rightmost",
        "pos_first": "{a} {be} the {k} from the left", "pos_last": "{a} {be} the {k} from the right",
        "before": "{a} {be} to the left of {b}", "after": "{a} {be} to the right of {b}",
        "imm_before": "{a} {be} immediately to the left of {b}", "imm_after": "{a} {be} immediately to the right of {b}",
        "gap": "There {are} exactly {m} {things} between {a} and {b}",
    },
    "branch": {
        "setup": "On a branch there are {n} birds sitting in a row: {list}.",
        "names": ("robin", "crow", "owl", "hawk", "falcon", "blue jay", "cardinal", "hummingbird", "quail",
                  "raven", "sparrow", "wren"),
        "suffix": "", "article": True, "be": "is", "one": "bird", "many": "birds",
        "order": "from left to right",
        "first": "{a} {be} the leftmost", "last": "{a} {be} the rightmost",
        "pos_first": "{a} {be} the {k} from the left", "pos_last": "{a} {be} the {k} from the right",
        "before": "{a} {be} to the left of {b}", "after": "{a} {be} to the right of {b}",
        "imm_before": "{a} {be} immediately to the left of {b}", "imm_after": "{a} {be} immediately to the right of {b}",
        "gap": "There {are} exactly {m} {things} between {a} and {b}",
    },
    "golf": {
        "setup": "In a golf tournament there were {n} golfers: {list}. No two golfers tied.",
        "names": ("Ana", "Amy", "Dan", "Eli", "Eve", "Joe", "Mel", "Mya", "Rob", "Ada", "Mia", "Ron"),
        "suffix": "", "article": False, "be": "is", "one": "golfer", "many": "golfers",
        "order": "from first place to last place",
        "first": "{a} finished first", "last": "{a} finished last",
        "pos_first": "{a} finished {k}", "pos_last": "{a} finished {k}-to-last",
        "before": "{a} finished above {b}", "after": "{a} finished below {b}",
        "imm_before": "{a} finished immediately above {b}", "imm_after": "{a} finished immediately below {b}",
        "gap": "Exactly {m} {things} finished between {a} and {b}",
    },
    "vehicles": {
        "setup": "In an antique car show there are {n} vehicles, all of different ages: {list}.",
        "names": ("sedan", "convertible", "minivan", "truck", "bus", "motorcycle", "limousine", "station wagon",
                  "tractor", "hatchback", "jeep", "scooter"),
        "suffix": "", "article": True, "be": "is", "one": "vehicle", "many": "vehicles",
        "order": "from oldest to newest",
        "first": "{a} {be} the oldest", "last": "{a} {be} the newest",
        "pos_first": "{a} {be} the {k}-oldest", "pos_last": "{a} {be} the {k}-newest",
        "before": "{a} {be} older than {b}", "after": "{a} {be} newer than {b}",
        "imm_before": "{a} {be} older than {b} with no vehicle in between in age",
        "imm_after": "{a} {be} newer than {b} with no vehicle in between in age",
        "gap": "In the age order, exactly {m} {things} come between {a} and {b}",
    },
    "fruit": {
        "setup": "A fruit stand sells {n} fruits, all at different prices: {list}.",
        "names": ("apples", "bananas", "mangoes", "peaches", "pears", "plums", "kiwis", "oranges", "watermelons",
                  "cantaloupes", "loquats", "grapes"),
        "suffix": "", "article": True, "be": "are", "one": "fruit", "many": "fruits",
        "order": "from cheapest to most expensive",
        "first": "{a} {be} the cheapest", "last": "{a} {be} the most expensive",
        "pos_first": "{a} {be} the {k}-cheapest", "pos_last": "{a} {be} the {k}-most expensive",
        "before": "{a} {be} cheaper than {b}", "after": "{a} {be} more expensive than {b}",
        "imm_before": "{a} {be} cheaper than {b} with no fruit priced in between",
        "imm_after": "{a} {be} more expensive than {b} with no fruit priced in between",
        "gap": "In the price order, exactly {m} {things} come between {a} and {b}",
    },
    "race": {
        "setup": "{n} runners ran a race and arrived at the finish one at a time: {list}.",
        "names": ("Zoe", "Liam", "Noah", "Emma", "Olivia", "Ava", "Lucas", "Mason", "Ethan", "Chloe", "Ivy", "Leo"),
        "suffix": "", "article": False, "be": "is", "one": "runner", "many": "runners",
        "order": "from the first to arrive to the last to arrive",
        "first": "{a} arrived first", "last": "{a} arrived last",
        "pos_first": "{a} arrived {k}", "pos_last": "{a} arrived {k}-to-last",
        "before": "{a} arrived before {b}", "after": "{a} arrived after {b}",
        "imm_before": "{a} arrived immediately before {b}", "imm_after": "{a} arrived immediately after {b}",
        "gap": "Exactly {m} {things} arrived between {a} and {b}",
    },
    "skyline": {
        "setup": "A town has {n} buildings, all of different heights: {list}.",
        "names": ("bank", "library", "hotel", "museum", "school", "hospital", "church", "theater", "castle",
                  "courthouse", "post office", "city hall"),
        "suffix": "", "article": True, "be": "is", "one": "building", "many": "buildings",
        "order": "from tallest to shortest",
        "first": "{a} {be} the tallest", "last": "{a} {be} the shortest",
        "pos_first": "{a} {be} the {k}-tallest", "pos_last": "{a} {be} the {k}-shortest",
        "before": "{a} {be} taller than {b}", "after": "{a} {be} shorter than {b}",
        "imm_before": "{a} {be} taller than {b} with no building's height in between",
        "imm_after": "{a} {be} shorter than {b} with no building's height in between",
        "gap": "In the height order, exactly {m} {things} come between {a} and {b}",
    },
    "queue": {
        "setup": "{n} people stand in a single line at a ticket booth: {list}.",
        "names": ("Hugo", "Iris", "Jack", "Kate", "Lena", "Max", "Nina", "Omar", "Pia", "Quinn", "Rosa", "Sam"),
        "suffix": "", "article": False, "be": "is", "one": "person", "many": "people",
        "order": "from the front of the line to the back",
        "first": "{a} {be} at the front of the line", "last": "{a} {be} at the back of the line",
        "pos_first": "{a} {be} the {k} in line from the front", "pos_last": "{a} {be} the {k} in line from the back",
        "before": "{a} {be} ahead of {b} in line", "after": "{a} {be} behind {b} in line",
        "imm_before": "{a} {be} directly ahead of {b} in line", "imm_after": "{a} {be} directly behind {b} in line",
        "gap": "Exactly {m} {things} stand between {a} and {b} in line",
    },
}
DOMAIN_NAMES = tuple(DOMAINS)
