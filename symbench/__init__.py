"""SymBench: symbolic-reasoning tasks generated procedurally, verified by programs."""

__version__ = "0.1.0"
