"""The Avvikelser page, its tabs, models and dialogs."""

HINT_OVERDUE = "overdue"
