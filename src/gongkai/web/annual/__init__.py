"""One agency's annual report: generated, edited, checked, published (issue 8)."""
