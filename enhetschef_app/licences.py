"""The licences of the libraries the program ships, read from the installed distributions.

From a checkout or an installed wheel they are read when asked, with `importlib.metadata`, for
every distribution the program needs at run time (its requirements, followed through). A
PyInstaller bundle holds no metadata for most of what it carries, so the spec writes the same
list, made by this module at build time, into the bundle as `licences.json`; the bundle reads
that. Only the standard library is used: Hjälp → Om Enhetschef needs nothing else.
"""

from __future__ import annotations

import json
import platform
import re
import sys
import sysconfig
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path

ROOT_DISTRIBUTION = "enhetschef"
LICENCES_FILE = "licences.json"

_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
_BRACKETS = re.compile(r"\[([^\]]*)\]")
_EXTRA = re.compile(r"extra\s*==\s*['\"]([^'\"]+)['\"]")
# The installer bundles the driver for a förvaltning's PostgreSQL server (pyproject's `server`).
SHIPPED_EXTRAS = frozenset({"server"})
_LICENCE_FILE = re.compile(r"(^|/)(LICEN[CS]E|COPYING|NOTICE)[^/]*$", re.IGNORECASE)
_CLASSIFIER = "License :: "
_SHORT_LICENCE = 80  # a longer License field is the licence text itself, not its name


@dataclass(frozen=True)
class Licence:
    name: str
    version: str
    licence: str  # the licence's name or SPDX expression, as the distribution states it
    homepage: str
    text: str  # the licence files the distribution ships, one after the other


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_distributions(
    root: str = ROOT_DISTRIBUTION, extras: frozenset[str] = SHIPPED_EXTRAS
) -> list[str]:
    """The installed distributions `root` needs at run time, followed through their own
    requirements; of the extras only those the program ships (`SHIPPED_EXTRAS`, and the extras
    such a requirement names in brackets) are followed. `root` is not listed."""
    seen: dict[str, str] = {}
    followed: set[tuple[str, frozenset[str]]] = set()
    waiting: list[tuple[str, frozenset[str]]] = [(root, extras)]
    while waiting:
        name, wanted_extras = waiting.pop()
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # a requirement for another platform or Python: not installed, not shipped
        key = canonical(_field(dist.metadata, "Name"))
        if (key, wanted_extras) in followed:
            continue
        followed.add((key, wanted_extras))
        seen[key] = _field(dist.metadata, "Name")
        for requirement in dist.requires or []:
            name_part, _, marker = requirement.partition(";")
            extra = _EXTRA.search(marker)
            if extra is not None and extra.group(1) not in wanted_extras:
                continue
            match = _NAME.match(name_part)
            if match:
                wanted = _BRACKETS.search(name_part)
                named = wanted.group(1).split(",") if wanted else []
                waiting.append((match.group(1), frozenset(part.strip() for part in named)))
    seen.pop(canonical(root), None)
    return sorted(seen.values(), key=str.lower)


def licence_of(name: str) -> Licence:
    dist = metadata.distribution(name)
    meta = dist.metadata
    return Licence(
        name=_field(meta, "Name"),
        version=dist.version,
        licence=_licence_name(meta),
        homepage=_homepage(meta),
        text=_licence_text(dist) or _standard_texts(_licence_name(meta)),
    )


def collect(names: list[str] | None = None) -> list[Licence]:
    """The licences of `names` (default: the runtime distributions), with Python's own first."""
    found = [python_licence()]
    found += [licence_of(name) for name in (names or runtime_distributions())]
    return found


def python_licence() -> Licence:
    text_file = Path(sysconfig.get_path("stdlib")) / "LICENSE.txt"
    return Licence(
        name="Python",
        version=platform.python_version(),
        licence="PSF-2.0",
        homepage="https://www.python.org/",
        text=text_file.read_text(encoding="utf-8") if text_file.exists() else "",
    )


def write(path: Path, licences: list[Licence]) -> None:
    data = [asdict(item) for item in licences]
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def read(path: Path) -> list[Licence]:
    return [Licence(**item) for item in json.loads(path.read_text(encoding="utf-8"))]


def bundled_licences() -> list[Licence]:
    """What the running program ships: the bundle's list when frozen, else read now."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return read(Path(bundle) / LICENCES_FILE)
    return collect()


def _field(meta: metadata.PackageMetadata, name: str) -> str:
    values = meta.get_all(name) or []
    return str(values[0]) if values else ""


def _licence_name(meta: metadata.PackageMetadata) -> str:
    expression = _field(meta, "License-Expression")
    if expression:
        return expression
    field = _field(meta, "License").strip()
    if field and "\n" not in field and len(field) <= _SHORT_LICENCE and field != "UNKNOWN":
        return field
    classifiers = [
        c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith(_CLASSIFIER)
    ]
    if classifiers:
        return " / ".join(classifiers)
    if field:
        return field.splitlines()[0].strip()[:_SHORT_LICENCE]
    return "okänd"


def _homepage(meta: metadata.PackageMetadata) -> str:
    page = _field(meta, "Home-page")
    if page:
        return page
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = str(entry).partition(",")
        if label.strip().lower() in ("homepage", "home", "source", "repository"):
            return url.strip()
    return ""


def _standard_texts(expression: str) -> str:
    """The texts of the licences named in `expression` that the program carries itself, for
    distributions that ship none (PySide6 and shiboken6 name the LGPL without its text)."""
    from enhetschef_app.paths import resources_dir

    folder = resources_dir() / "licences"
    parts = []
    for identifier in re.findall(r"[A-Za-z0-9.+-]+", expression):
        path = folder / f"{identifier}.txt"
        if path.exists():
            parts.append(f"{identifier}\n\n{path.read_text(encoding='utf-8').strip()}")
    return "\n\n".join(parts)


def _licence_text(dist: metadata.Distribution) -> str:
    parts: list[str] = []
    for file in dist.files or []:
        if ".dist-info/" not in file.as_posix() or not _LICENCE_FILE.search(file.as_posix()):
            continue
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        parts.append(f"{file.name}\n\n{text.strip()}")
    if not parts:
        field = _field(dist.metadata, "License").strip()
        if "\n" in field:
            parts.append(field)
    return "\n\n".join(parts)
