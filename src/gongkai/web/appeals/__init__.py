"""Reconsideration and litigation records behind table 4 (issue 8)."""
