"""Inspect glue for SymBench: task factory, scorer, sandbox, solvers, offline models."""
