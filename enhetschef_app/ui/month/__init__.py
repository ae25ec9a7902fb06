"""The Månadsrapport page, its charts, model and the sync dialog."""
