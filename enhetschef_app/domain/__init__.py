"""Pure rules and value types of the field: no Qt, no SQL, no I/O."""
