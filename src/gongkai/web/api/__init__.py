"""The REST API with its OpenAPI document (issue 6)."""
