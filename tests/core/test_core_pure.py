"""The core never pulls in Textual or Rich: checked in a fresh interpreter."""

import subprocess
import sys
import textwrap


def test_core_imports_and_compares_without_textual_or_rich():
    script = textwrap.dedent(
        """
        import sys
        from tui.cli import seed_paths
        from tui.core import compare, extract_entities, load_document
        left, right = (load_document(p) for p in seed_paths())
        cmp = compare(left, right)
        cmp.to_dict()
        extract_entities(left)
        loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "rich"))
        print(len(cmp.matches), loaded)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    matches, loaded = result.stdout.split(" ", 1)
    assert loaded.strip() == "[]"
    assert int(matches) > 0
