"""Developer helpers behind `make run` and `make demo`: the demo database in the data folder."""

from __future__ import annotations

import sys

from enhetschef_app.paths import demo_database_path


def main(argv: list[str]) -> int:
    path = demo_database_path()
    if argv[:1] == ["demo-path"]:
        print(path)
        return 0
    if argv[:1] == ["ensure-demo"]:
        if "--fresh" in argv and path.exists():
            for leftover in path.parent.glob(path.name + "*"):
                leftover.unlink()
        if path.exists():
            print(f"Demodatabasen finns: {path}")
            return 0
        from enhetschef_app.cli import main as cli_main

        print(f"Skapar demodatabasen {path} …")
        return cli_main(["--db", str(path), "demo"])
    print("användning: python -m enhetschef_app.devtools demo-path | ensure-demo [--fresh]")
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
