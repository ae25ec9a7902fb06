"""An import-linter contract for submodules of an external package. The built-in `forbidden`
contract accepts only the top of an external package (PySide6, not PySide6.QtWidgets), since
the import graph keeps externals at their top; this one reads the import lines themselves."""

from __future__ import annotations

import re
from typing import Any

from grimp import ImportGraph
from importlinter import Contract, ContractCheck, fields, output


class ForbiddenSubmodulesContract(Contract):
    """`source_modules` (and their descendants) must not import any of `forbidden_modules`
    (dotted names inside an external package, e.g. PySide6.QtWidgets)."""

    source_modules = fields.ListField(subfield=fields.ModuleField())
    forbidden_modules = fields.ListField(subfield=fields.StringField())

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        found: list[dict[str, Any]] = []
        for source in self.source_modules:  # type: ignore[attr-defined]
            modules = {source.name} | graph.find_descendants(source.name)
            for module in sorted(modules):
                for imported in sorted(graph.find_modules_directly_imported_by(module)):
                    for detail in graph.get_import_details(importer=module, imported=imported):
                        line = str(detail["line_contents"])
                        for forbidden in self.forbidden_modules:  # type: ignore[attr-defined]
                            if re.search(rf"(?<![\w.]){re.escape(forbidden)}(?![\w])", line):
                                found.append(
                                    {
                                        "module": module,
                                        "line": detail["line_number"],
                                        "forbidden": forbidden,
                                        "contents": line,
                                    }
                                )
        return ContractCheck(kept=not found, metadata={"found": found})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for item in check.metadata["found"]:
            output.print_error(
                f"{item['module']} (l. {item['line']}) imports {item['forbidden']}: "
                f"{item['contents']}"
            )
            output.new_line()
