"""Gongkai (公开): software for Chinese government information disclosure work.

The packages directly under ``gongkai`` (except ``gongkai.web``) form the pure domain core and
never import Django; ``tests/domain/test_architecture.py`` enforces it.
"""

__version__ = "0.1.0"
