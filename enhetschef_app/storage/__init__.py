"""SQLite storage: ORM models, engine and sessions, migrations, backups and SQL aggregates."""
