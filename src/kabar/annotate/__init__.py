"""Annotate: entities with canonical ids, dates on the calendar, quotes with their speakers."""
