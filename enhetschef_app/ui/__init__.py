"""The Qt front end: main window, one page per area, table models, dialogs and workers.

It talks to `services` only (import-linter checks it); every string a user sees goes through
`tr()` so that `pyside6-lupdate` finds it.
"""
