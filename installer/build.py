"""Builds the one-folder bundle (installer/enhetschef.spec) and, unless told not to, its
versioned archive; `--installer` also compiles the Windows installer script with makensis.

    python installer/build.py [--bundle-only] [--force] [--installer]

The bundle is rebuilt only when its inputs changed: the package, db/, resources/, the spec,
this script, pyproject.toml and the installed distributions (names and versions). Their digest
is kept in build/bundle-inputs.sha256; `--force` builds anyway. `make dist` runs this script,
and so does the smoke test of the frozen program before it runs the bundle.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import platform
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
import zipfile
from importlib import metadata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SPEC = REPO / "installer" / "enhetschef.spec"
NSIS_SCRIPT = REPO / "installer" / "windows" / "enhetschef.nsi"
DIST = REPO / "dist"
BUNDLE = DIST / "enhetschef"
WORK = REPO / "build" / "pyinstaller"
DIGEST_FILE = REPO / "build" / "bundle-inputs.sha256"
RECORD_FILE = REPO / "build" / "bundle-build.json"
INPUTS = (
    "enhetschef_app/**/*.py",
    "db/**/*",
    "resources/**/*",
    "docs/guide/**/*",
    "installer/enhetschef.spec",
    "installer/build.py",
    "pyproject.toml",
)
WINDOWS = sys.platform == "win32"


def version() -> str:
    with (REPO / "pyproject.toml").open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def program() -> Path:
    return BUNDLE / ("enhetschef.exe" if WINDOWS else "enhetschef")


def platform_tag() -> str:
    system = "windows" if WINDOWS else sys.platform
    return f"{system}-{platform.machine().lower()}"


def inputs_digest() -> str:
    digest = hashlib.sha256()
    for pattern in INPUTS:
        for path in sorted(REPO.glob(pattern)):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(REPO).as_posix().encode())
                digest.update(path.read_bytes())
    installed = sorted(
        f"{dist.metadata['Name']}=={dist.version}" for dist in metadata.distributions()
    )
    digest.update("\n".join([sys.version, *installed]).encode())
    return digest.hexdigest()


def folder_bytes(folder: Path) -> int:
    return sum(
        path.stat().st_size
        for path in folder.rglob("*")
        if path.is_file() and not path.is_symlink()
    )


def build_bundle(force: bool) -> bool:
    """Builds dist/enhetschef/ when its inputs changed; True when it was built."""
    digest = inputs_digest()
    current = DIGEST_FILE.exists() and DIGEST_FILE.read_text().strip() == digest
    if current and program().exists() and not force:
        print(f"Paketet är aktuellt: {BUNDLE.relative_to(REPO)}", flush=True)
        return False
    print("Bygger paketet med PyInstaller…", flush=True)
    began = time.perf_counter()
    DIGEST_FILE.unlink(missing_ok=True)
    command = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
        "--distpath", str(DIST), "--workpath", str(WORK), str(SPEC),
    ]  # fmt: skip
    subprocess.run(command, cwd=REPO, check=True)
    seconds = time.perf_counter() - began
    DIGEST_FILE.write_text(digest + "\n")
    size = folder_bytes(BUNDLE)
    record = {"seconds": round(seconds, 1), "bundle_bytes": size, "version": version()}
    RECORD_FILE.write_text(json.dumps(record, indent=2) + "\n")
    print(f"Byggt på {seconds:.0f} s: {BUNDLE.relative_to(REPO)} ({size / 2**20:.0f} MB)")
    return True


def build_archive() -> Path:
    """dist/enhetschef-<version>-<platform>.tar.gz (.zip on Windows), the folder inside."""
    name = f"enhetschef-{version()}-{platform_tag()}"
    for old in DIST.glob("enhetschef-*-*.*"):
        if old.suffix in (".gz", ".zip"):
            old.unlink()
    if WINDOWS:
        archive = DIST / f"{name}.zip"
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as handle:
            for path in sorted(BUNDLE.rglob("*")):
                handle.write(path, Path(name) / path.relative_to(BUNDLE))
    else:
        archive = DIST / f"{name}.tar.gz"
        with tarfile.open(archive, "w:gz", compresslevel=6) as handle:
            handle.add(BUNDLE, arcname=name)
    print(f"Arkiv: {archive.relative_to(REPO)} ({archive.stat().st_size / 2**20:.0f} MB)")
    return archive


def build_installer() -> Path:
    """The Windows installer from the bundle. On Linux the bundle is only a stand-in payload:
    the result checks the script, it installs nothing a Windows user could run."""
    makensis = shutil.which("makensis")
    if makensis is None:
        raise SystemExit("makensis saknas: installera NSIS (Debian: nsis).")
    out = DIST / f"Enhetschef-{version()}-setup.exe"
    command = [
        makensis, "-V2", "-WX", f"-DVERSION={version()}", f"-DPAYLOAD={BUNDLE}",
        f"-DOUTFILE={out}", str(NSIS_SCRIPT),
    ]  # fmt: skip
    subprocess.run(command, cwd=NSIS_SCRIPT.parent, check=True)
    print(f"Installationsprogram: {out.relative_to(REPO)}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle-only", action="store_true", help="no archive")
    parser.add_argument("--force", action="store_true", help="build even if nothing changed")
    parser.add_argument("--installer", action="store_true", help="compile the NSIS script too")
    args = parser.parse_args(argv)
    built = build_bundle(args.force)
    if not args.bundle_only:
        name = f"enhetschef-{version()}-{platform_tag()}"
        archives = [DIST / f"{name}.tar.gz", DIST / f"{name}.zip"]
        if built or not any(path.exists() for path in archives):
            build_archive()
    if args.installer:
        build_installer()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
