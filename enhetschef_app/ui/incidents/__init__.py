"""The Avvikelser page, its tabs, models and dialogs."""
