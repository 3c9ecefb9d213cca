"""Packaged holiday schedules, one ``cn_YYYY.json`` per year (see gongkai.calendar.schedule)."""
