"""``amiq export``: the two platforms from the command line; refusals are bilingual."""

import zipfile


def test_gradescope_zip_from_the_command_line(amiq, tmp_path):
    out = tmp_path / "autograder.zip"
    result = amiq("export", "gradescope", out, "--unit", "c1w4", "--lang", "en",
                  "--feedback-lang", "ar", "--seed", "7")
    assert result.code == 0, result.err
    assert "Keep it private" in result.out
    with zipfile.ZipFile(out) as zf:
        assert {"setup.sh", "run_autograder", "amiq.json", "requirements.txt"} <= set(zf.namelist())
        config = zf.read("amiq.json").decode()
    assert '"lang": "ar"' in config and '"seed": 7' in config
    again = amiq("export", "gradescope", out, "--unit", "c1w4", "--lang", "en")
    assert again.code == 2 and "--force" in again.err
    forced = amiq("export", "gradescope", out, "--unit", "c1w4", "--lang", "en", "--force")
    assert forced.code == 0 and "is kept at" in forced.out


def test_classroom_repository_from_the_command_line(amiq, tmp_path):
    out = tmp_path / "repo"
    result = amiq("export", "classroom", out, "--unit", "c1w4", "--lang", "en")
    assert result.code == 0, result.err
    assert (out / ".github" / "workflows" / "classroom.yml").is_file()
    assert not (out / "solutions").exists()
    again = amiq("export", "classroom", out, "--unit", "c1w4", "--lang", "en")
    assert again.code == 2 and "not empty" in again.err


def test_a_unit_is_required_when_several_are_installed(amiq, tmp_path):
    result = amiq("export", "gradescope", tmp_path / "a.zip", "--lang", "en")
    assert result.code == 2 and "--unit" in result.err
