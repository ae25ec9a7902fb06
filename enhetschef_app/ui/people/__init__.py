"""The Medarbetarsamtal page, its tabs, models and dialogs."""
