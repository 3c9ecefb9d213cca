"""A supervisor's view of its agencies' annual reports (issue 8)."""
