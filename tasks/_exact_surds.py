"""Exact values in Q(sqrt(n))[pi] for the math tasks (not a task itself).

Used by ``math_geometry`` (answers, generation) and, through :mod:`symbench.tasks._exact_parser`,
by ``math_counting_probability``. A :class:`Surd` is a finite sum  sum_i c_i * sqrt(r_i) * pi^k_i
with rational ``c_i``, square-free ``r_i >= 1`` and integer ``k_i``, stored as a dict
``{(r, k): Fraction}`` without zero coefficients. Because the square roots of distinct
square-free integers are linearly independent over Q and pi is transcendental, this form is
canonical: two such sums are equal exactly when their dicts are equal. A parsed answer is a
:class:`Quot`, a quotient ``num / den`` of two Surds (division by a sum such as ``2 + sqrt(3)``
is kept as a quotient), and two quotients are compared by cross-multiplication, which is
again exact. No floating point and no sympy are involved.
"""

from __future__ import annotations

import math
from fractions import Fraction

from symbench.answer import ParseError

MAX_TERMS = 64
MAX_COEFF_BITS = 4_000
MAX_PI_POWER = 32

_SMALL_PRIMES: list[int] = []


def _primes() -> list[int]:
    if not _SMALL_PRIMES:
        limit = 10_000
        sieve = bytearray([1]) * (limit + 1)
        sieve[0:2] = b"\x00\x00"
        for p in range(2, int(limit**0.5) + 1):
            if sieve[p]:
                sieve[p * p :: p] = bytearray(len(sieve[p * p :: p]))
        _SMALL_PRIMES.extend(p for p in range(limit + 1) if sieve[p])
    return _SMALL_PRIMES


def split_square(n: int) -> tuple[int, int]:
    """``n = a^2 * b`` with ``b`` square-free; returns ``(a, b)``. ``n >= 1``.

    Trial division by the primes up to 10^4, then the cofactor m is either 1, a
    prime, a product of two distinct primes or a prime square, provided m < 10^12
    (three prime factors above 10^4 would exceed it). Larger cofactors are refused.
    """
    if n < 1:
        raise ParseError("square root of a non-positive integer")
    a, b, m = 1, 1, n
    for p in _primes():
        if p * p > m:
            break
        if m % p:
            continue
        e = 0
        while m % p == 0:
            m //= p
            e += 1
        a *= p ** (e // 2)
        if e % 2:
            b *= p
    if m > 1:
        r = math.isqrt(m)
        if r * r == m:
            a *= r
        elif m < 10**12:
            b *= m
        else:
            raise ParseError("number under the square root is too large to simplify")
    return a, b


class Surd:
    """sum of c * sqrt(r) * pi^k, canonical (see the module docstring)."""

    __slots__ = ("terms",)

    def __init__(self, terms: dict[tuple[int, int], Fraction] | None = None):
        self.terms: dict[tuple[int, int], Fraction] = {k: v for k, v in (terms or {}).items() if v}
        if len(self.terms) > MAX_TERMS:
            raise ParseError("expression too complex (too many terms)")
        for c in self.terms.values():
            if c.numerator.bit_length() > MAX_COEFF_BITS or c.denominator.bit_length() > MAX_COEFF_BITS:
                raise ParseError("expression too complex (numbers too large)")

    # construction -----------------------------------------------------------
    @classmethod
    def rational(cls, q: Fraction | int) -> "Surd":
        return cls({(1, 0): Fraction(q)})

    @classmethod
    def pi(cls, power: int = 1) -> "Surd":
        return cls({(1, power): Fraction(1)})

    @classmethod
    def sqrt_of(cls, q: Fraction | int) -> "Surd":
        """The exact square root of a non-negative rational."""
        q = Fraction(q)
        if q < 0:
            raise ParseError("square root of a negative number")
        if q == 0:
            return cls()
        a1, b1 = split_square(q.numerator * q.denominator)
        # sqrt(n/d) = sqrt(n*d)/d
        return cls({(b1, 0): Fraction(a1, q.denominator)})

    # queries ----------------------------------------------------------------
    def is_zero(self) -> bool:
        return not self.terms

    def as_rational(self) -> Fraction | None:
        if not self.terms:
            return Fraction(0)
        if set(self.terms) == {(1, 0)}:
            return self.terms[(1, 0)]
        return None

    def is_monomial(self) -> bool:
        return len(self.terms) == 1

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Surd) and self.terms == other.terms

    def __hash__(self) -> int:  # pragma: no cover - not used as a key
        return hash(tuple(sorted(self.terms.items())))

    def __repr__(self) -> str:
        return f"Surd({format_surd(self)!r})"

    # arithmetic -------------------------------------------------------------
    def __add__(self, other: "Surd") -> "Surd":
        out = dict(self.terms)
        for key, c in other.terms.items():
            out[key] = out.get(key, Fraction(0)) + c
        return Surd(out)

    def __neg__(self) -> "Surd":
        return Surd({k: -c for k, c in self.terms.items()})

    def __sub__(self, other: "Surd") -> "Surd":
        return self + (-other)

    def __mul__(self, other: "Surd | Fraction | int") -> "Surd":
        if not isinstance(other, Surd):
            other = Surd.rational(other)
        if len(self.terms) * len(other.terms) > MAX_TERMS * MAX_TERMS:
            raise ParseError("expression too complex (too many terms)")
        out: dict[tuple[int, int], Fraction] = {}
        for (r1, k1), c1 in self.terms.items():
            for (r2, k2), c2 in other.terms.items():
                g = math.gcd(r1, r2)
                r = (r1 // g) * (r2 // g)
                k = k1 + k2
                if abs(k) > MAX_PI_POWER:
                    raise ParseError("power of pi too large")
                key = (r, k)
                out[key] = out.get(key, Fraction(0)) + c1 * c2 * g
        return Surd(out)

    __rmul__ = __mul__

    def monomial_inverse(self) -> "Surd":
        """1 / (c sqrt(r) pi^k) = sqrt(r) / (c r) * pi^-k."""
        ((r, k), c), = self.terms.items()
        return Surd({(r, -k): 1 / (c * r)})

    def approx(self) -> float:
        """A float value (for size measures and tests only, never for judging)."""
        return float(sum(float(c) * math.sqrt(r) * math.pi**k for (r, k), c in self.terms.items()))

    def is_irrational(self) -> bool:
        return any(key != (1, 0) for key in self.terms)


R = Surd.rational
SQRT = Surd.sqrt_of
PI = Surd.pi()


def format_surd(value: Surd) -> str:
    """Canonical plain text, e.g. ``3*sqrt(2)/4``, ``25*pi``, ``2 - pi/2``."""
    if not value.terms:
        return "0"
    keys = sorted(value.terms, key=lambda rk: (rk[1] != 0 or rk[0] != 1, rk[1], rk[0]))
    pieces: list[str] = []
    for idx, key in enumerate(keys):
        r, k = key
        c = value.terms[key]
        if k < 0:
            raise ValueError("format_surd does not write negative powers of pi")
        body = []
        if r > 1:
            body.append(f"sqrt({r})")
        if k == 1:
            body.append("pi")
        elif k > 1:
            body.append(f"pi^{k}")
        a, d = abs(c.numerator), c.denominator
        if not body:
            text = str(a) if d == 1 else f"{a}/{d}"
        else:
            text = "*".join(([str(a)] if a != 1 else []) + body)
            if d != 1:
                text += f"/{d}"
        sign = "-" if c < 0 else "+"
        if idx == 0:
            pieces.append(("-" if sign == "-" else "") + text)
        else:
            pieces.append(f" {sign} {text}")
    return "".join(pieces)


def format_value(value: Surd | list) -> str:
    """A Surd, or a list of Surds written as an ordered tuple ``(x, y)``."""
    if isinstance(value, list):
        return "(" + ", ".join(format_surd(v) for v in value) + ")"
    return format_surd(value)


# --------------------------------------------------------------------------- quotients


class Quot:
    """num / den with Surd parts (den never zero)."""

    __slots__ = ("num", "den", "decimal")

    def __init__(self, num: Surd, den: Surd | None = None, decimal: bool = False):
        den = den if den is not None else Surd.rational(1)
        if den.is_zero():
            raise ParseError("division by zero")
        if den.is_monomial():
            num, den = num * den.monomial_inverse(), Surd.rational(1)
        self.num = num
        self.den = den
        self.decimal = decimal

    def as_surd(self) -> Surd | None:
        """The value as one Surd when the denominator is (or becomes) a monomial."""
        if self.den.as_rational() == 1:
            return self.num
        return None

    def as_rational(self) -> Fraction | None:
        if self.num.is_zero():
            return Fraction(0)
        key, dc = next(iter(self.den.terms.items()))
        if key not in self.num.terms:
            return None
        q = self.num.terms[key] / dc
        if self.den * q == self.num:
            return q
        return None

    def equals(self, other: "Quot | Surd") -> bool:
        if isinstance(other, Surd):
            other = Quot(other)
        return self.num * other.den == other.num * self.den

    def __add__(self, o: "Quot") -> "Quot":
        return Quot(self.num * o.den + o.num * self.den, self.den * o.den, self.decimal or o.decimal)

    def __sub__(self, o: "Quot") -> "Quot":
        return Quot(self.num * o.den - o.num * self.den, self.den * o.den, self.decimal or o.decimal)

    def __mul__(self, o: "Quot") -> "Quot":
        return Quot(self.num * o.num, self.den * o.den, self.decimal or o.decimal)

    def __truediv__(self, o: "Quot") -> "Quot":
        if o.num.is_zero():
            raise ParseError("division by zero")
        return Quot(self.num * o.den, self.den * o.num, self.decimal or o.decimal)

    def __neg__(self) -> "Quot":
        return Quot(-self.num, self.den, self.decimal)

    def sqrt(self) -> "Quot":
        q = self.as_rational()
        if q is not None:
            return Quot(Surd.sqrt_of(q), decimal=self.decimal)
        s = self.as_surd()
        if s is not None and s.is_monomial():
            ((r, k), c), = s.terms.items()
            if r == 1 and k % 2 == 0:
                if c < 0:
                    raise ParseError("square root of a negative number")
                return Quot(Surd.sqrt_of(c) * Surd.pi(k // 2), decimal=self.decimal)
        raise ParseError("square roots of irrational quantities (nested radicals, sqrt(pi)) are not supported")

    def power(self, e: Fraction) -> "Quot":
        if e.denominator not in (1, 2):
            raise ParseError("exponents must be integers or halves")
        if abs(e) > 24:
            raise ParseError("exponent too large (limit 24)")
        base = self
        if e.denominator == 2:
            base = base.sqrt()
            e = e * 2
        n = int(e)
        if n < 0:
            if base.num.is_zero():
                raise ParseError("division by zero")
            base = Quot(base.den, base.num, base.decimal)
            n = -n
        result = Quot(Surd.rational(1), decimal=base.decimal)
        for _ in range(n):
            result = result * base
        return result
