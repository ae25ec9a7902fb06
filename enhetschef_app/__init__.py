"""Enhetschef: the unit manager's desktop tool for Swedish municipal care."""

__version__ = "0.1.0"
