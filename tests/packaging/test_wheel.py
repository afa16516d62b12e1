"""The built wheel carries the rule files and the sample: installed in a fresh environment (no checkout
beside it), `bbt-audit check` audits the bundled sample and `bbt-audit rules` lists the rules."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_wheel_installs_and_runs_without_the_checkout(tmp_path):
    dist = tmp_path / "dist"
    # built from a copy: setuptools keeps build/ in the tree it builds, and a file deleted since the last
    # build would otherwise still ship
    tree = tmp_path / "tree"
    shutil.copytree(ROOT, tree, symlinks=True,
                    ignore=shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info", "__pycache__"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "-w", str(dist), str(tree)], check=True, capture_output=True)
    wheel = next(dist.glob("bbt_auditor-*.whl"))
    env_dir = tmp_path / "env"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               check=True, capture_output=True, text=True).stdout.strip())
    # the dependencies come from this environment; the package itself only from the wheel
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps",
                    "--no-index", str(wheel)], check=True, capture_output=True)
    clean_env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    run = {"cwd": tmp_path, "capture_output": True, "text": True, "env": clean_env}
    where = subprocess.run([str(python), "-c", "import auditor; print(auditor.__file__)"], **run)
    assert str(site) in where.stdout, where
    check = subprocess.run([str(python), "-m", "auditor", "check", "-q"], **run)
    assert check.returncode == 1, check.stderr  # the sample's real error
    assert "sociale-economie-uitvoering-2024.txt" in check.stdout.replace("\n", "")
    rules = subprocess.run([str(python), "-m", "auditor", "rules"], **run)
    assert rules.returncode == 0 and "BBT-TXT-001" in rules.stdout
