"""Editable letter templates (文书模板) per agency, issue 6."""
