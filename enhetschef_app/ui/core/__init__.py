"""The program's own pages: settings with privacy, gallring and the audit log, and
neighbour units."""
