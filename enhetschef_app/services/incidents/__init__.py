"""Avvikelser: the workflow of Lex Sarah, Lex Maria and arbetsmiljö reports, their views and
statistics."""
