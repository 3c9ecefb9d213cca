"""Gongkai's web system: a Django project on the domain core.

Only this package may import Django (tests/domain/test_architecture.py enforces it). Each app is
small and named for what it holds; every state change lives in the app's ``actions.py`` as
``do_<verb>_<noun>(..., *, acting_user)`` and every "who may" rule in its ``permissions.py``.
"""
