"""Enhetschef: the unit manager's desktop tool for Swedish municipal care."""

__all__ = ["__version__"]

try:
    # Written by the install from pyproject.toml's version (tool.hatch.build.hooks.version).
    from enhetschef_app._version import __version__
except ImportError:  # a checkout that was never installed
    __version__ = "0+okänd"
