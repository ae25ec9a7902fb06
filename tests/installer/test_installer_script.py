"""What the Windows installer script promises a user without admin rights, read from the script
itself (installing on Windows cannot run here; test_frozen_program compiles it with makensis)."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "installer" / "windows" / "enhetschef.nsi"


def statements() -> list[str]:
    """The script's lines without comments, blank lines and continuation breaks."""
    text = SCRIPT.read_text(encoding="utf-8").replace("\\\n", " ")
    lines = [line.split(";", 1)[0].strip() for line in text.splitlines()]
    return [line for line in lines if line]


def section(name: str) -> list[str]:
    lines = statements()
    start = next(i for i, line in enumerate(lines) if line.startswith(f'Section "{name}"'))
    end = next(i for i in range(start, len(lines)) if lines[i] == "SectionEnd")
    return lines[start:end]


def test_installs_for_the_user_alone_into_local_app_data_programs() -> None:
    lines = statements()
    assert "RequestExecutionLevel user" in lines
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\${APP_NAME}"' in lines
    assert '!define APP_NAME "Enhetschef"' in lines
    # Nothing machine-wide: no HKLM, no all-users shell folders.
    assert not [line for line in lines if "HKLM" in line or "SetShellVarContext all" in line]


def test_start_menu_shortcut_always_and_desktop_shortcut_only_when_chosen() -> None:
    program = section("${APP_NAME}")
    assert any(line.startswith('CreateShortcut "$SMPROGRAMS\\') for line in program)
    desktop = [line for line in statements() if line.startswith("Section /o")]
    assert desktop == ['Section /o "Genväg på skrivbordet" SecDesktop']
    assert any(line.startswith('CreateShortcut "$DESKTOP\\') for line in section_after(desktop[0]))


def section_after(header: str) -> list[str]:
    lines = statements()
    start = lines.index(header)
    end = next(i for i in range(start, len(lines)) if lines[i] == "SectionEnd")
    return lines[start:end]


def test_no_file_type_is_associated() -> None:
    text = "\n".join(statements())
    assert not re.search(r"HKCR|Software\\Classes|\.xlsx|FileAssoc|SHChangeNotify", text, re.I)


def test_upgrade_replaces_the_program_where_it_is_installed() -> None:
    lines = statements()
    assert 'InstallDirRegKey HKCU "${APP_KEY}" "InstallDir"' in lines
    program = section("${APP_NAME}")
    # The old version's files go before the new ones are written, so none is left behind.
    removal = program.index('RMDir /r "$INSTDIR\\_internal"')
    assert removal < program.index('File /r "${PAYLOAD}\\*"')


def test_uninstall_leaves_the_data_folder_and_any_foreign_files() -> None:
    uninstall = section("Uninstall")
    deletions = [line for line in uninstall if line.startswith(("Delete ", "RMDir "))]
    assert deletions
    for line in deletions:
        target = line.split('"')[1]
        assert target.startswith(("$INSTDIR\\", "$SMPROGRAMS\\", "$DESKTOP\\")) or (
            line == 'RMDir "$INSTDIR"'  # not /r: removed only when empty
        ), line
    assert not any("$LOCALAPPDATA" in line for line in uninstall)
