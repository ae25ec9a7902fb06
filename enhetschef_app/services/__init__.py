"""Use cases in the manager's words. The only layer that opens a session and commits."""
