"""File formats: reading imported tables (xlsx, csv) and writing workbooks; no database."""
