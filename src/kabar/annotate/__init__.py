"""Annotate: entities with canonical ids, dates on the calendar, quotes with their speakers.

`kabar.annotate.article.annotate` runs all three on one article; the parts live in their own
modules so each can be used (and imported) alone.
"""
