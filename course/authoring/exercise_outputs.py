"""Expected outputs for the exercise pages, computed by running the reference on fixed cases.

المخرجات المتوقَّعة في صفحات التمارين، محسوبةً بتشغيل الحل المرجعي على حالات ثابتة.

Every exercise page ``docs/content/c1w4/exercises/<id>.md`` (and its ``.en.md`` twin) shows one
of the grader's public cases (``grader/cases/c1w4.py``) written out as a seeded Python snippet the
student can run against their own code, and the text it prints with the reference solution (a test
checks that the snippet's inputs are a public case). Both blocks are marked so a test can recompute
them::

    <!-- amiq:case linear_forward -->

    ```python
    ...the snippet, as students run it...
    ```

    <!-- amiq:output linear_forward -->

    ```text
    ...what it prints with the reference...
    ```

The numbers are never typed by hand: ``python -m course.authoring.exercise_outputs [ID ...]``
prints the two blocks to paste, and ``--check DIR`` lists the pages whose blocks went stale:
snippets must match exactly, outputs are compared number by number within ``rtol = 1e-9``
(absolute floor ``1e-12`` near 0; :func:`output_differences`), so a page written with one
NumPy/BLAS build stays valid under another.
"""

import argparse
import contextlib
import importlib
import io
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from course.authoring import drift
from course.catalog import EXERCISES, exercise

TOLERANCE_NOTE = (
    f"output blocks: numbers compared within rtol {drift.RTOL:g} (absolute floor {drift.ATOL:g} "
    "near 0), text exactly / كتل المخرجات: الأعداد ضمن سماحية نسبية "
    f"{drift.RTOL:g} (وحدّ مطلق {drift.ATOL:g} قرب الصفر)، والنص بدقة تامة"
)
CASE_MARKER = "amiq:case"
OUTPUT_MARKER = "amiq:output"

# One seeded case per exercise. The body runs with ``np`` and the exercise's function in scope;
# it must seed NumPy itself so the printed numbers do not depend on what ran before.
_BODIES = {
    "initialize_parameters": """\
parameters = initialize_parameters(3, 2, 1)
for key in ("W1", "b1", "W2", "b2"):
    print(key, "=", parameters[key])
""",
    "initialize_parameters_deep": """\
parameters = initialize_parameters_deep([5, 4, 3])
for key in ("W1", "b1", "W2", "b2"):
    print(key, "=", parameters[key])
""",
    "linear_forward": """\
np.random.seed(1)
A = np.random.randn(3, 2)
W = np.random.randn(1, 3)
b = np.random.randn(1, 1)
Z, cache = linear_forward(A, W, b)
print("Z =", Z)
print("Z.shape =", Z.shape)
""",
    "linear_activation_forward": """\
np.random.seed(2)
A_prev = np.random.randn(3, 2)
W = np.random.randn(1, 3)
b = np.random.randn(1, 1)
A, cache = linear_activation_forward(A_prev, W, b, "sigmoid")
print("With sigmoid: A =", A)
A, cache = linear_activation_forward(A_prev, W, b, "relu")
print("With ReLU: A =", A)
""",
    "L_model_forward": """\
np.random.seed(6)
X = np.random.randn(5, 4)
parameters = {
    "W1": np.random.randn(4, 5), "b1": np.random.randn(4, 1),
    "W2": np.random.randn(3, 4), "b2": np.random.randn(3, 1),
    "W3": np.random.randn(1, 3), "b3": np.random.randn(1, 1),
}
AL, caches = L_model_forward(X, parameters)
print("AL =", AL)
print("len(caches) =", len(caches))
""",
    "compute_cost": """\
Y = np.array([[1, 1, 0]])
AL = np.array([[0.8, 0.9, 0.4]])
cost = compute_cost(AL, Y)
print("cost =", cost)
print("type:", type(cost).__name__, "shape:", cost.shape)
""",
    "linear_backward": """\
np.random.seed(1)
dZ = np.random.randn(3, 4)
A_prev = np.random.randn(5, 4)
W = np.random.randn(3, 5)
b = np.random.randn(3, 1)
dA_prev, dW, db = linear_backward(dZ, (A_prev, W, b))
print("dA_prev =", dA_prev)
print("dW =", dW)
print("db =", db)
""",
    "linear_activation_backward": """\
np.random.seed(2)
dA = np.random.randn(1, 2)
A_prev = np.random.randn(3, 2)
W = np.random.randn(1, 3)
b = np.random.randn(1, 1)
Z = np.random.randn(1, 2)
cache = ((A_prev, W, b), Z)
for activation in ("sigmoid", "relu"):
    dA_prev, dW, db = linear_activation_backward(dA, cache, activation)
    print("With", activation + ":")
    print("  dA_prev =", dA_prev)
    print("  dW =", dW)
    print("  db =", db)
""",
    "L_model_backward": """\
np.random.seed(13)
X = np.random.randn(4, 5)
Y = np.array([[1, 0, 0, 1, 1]])
parameters = {}
for l, (n, n_prev) in enumerate([(3, 4), (2, 3), (1, 2)], start=1):
    parameters["W" + str(l)] = np.random.randn(n, n_prev)
    parameters["b" + str(l)] = np.random.randn(n, 1)
# The forward pass written out, so this case needs only L_model_backward.
A, caches = X, []
for l in (1, 2, 3):
    W, b = parameters["W" + str(l)], parameters["b" + str(l)]
    Z = W @ A + b
    caches.append(((A, W, b), Z))
    A = np.maximum(0, Z) if l < 3 else 1 / (1 + np.exp(-Z))
grads = L_model_backward(A, Y, caches)
for key in ("dW3", "db3", "dW1", "db1", "dA0"):
    print(key, "=", grads[key])
""",
    "update_parameters": """\
np.random.seed(2)
parameters = {
    "W1": np.random.randn(3, 4), "b1": np.random.randn(3, 1),
    "W2": np.random.randn(1, 3), "b2": np.random.randn(1, 1),
}
np.random.seed(3)
grads = {
    "dW1": np.random.randn(3, 4), "db1": np.random.randn(3, 1),
    "dW2": np.random.randn(1, 3), "db2": np.random.randn(1, 1),
}
W1_before = parameters["W1"].copy()
new_parameters = update_parameters(parameters, grads, 0.1)
for key in ("W1", "b1", "W2", "b2"):
    print(key, "=", new_parameters[key])
print("input W1 unchanged:", np.array_equal(parameters["W1"], W1_before))
""",
    "two_layer_model": """\
np.random.seed(2)
X = np.random.randn(4, 12)
Y = (X[0:1] - X[1:2] > 0).astype(float)
parameters, costs = two_layer_model(
    X, Y, (4, 5, 1), learning_rate=0.5, num_iterations=150, print_cost=True
)
print("len(costs) =", len(costs))
print("W1.shape =", parameters["W1"].shape, "W2.shape =", parameters["W2"].shape)
""",
    "L_layer_model": """\
np.random.seed(2)
X = np.random.randn(4, 12)
Y = (X[0:1] - X[1:2] > 0).astype(float)
parameters, costs = L_layer_model(
    X, Y, [4, 5, 3, 1], learning_rate=0.1, num_iterations=150, print_cost=True
)
print("len(costs) =", len(costs))
print("keys:", sorted(parameters))
""",
    "predict": """\
np.random.seed(4)
X = np.random.randn(3, 6)
y = np.array([[1, 0, 1, 1, 0, 0]])
parameters = {
    "W1": np.random.randn(2, 3), "b1": np.zeros((2, 1)),
    "W2": np.random.randn(1, 2), "b2": np.zeros((1, 1)),
}
p = predict(X, y, parameters)
print("p =", p)
""",
}


@dataclass(frozen=True)
class Case:
    """One page's case: the snippet students run and what the reference prints.

    Attributes
    ----------
    exercise_id : str
        The exercise (function name).
    code : str
        The snippet as shown on the page, imports included, ending with a newline.
    output : str
        The text the snippet prints with the reference solution, ending with a newline.
    """

    exercise_id: str
    code: str
    output: str


def case_code(exercise_id):
    """Return the snippet shown on the page for ``exercise_id`` (student imports included)."""
    ex = exercise(exercise_id)
    body = _BODIES[exercise_id]
    return (
        "import numpy as np\n"
        f"from course.{ex.unit}.{ex.module} import {ex.id}\n"
        "\n"
        f"{body}"
    )


def run_case(exercise_id):
    """Run the case of ``exercise_id`` with the reference solution and capture what it prints.

    Returns
    -------
    Case
        The snippet and its printed output.
    """
    ex = exercise(exercise_id)
    reference = importlib.import_module(f"solutions.{ex.unit}.{ex.module}")
    namespace = {"np": np, ex.id: getattr(reference, ex.id)}
    buffer = io.StringIO()
    # Fixed print options: the page must not depend on a caller's np.set_printoptions.
    with np.printoptions(precision=8, suppress=False, linewidth=75, legacy=False):
        with contextlib.redirect_stdout(buffer):
            exec(compile(_BODIES[exercise_id], f"<case {exercise_id}>", "exec"), namespace)
    return Case(exercise_id, case_code(exercise_id), buffer.getvalue())


def all_cases():
    """Return ``{exercise_id: Case}`` for every exercise of the catalogue, in course order."""
    return {ex.id: run_case(ex.id) for ex in EXERCISES}


def render_markdown(case):
    """Return the two marked blocks (snippet, then output) to paste into an exercise page."""
    return (
        f"<!-- {CASE_MARKER} {case.exercise_id} -->\n\n"
        f"```python\n{case.code}```\n\n"
        f"<!-- {OUTPUT_MARKER} {case.exercise_id} -->\n\n"
        f"```text\n{case.output}```\n"
    )


_BLOCK = re.compile(
    r"<!--\s*(amiq:case|amiq:output)\s+(\w+)\s*-->\s*\n"  # the marker line
    r"(?:[ \t]*\n)*"  # blank lines
    r"```(\w+)[^\n]*\n(.*?)^```[ \t]*$",  # the fenced block that follows
    re.MULTILINE | re.DOTALL,
)


def read_blocks(markdown):
    """Find the marked blocks of a page.

    Parameters
    ----------
    markdown : str
        The text of a page.

    Returns
    -------
    list of tuple
        ``(kind, exercise_id, fence_language, content)`` in page order; ``kind`` is
        ``"case"`` or ``"output"``; ``content`` ends with a newline (or is empty).
    """
    blocks = []
    for match in _BLOCK.finditer(markdown):
        marker, exercise_id, language, content = match.groups()
        blocks.append((marker.split(":")[1], exercise_id, language, content))
    return blocks


def output_differences(shown, printed):
    """Compare an output block as shown on a page with what the reference prints now.

    Numbers are parsed out of the text and compared with
    :func:`course.authoring.drift.text_differences`: floats within ``rtol = 1e-9`` (absolute
    floor ``1e-12`` near 0), integers exactly; the text between them must match exactly (the
    spaces NumPy pads array columns with aside). Another NumPy/BLAS build changes the last
    digits of a printed training cost, not what the page teaches.

    Returns
    -------
    list of str
        The differing lines; empty when the block is up to date.
    """
    return drift.text_differences(shown, printed)


def stale_blocks(markdown, cases):
    """Compare the marked blocks of a page with freshly computed cases.

    Snippets (``case`` blocks) are code and must match exactly; ``output`` blocks are compared
    with :func:`output_differences` (numbers within ``rtol = 1e-9``).

    Returns
    -------
    list of str
        One line per problem (a block that differs, or an unknown exercise); empty when the
        page is up to date. A differing output block is followed by its differing lines,
        indented.
    """
    problems = []
    for kind, exercise_id, language, content in read_blocks(markdown):
        case = cases.get(exercise_id)
        if case is None:
            problems.append(f"unknown exercise {exercise_id!r} in a {kind} block")
            continue
        if kind == "case":
            found = [] if content == case.code else ["the code differs"]
        else:
            found = output_differences(content, case.output)
        want_language = "python" if kind == "case" else "text"
        if language != want_language:
            found.insert(0, f"fence language {language!r}, expected {want_language!r}")
        if found:
            problems.append(f"{kind} block of {exercise_id} differs from the reference")
            problems += [f"  {line}" for line in drift.summarize(found)]
    return problems


def main(argv=None):
    """Print the marked blocks for the given exercises, or check the pages in a folder."""
    parser = argparse.ArgumentParser(
        prog="python -m course.authoring.exercise_outputs",
        description="Print the expected-output blocks of the exercise pages, computed from the "
        "reference / اطبع كتل المخرجات المتوقَّعة لصفحات التمارين محسوبةً من الحل المرجعي.",
    )
    parser.add_argument("exercises", nargs="*", help="exercise ids (default: all)")
    parser.add_argument(
        "--check",
        metavar="DIR",
        help="check the *.md pages in DIR instead of printing / افحص صفحات المجلد بدل الطباعة",
    )
    args = parser.parse_args(argv)

    if args.check:
        cases = all_cases()
        failed = False
        print(TOLERANCE_NOTE)
        for page in sorted(Path(args.check).glob("*.md")):
            for problem in stale_blocks(page.read_text(encoding="utf-8"), cases):
                print(f"{page}: {problem}")
                failed = True
        return 1 if failed else 0

    ids = args.exercises or [ex.id for ex in EXERCISES]
    for exercise_id in ids:
        try:
            case = run_case(exercise_id)
        except KeyError as error:
            print(error.args[0], file=sys.stderr)
            return 2
        print(render_markdown(case))
    return 0


if __name__ == "__main__":
    sys.exit(main())
