"""The command line's commands, one module per area. Each module has `register(subparsers)`,
which adds its commands with a `handler` default; `cli.py` lists the modules."""
