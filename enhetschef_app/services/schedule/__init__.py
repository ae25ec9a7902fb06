"""Schema and dagsuppföljning: the schedule import, the week, the rest and working-time checks,
staffing need, and covering an empty row."""
