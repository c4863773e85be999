"""The core stays Qt-free: import-linter's contracts hold, and importing the core loads no Qt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_linter_contracts_hold():
    exe = Path(sys.executable).parent / "lint-imports"
    proc = subprocess.run([str(exe)], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Only tracker.ui imports Qt KEPT" in proc.stdout


def test_importing_the_core_and_cli_does_not_load_qt():
    code = (
        "import sys, tracker.cli, tracker.services, tracker.layout, tracker.extract;"
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert proc.stdout.strip() == "False"
