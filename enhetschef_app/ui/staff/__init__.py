"""The Personal page, its model, the employee dialog and the staff import flow."""
