"""Reply drafts, review, issued letters and delivery records (issue 6)."""
