"""Förvaltning: the VC's page of every unit side by side."""

PAGE_ID = "forvaltning"
