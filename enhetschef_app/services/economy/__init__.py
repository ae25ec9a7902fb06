"""Personalekonomi: the unit's budget and booked utfall, the month's estimated cost and the
year's deviation and prognos (DOMAIN.md: Personnel economy)."""
