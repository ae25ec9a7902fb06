"""The Övertid page, its model and the request and decision dialogs."""
