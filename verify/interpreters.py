"""Which Python runs the snippets for each 3.X, and the clean venv it runs them in."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from functools import cache
from pathlib import Path

import pytest

from verify.project import REPO, VERSIONS, in_ci, version_key

# Where tools/install_pythons.sh puts them: this checkout's, also for SNIPPETS_ROOT projects.
INSTALLED_PYTHONS = REPO / ".cache" / "pythons"


def _interpreter_candidates(version: str) -> list[Path]:
    """Every python3.X we can find: our own installs, pyenv's, uv's, then PATH."""
    pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    uv = Path(
        os.environ.get("UV_PYTHON_INSTALL_DIR", Path.home() / ".local" / "share" / "uv" / "python")
    )
    found = [
        *INSTALLED_PYTHONS.glob(f"{version}.*/bin/python3"),
        *pyenv.glob(f"{version}.*/bin/python3"),
        # uv names them cpython-3.14.2-linux-x86_64-gnu; "+freethreaded" builds are another ABI.
        *(p for p in uv.glob(f"cpython-{version}.*/bin/python{version}") if "+" not in str(p)),
    ]
    on_path = shutil.which(f"python{version}")
    return found + ([Path(on_path)] if on_path else [])


def _release(python: Path) -> tuple[int, ...] | None:
    """The exact release an interpreter is (3, 13, 18), or None if it does not run."""
    try:
        out = subprocess.run(
            [str(python), "-c", "import sys; print(*sys.version_info[:3])"],
            capture_output=True,
            text=True,
            timeout=30,
        ).stdout
        return tuple(int(part) for part in out.split())
    except (OSError, ValueError, subprocess.SubprocessError):
        return None


@cache
def find_interpreters() -> dict[str, Path | None]:
    """For each supported 3.X, the python that runs the snippets: a clean venv
    (see clean_venv) of the newest patch release found (see _interpreter_candidates)."""
    return {
        version: clean_venv(base) if base else None
        for version, base in found_interpreters().items()
    }


@cache
def found_interpreters() -> dict[str, Path | None]:
    """For each supported 3.X, the newest patch release found, as installed."""
    return {version: newest_interpreter(version) for version in VERSIONS}


VENVS = INSTALLED_PYTHONS.parent / "venvs"


def clean_venv(base: Path) -> Path:
    """A venv of `base` with nothing installed, made once in .cache/venvs/.

    Snippets run there, as on a reader's fresh Python: whatever the
    interpreter's own site-packages hold (packages, or .pth files that run at
    every start-up, such as a CA-injection hook costing 40 ms a run on pyenv's
    builds here) cannot change an output or the suite's speed."""
    release = ".".join(map(str, _release(base) or ("unknown",)))
    tag = hashlib.sha256(str(base).encode()).hexdigest()[:8]
    venv = VENVS / f"{release}-{tag}"
    python = venv / "bin" / "python"
    if python.exists():
        return python
    VENVS.mkdir(parents=True, exist_ok=True)
    # Made aside, then renamed into place: pytest-xdist workers may race here.
    tmp = Path(tempfile.mkdtemp(dir=VENVS, prefix=".new-"))
    try:
        made = subprocess.run(
            # resolve(): the venv's home must be the real binary's folder, beside
            # its lib/ (Debian-unpacked 3.13 finds no stdlib from our bin/ links).
            [str(base.resolve()), "-m", "venv", "--without-pip", str(tmp)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        if made.returncode != 0:
            raise RuntimeError(
                f"{base} could not make the venv the snippets run in ({venv}): "
                f"{made.stderr.strip()[-500:]}\nFix: give that Python its venv module "
                f"(Debian: apt-get install python3.X-venv), or remove it from where the "
                f"harness looks (Contributing, Setting up)"
            )
        try:
            tmp.rename(venv)
        except OSError:  # another worker made it first
            if not python.exists():
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return python


def newest_interpreter(version: str) -> Path | None:
    """The candidate for `version` with the highest patch release that actually runs."""
    releases = [(_release(p), p) for p in _interpreter_candidates(version) if p.exists()]
    working = [(r, p) for r, p in releases if r and r[:2] == version_key(version)]
    return max(working, key=lambda item: item[0])[1] if working else None


@cache
def interpreter_release(version: str) -> str | None:
    """'3.13.18': the exact release the snippets run on for `version`."""
    python = find_interpreters()[version]
    release = _release(python) if python else None
    return ".".join(map(str, release)) if release else None


def python_name(version: str) -> str:
    """'Python 3.14 (3.14.10)': failures name the exact release, since patch releases differ."""
    release = interpreter_release(version) if version in VERSIONS else None
    return f"Python {version} ({release})" if release else f"Python {version}"


def interpreter_or_skip(version: str) -> Path:
    """The snippet Python for `version`; a visible skip locally, a failure in CI."""
    python = find_interpreters()[version]
    if python is None:
        message = (
            f"Python {version} not found (looked in .cache/pythons/, ~/.pyenv/versions/, "
            f"uv's python folder and for python{version} on PATH); install it with "
            f"`tools/install_pythons.sh {version}` (or pyenv or uv)"
        )
        if in_ci():
            pytest.fail(f"{message}. CI must verify every supported version.", pytrace=False)
        pytest.skip(message)
    return python
