"""Månadsrapport: the month's key figures, the report and its workbook, and the sync into the
shared workbook."""
