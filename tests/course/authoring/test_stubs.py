"""The stub generator: regions replaced, everything else kept byte for byte, bad markers refused."""

import pytest

from course.authoring.stubs import GENERATED_HEADER, StubError, make_stub, render_unit

SOURCE = '''"""Module docstring."""

import numpy as np


def f(x):
    """Doc of f."""
    y = 1  # provided
    # BEGIN SOLUTION
    # HINT: use np.dot
    z = np.dot(x, x)
    w = z + 1
    # END SOLUTION
    return w


def g():
    if True:
        # BEGIN SOLUTION
        return 3
        # END SOLUTION
'''


def test_regions_become_a_raise_with_hints_and_line_count():
    stub = make_stub(SOURCE)
    assert "    # YOUR CODE HERE (about 2 lines) / اكتب شيفرتك هنا (نحو سطرين)\n" in stub
    assert "    # HINT: use np.dot\n" in stub
    assert "raise NotImplementedError('f is not attempted yet" in stub
    assert "        raise NotImplementedError('g is not attempted yet" in stub  # indentation kept
    assert "(about 1 line) / اكتب شيفرتك هنا (نحو سطر واحد)" in stub
    assert "np.dot(x, x)" not in stub and "return 3" not in stub


def test_text_outside_regions_is_byte_identical():
    stub = make_stub(SOURCE)
    outside = SOURCE.split("    # BEGIN SOLUTION")[0]
    assert stub.startswith(outside)
    assert stub.split("raise NotImplementedError")[1].split("\n", 1)[1].startswith("    return w\n")


def test_generated_stub_raises_when_called():
    namespace = {}
    exec(compile(make_stub(SOURCE), "<stub>", "exec"), namespace)
    with pytest.raises(NotImplementedError, match="f is not attempted yet"):
        namespace["f"](2)


def test_module_without_regions_is_unchanged():
    text = "def h():\n    return 1\n"
    assert make_stub(text) == text


@pytest.mark.parametrize(
    "source, message",
    [
        ("# BEGIN SOLUTION\n# BEGIN SOLUTION\n# END SOLUTION\n", "nested"),
        ("def f():\n    # BEGIN SOLUTION\n    return 1\n", "never closed"),
        ("x = 1\n# END SOLUTION\n", "without"),
    ],
    ids=["nested", "unterminated", "stray-end"],
)
def test_malformed_markers_raise_stub_error_with_the_line(source, message):
    with pytest.raises(StubError, match=message) as info:
        make_stub(source, filename="bad.py")
    assert str(info.value).startswith("bad.py:")


@pytest.mark.parametrize("count, arabic", [(3, "3 أسطر"), (11, "11 سطرًا")])
def test_arabic_line_counts_agree_with_the_number(count, arabic):
    body = "".join(f"    x{i} = {i}\n" for i in range(count))
    stub = make_stub(f"def f():\n    # BEGIN SOLUTION\n{body}    # END SOLUTION\n")
    assert f"(نحو {arabic})" in stub and f"(about {count} lines)" in stub


def test_render_unit_adds_the_header_only_to_exercise_modules(tmp_path):
    unit = tmp_path / "u1"
    unit.mkdir()
    (unit / "__init__.py").write_text('"""Unit u1 reference solutions."""\n')
    (unit / "helpers.py").write_text("def h():\n    return 1\n")
    (unit / "ex.py").write_text(SOURCE)
    rendered = render_unit(tmp_path, "u1")
    assert rendered["helpers.py"] == "def h():\n    return 1\n"
    assert rendered["ex.py"].startswith(GENERATED_HEADER.format(unit="u1", name="ex.py"))
    assert rendered["__init__.py"] == '"""Unit u1 exercise stubs."""\n'


def test_instructor_paragraphs_are_left_out_of_the_stubs_package_docstring(tmp_path):
    from course.authoring.stubs import render_unit

    unit = tmp_path / "u1"
    unit.mkdir()
    (unit / "__init__.py").write_text(
        '"""Unit 1 reference solutions.\n\nInstructors: regions are replaced\nby stubs.\n\n'
        'For everyone.\n"""\n')
    text = render_unit(tmp_path, "u1")["__init__.py"]
    assert text == '"""Unit 1 exercise stubs.\n\nFor everyone.\n"""\n'
