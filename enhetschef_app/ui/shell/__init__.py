"""What every area's pages share: the main window (the one place that knows every page), the page
base, the background worker, the change signal, shared widgets, table model base, formatting,
icons and the shared dialogs."""
