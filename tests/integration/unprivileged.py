"""Running the command line as a user whom file permissions bind. Tests and CI run as root,
where `chmod` does not stop writes; there the command runs without the capabilities that let
root write and search anywhere (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

DROPPED = "-dac_override,-dac_read_search,-fowner"


def run_unprivileged(arguments: list[str], log_dir: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "enhetschef_app", *arguments]
    if os.geteuid() == 0:
        command = ["setpriv", f"--bounding-set={DROPPED}", f"--inh-caps={DROPPED}", *command]
    env = {**os.environ, "ENHETSCHEF_LOG_DIR": str(log_dir)}
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=180)


def reachable_folder() -> Iterator[Path]:
    """A folder any user can reach, made writable again and removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="enhetschef-ro-"))
    folder.chmod(0o755)
    yield folder
    for path in [folder, *folder.rglob("*")]:
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() else 0o644)
    shutil.rmtree(folder)
