"""The progress tracker counts iterations through compute_cost and keeps cost lines readable."""

import io
import types

from course.train.progress import track_training


def _fake_module():
    module = types.SimpleNamespace()
    module.compute_cost = lambda AL, Y: AL - Y

    def model(n):
        for i in range(n):
            cost = module.compute_cost(i, 0)
            if i % 2 == 0:
                print(f"Cost after iteration {i}: {cost}")

    module.model = model
    return module


def test_costs_counted_and_original_restored():
    module = _fake_module()
    original = module.compute_cost
    out = io.StringIO()
    with track_training(module, 5, show_bar=False, out=out) as costs:
        module.model(5)
    assert costs == [0.0, 1.0, 2.0, 3.0, 4.0]
    assert module.compute_cost is original
    assert out.getvalue().splitlines() == [f"Cost after iteration {i}: {i}" for i in (0, 2, 4)]


def test_bar_and_lines_do_not_interleave_mid_line():
    module = _fake_module()
    out, bar = io.StringIO(), io.StringIO()
    with track_training(module, 4, show_bar=True, bar_file=bar, out=out, desc="demo"):
        module.model(4)
    assert "demo" in bar.getvalue() and "4/4" in bar.getvalue()
    assert out.getvalue() == "Cost after iteration 0: 0\nCost after iteration 2: 2\n"


def test_original_restored_after_an_error():
    module = _fake_module()
    original = module.compute_cost
    try:
        with track_training(module, 3, show_bar=False, out=io.StringIO()):
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    assert module.compute_cost is original


def test_non_numeric_cost_is_recorded_as_nan():
    module = types.SimpleNamespace(compute_cost=lambda: "not a number")
    with track_training(module, 1, show_bar=False, out=io.StringIO()) as costs:
        module.compute_cost()
    assert costs[0] != costs[0]
