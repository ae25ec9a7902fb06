"""The Månadsrapport page, its charts, model and the sync dialog."""

PAGE_ID = "manadsrapport"
