"""Medarbetarsamtal, competence, introduction and exit talks."""
