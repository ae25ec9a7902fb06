"""Item delegates: how a cell of a grid is drawn."""
