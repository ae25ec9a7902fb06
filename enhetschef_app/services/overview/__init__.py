"""Översikt: one day of the unit at a glance, asked of each area."""
