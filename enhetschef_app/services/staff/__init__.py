"""Personal: the staff list and its import."""
