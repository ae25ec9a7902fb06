"""Övertid and mertid: requests, their evaluation against the rules, the EC's decisions and the
figures."""
