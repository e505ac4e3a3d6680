"""The wheel carries the rule packs, data and schema: installed into a fresh virtual
environment outside the source tree, `mtlint rules` lists the built-in rules."""

from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_installs_and_lists_rules_outside_the_source_tree(tmp_path: Path) -> None:
    # Build from a copy: setuptools writes build/ and *.egg-info next to the sources, and
    # another run in the same checkout must not see them half-written.
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    for name in ("mtlint", "rules"):
        shutil.copytree(ROOT / name, source / name,
                        ignore=shutil.ignore_patterns("__pycache__"))
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
         "-w", str(wheels), str(source)],
        check=True, capture_output=True, timeout=300,
    )
    wheel = next(wheels.glob("mtlint-*.whl"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True,
                   timeout=120)
    python = venv / "bin" / "python"
    # The dependencies come from this environment (appended to the path, so the wheel
    # installed into the new environment is found first); nothing is downloaded.
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True).stdout.strip()
    outer = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"],
             *site.getsitepackages()}
    Path(purelib, "outer-deps.pth").write_text("\n".join(sorted(outer)) + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install",
                    "--no-deps", "-q", str(wheel)], check=True, capture_output=True, timeout=300)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    where = subprocess.run([str(python), "-c", "import mtlint;print(mtlint.__file__)"],
                           check=True, capture_output=True, text=True, cwd=tmp_path, env=env)
    assert where.stdout.startswith(str(venv)), where.stdout
    listed = subprocess.run([str(venv / "bin" / "mtlint"), "rules"], capture_output=True,
                            text=True, cwd=tmp_path, env=env, timeout=120)
    assert listed.returncode == 0, listed.stderr
    assert "quote-low-closing" in listed.stdout
    checked = subprocess.run(
        [str(venv / "bin" / "mtlint"), "check", "-", "--languagetool", "off", "-q"],
        input="Er nannte es „Bromance„ und lachte.\n", capture_output=True, text=True,
        cwd=tmp_path, env=env, timeout=120)
    assert checked.returncode == 1 and "quote-low-closing" in checked.stdout
