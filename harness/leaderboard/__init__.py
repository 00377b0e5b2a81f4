"""Leaderboards from Inspect logs: suites run through ``eval_set``, one reader of logs
(:mod:`.logs`), aggregation (:mod:`.table`), paired comparisons (:mod:`.compare`),
renderers (:mod:`.render`, :mod:`.html`, :mod:`.plots`) and the baseline check (:mod:`.check`)."""
