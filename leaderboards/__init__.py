"""Leaderboard data shipped with SymBench (installed as ``symbench.leaderboards``):
suites (``suites/*.yaml``), published reference scores (``reference/``) and the committed
regression baselines (``baselines/``). Data only; the code is ``symbench.harness.leaderboard``."""
