"""The Övertid page, its model and the request and decision dialogs."""

PAGE_ID = "overtid"
HINT_WAITING = "waiting"  # what Översikt's line asks this page to show
