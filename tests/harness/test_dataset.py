from symbench.harness.dataset import ANSWER_KEY, build_dataset, levels_for, question_digest
from symbench.registry import get_task


def test_levels_are_spread_evenly_and_samples_carry_the_record():
    assert levels_for(7, (1, 2, 3, 4, 5)) == [1, 2, 3, 4, 5, 1, 2]
    assert levels_for(4, (2, 5)) == [2, 5, 2, 5]
    ds = build_dataset(["game24"], 10, seed=4)
    assert [s.metadata["complexity"] for s in ds] == [1, 2, 3, 4, 5] * 2
    task = get_task("game24")
    for i, sample in enumerate(ds):
        inst = task.instance(sample.metadata["complexity"], 4, i)
        assert sample.id == inst.id and sample.input == inst.question and sample.target == inst.answer
        assert sample.metadata == inst.to_record()
        assert ANSWER_KEY[question_digest(inst.question)]["answer"] == inst.answer


def test_a_different_seed_gives_different_samples():
    a = [s.input for s in build_dataset(["string_insertion"], 5, seed=0)]
    b = [s.input for s in build_dataset(["string_insertion"], 5, seed=1)]
    assert a != b
