"""The digests in the code, in datasets/SHA256SUMS and in datasets/README.md agree with the files."""

from pathlib import Path

from course.data import digests, schema

ROOT = Path(__file__).resolve().parents[3]


def test_sha256sums_file_lists_the_schema_digests():
    lines = (ROOT / "datasets/SHA256SUMS").read_text().split("\n")
    entries = dict(reversed(line.split("  ")) for line in lines if line)
    for split in schema.SPLITS:
        assert entries[f"catvnoncat/{split.filename}"] == split.sha256


def test_readme_states_digests_and_sizes():
    readme = (ROOT / "datasets/README.md").read_text()
    for split in schema.SPLITS:
        assert split.sha256 in readme and f"{split.size:,}" in readme


def test_real_files_match_the_recorded_digests_and_sizes(real_data_dir):
    for split in schema.SPLITS:
        path = real_data_dir / split.filename
        assert path.stat().st_size == split.size
        assert digests.sha256_file(path) == split.sha256


def test_synthetic_names_differ_from_real_names():
    for split in schema.SPLITS:
        assert schema.filename(split, synthetic=True) != schema.filename(split)
        assert "synthetic" in split.synthetic_filename
