"""Read-side queries written for the screens and commands that need them; they aggregate in SQL."""
