"""Interpreter discovery: every place a contributor may have a Python, newest patch wins."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from verify import interpreters
from verify.interpreters import newest_interpreter


def fake_python(path: Path, release: str) -> Path:
    """An executable that answers the harness's version query like CPython `release` would."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"#!/bin/sh\necho {release.replace('.', ' ')}\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def test_newest_patch_release_wins_across_pyenv_uv_and_path(tmp_path, monkeypatch):
    pyenv = fake_python(tmp_path / "pyenv/versions/3.14.1/bin/python3", "3.14.1")
    uv = fake_python(tmp_path / "uv/cpython-3.14.30-linux-x86_64-gnu/bin/python3.14", "3.14.30")
    on_path = fake_python(tmp_path / "bin/python3.14", "3.14.7")
    # A free-threaded build is another ABI: never picked, however new.
    fake_python(
        tmp_path / "uv/cpython-3.14.99+freethreaded-linux-x86_64-gnu/bin/python3.14", "3.14.99"
    )
    monkeypatch.setenv("PYENV_ROOT", str(tmp_path / "pyenv"))
    monkeypatch.setenv("UV_PYTHON_INSTALL_DIR", str(tmp_path / "uv"))
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr("verify.interpreters.INSTALLED_PYTHONS", tmp_path / "none")
    assert newest_interpreter("3.14") == uv
    uv.unlink()
    assert newest_interpreter("3.14") == on_path
    on_path.unlink()
    assert newest_interpreter("3.14") == pyenv


def test_a_broken_or_mislabelled_interpreter_is_not_used(tmp_path, monkeypatch):
    fake_python(tmp_path / "pyenv/versions/3.15.9/bin/python3", "3.14.2")  # says 3.14
    broken = tmp_path / "pyenv/versions/3.15.8/bin/python3"
    broken.parent.mkdir(parents=True)
    broken.write_text("#!/bin/sh\nexit 1\n")
    broken.chmod(0o755)
    monkeypatch.setenv("PYENV_ROOT", str(tmp_path / "pyenv"))
    monkeypatch.setenv("UV_PYTHON_INSTALL_DIR", str(tmp_path / "uv"))
    monkeypatch.setenv("PATH", "/nonexistent")
    monkeypatch.setattr("verify.interpreters.INSTALLED_PYTHONS", tmp_path / "none")
    assert newest_interpreter("3.15") is None


def test_an_interpreter_that_cannot_make_a_venv_fails_clearly():
    """The snippets run in a venv of each interpreter (verify.interpreters.clean_venv): one
    that cannot make it is named, with the fix, instead of a bare traceback."""
    with pytest.raises(RuntimeError, match=r"(?s)/bin/false could not make the venv.*\nFix:"):
        interpreters.clean_venv(Path("/bin/false"))
