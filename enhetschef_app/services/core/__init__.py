"""The program itself rather than one area: the open workspace and its unit, rule settings,
backups, what the database holds, neighbour units, privacy (gallring, the audit log, the
personal-data extract) and undoing an import."""
