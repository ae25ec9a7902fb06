"""Every string the window shows goes through tr(), and the translation source file follows the
code (vorta's translations drifted from its source: PR #2546)."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
UI_SOURCES = [
    *sorted((REPO / "enhetschef_app" / "ui").rglob("*.py")),
    REPO / "enhetschef_app" / "app.py",
]
TS_FILE = REPO / "resources" / "translations" / "enhetschef_sv.ts"
LUPDATE = Path(sys.executable).parent / "pyside6-lupdate"

SHOWN_BY_METHOD = {
    "setText",
    "setWindowTitle",
    "setToolTip",
    "setPlaceholderText",
    "addAction",
    "addMenu",
    "setStatusTip",
    "setHeaderData",
    "setTitle",
    "addItem",
    "addItems",
    "setWhatsThis",
    "setAccessibleName",
    "setAccessibleDescription",
    "setLabelText",
    "showMessage",
    "setInformativeText",
}
SHOWN_BY_CONSTRUCTOR = {
    "QLabel",
    "QPushButton",
    "QAction",
    "QGroupBox",
    "QCheckBox",
    "QRadioButton",
    "QMenu",
    "QToolButton",
    "QProgressDialog",
}
TRANSLATORS = {"tr", "translate"}
LETTER = re.compile(r"[^\W\d_]")


def _literal_words(node: ast.AST) -> str | None:
    """The text of a string literal (or f-string, or + of them) that holds letters."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value if LETTER.search(node.value) else None
    if isinstance(node, ast.JoinedStr):
        text = "".join(
            part.value
            for part in node.values
            if isinstance(part, ast.Constant) and isinstance(part.value, str)
        )
        return text if LETTER.search(text) else None
    if isinstance(node, ast.BinOp):
        return _literal_words(node.left) or _literal_words(node.right)
    return None


def _called_name(call: ast.Call) -> tuple[str | None, str]:
    """(owner, name): ('QMessageBox', 'warning') for QMessageBox.warning(...), (None, 'QLabel')."""
    func = call.func
    if isinstance(func, ast.Name):
        return None, func.id
    if isinstance(func, ast.Attribute):
        owner = func.value.id if isinstance(func.value, ast.Name) else None
        return owner, func.attr
    return None, ""


def untranslated_strings(source: str, file_name: str = "<kod>") -> list[str]:
    found: list[str] = []
    for node in ast.walk(ast.parse(source, file_name)):
        if not isinstance(node, ast.Call):
            continue
        owner, name = _called_name(node)
        arguments = [*node.args, *(keyword.value for keyword in node.keywords)]
        if name in TRANSLATORS:
            # lupdate reads only plain literals: an f-string or a variable is never translated.
            position = 1 if name == "translate" else 0  # translate(context, text)
            text_argument = node.args[position] if len(node.args) > position else None
            if text_argument is not None and not (
                isinstance(text_argument, ast.Constant) and isinstance(text_argument.value, str)
            ):
                found.append(f"{file_name}:{node.lineno}: {name}() needs a plain string literal")
            continue
        shown = owner == "QMessageBox" or name in SHOWN_BY_METHOD or name in SHOWN_BY_CONSTRUCTOR
        if not shown:
            continue
        for argument in arguments:
            words = _literal_words(argument)
            if words is not None:
                found.append(f"{file_name}:{node.lineno}: {name}({words!r}) without tr()")
    return found


def test_the_check_finds_untranslated_strings() -> None:
    bad = """
QLabel("Hej")
label.setText(f"Namn {name}")
QMessageBox.warning(self, "Fel", text)
self.tr(f"Sparat {n}")
button.setToolTip("Spara " + name)
menu.addAction(QAction(icon, "Avsluta", self))
"""
    problems = untranslated_strings(bad)
    assert len(problems) == 6, problems

    good = """
QLabel(self.tr("Hej"))
label.setText(self.tr("Namn {0}").format(name))
QMessageBox.warning(self, self.tr("Fel"), message)
label.setText("")
label.setText("07:00–15:30")
QCoreApplication.translate("app", "Enhetschef")
widget.setObjectName("navigation")
label.setProperty("role", "help")
"""
    assert untranslated_strings(good) == []


def test_every_shown_string_in_the_ui_goes_through_tr() -> None:
    assert UI_SOURCES, "no UI sources found"
    problems: list[str] = []
    for path in UI_SOURCES:
        problems += untranslated_strings(
            path.read_text(encoding="utf-8"), str(path.relative_to(REPO))
        )
    assert problems == []


def _messages(ts_file: Path) -> set[tuple[str, str]]:
    root = ET.parse(ts_file).getroot()
    return {
        (context.findtext("name") or "", message.findtext("source") or "")
        for context in root.iter("context")
        for message in context.iter("message")
    }


def test_translation_source_file_is_up_to_date(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [
            str(LUPDATE),
            "-extensions",
            "py",
            "-no-obsolete",
            "-locations",
            "none",
            "-source-language",
            "sv_SE",
            "-target-language",
            "sv_SE",
            "enhetschef_app/ui",
            "enhetschef_app/app.py",
            "-ts",
            str(fresh),
        ],
        cwd=REPO,
        check=True,
        capture_output=True,
        timeout=120,
    )
    missing = _messages(fresh) - _messages(TS_FILE)
    stale = _messages(TS_FILE) - _messages(fresh)
    assert not missing and not stale, (
        "resources/translations/enhetschef_sv.ts does not match the code; run `make translations`."
        f" Missing: {sorted(missing)[:5]} Stale: {sorted(stale)[:5]}"
    )
    assert (TS_FILE.parent / "enhetschef_sv.qm").exists()
