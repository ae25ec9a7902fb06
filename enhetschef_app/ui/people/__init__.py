"""The Medarbetarsamtal page, its tabs, models and dialogs."""

PAGE_ID = "medarbetarsamtal"
