"""The Schema and Dagsuppföljning pages, their models, the import flow and the cover dialog."""
