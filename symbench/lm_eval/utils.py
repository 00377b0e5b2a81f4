"""The functions SymBench's lm-eval task YAMLs name (``!function utils.NAME``).

lm-eval loads this file by its path, so it only re-exports :mod:`symbench.lm_eval.adapter`.
"""

from symbench.lm_eval.adapter import dataset, doc_to_target, doc_to_text, mean_at_level, process_results


def mean_complexity_1(items):
    return mean_at_level(1, items)


def mean_complexity_2(items):
    return mean_at_level(2, items)


def mean_complexity_3(items):
    return mean_at_level(3, items)


def mean_complexity_4(items):
    return mean_at_level(4, items)


def mean_complexity_5(items):
    return mean_at_level(5, items)


__all__ = [
    "dataset", "doc_to_target", "doc_to_text", "process_results",
    "mean_complexity_1", "mean_complexity_2", "mean_complexity_3", "mean_complexity_4", "mean_complexity_5",
]
