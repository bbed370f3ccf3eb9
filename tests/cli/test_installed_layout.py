"""After a non-editable install the seeds live
in tui/seeds; `diptych --json` must still find them."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

tomllib = pytest.importorskip("tomllib")

ROOT = Path(__file__).resolve().parents[2]


def test_pyproject_ships_the_seeds_as_package_data():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    assert "tui.seeds" in config["packages"]
    assert config["package-dir"]["tui.seeds"] == "seeds"
    assert "*.txt" in config["package-data"]["tui.seeds"]


def test_pyproject_lists_every_package_of_the_source_tree():
    # An explicit package list (the seeds need their own package-dir) misses new folders silently:
    # a non-editable install would then lack them.
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "tui").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert found <= listed, f"not in pyproject's packages: {sorted(found - listed)}"


def test_installed_layout_without_the_clone_finds_the_seeds(tmp_path):
    site = tmp_path / "site-packages"
    shutil.copytree(ROOT / "tui", site / "tui", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "seeds", site / "tui" / "seeds")
    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; sys.path.insert(0, sys.argv[1]); from tui.cli import main; sys.exit(main(['--json']))",
            str(site),
        ],
        capture_output=True,
        timeout=120,
        cwd=elsewhere,
    )
    assert result.returncode == 0, result.stderr.decode()
    paths = [d["source"] for d in json.loads(result.stdout)["documents"]]
    assert all(p.startswith(str(site / "tui" / "seeds")) for p in paths)
