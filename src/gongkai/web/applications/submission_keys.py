"""One-time submission keys: filing an application form twice files it once (issue 17, point 4).

Every application form (the public form and the staff intake form) carries a hidden key. The key
is a random token signed by the server (``django.core.signing``), so only keys this server issued
are accepted, for :data:`KEY_MAX_AGE` seconds. Submitting consumes it: the action registering the
application stores the key's hash in ``SubmissionKey`` (unique) in the same transaction. A second
POST with the same key -- a reload, the back button, a double click, two concurrent requests --
finds the stored key and shows the first receipt; it never takes a new number.

The receipt page after the redirect (POST/redirect/GET) is addressed by the key itself: whoever
holds the key submitted the form. It shows the query code again, which is otherwise stored only as
a keyed hash: the code is kept sealed with the key (:func:`seal`), so the database alone does not
reveal it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from collections.abc import Mapping
from typing import Any

from django.core import signing

_SALT = "gongkai.submission-key"
#: How long a form may stay open before it must be reloaded (a day; the form keeps what was typed).
KEY_MAX_AGE = 24 * 3600
FIELD_NAME = "submission_key"


def new_key() -> str:
    """A fresh signed key for one form."""
    return signing.TimestampSigner(salt=_SALT).sign(secrets.token_urlsafe(24))


def valid(key: str, *, max_age: int | None = KEY_MAX_AGE) -> bool:
    """Whether ``key`` was issued by this server (and, with ``max_age``, recently enough)."""
    try:
        signing.TimestampSigner(salt=_SALT).unsign(key, max_age=max_age)
    except signing.BadSignature:
        return False
    return True


def key_hash(key: str) -> str:
    """What is stored of the key: its SHA-256 (the key itself addresses the receipt page)."""
    return hashlib.sha256(key.encode()).hexdigest()


def _pad(key: str, length: int) -> bytes:
    pad = hmac.new(key.encode(), b"gongkai.query-code-seal", hashlib.sha256).digest()
    if length > len(pad):
        raise ValueError("query code too long to seal")
    return pad[:length]


def seal(key: str, code: str) -> str:
    """The query code encrypted with a pad derived from the key (HMAC-SHA256, used once for one
    short value). Written by hand because the project has no cryptography dependency and this
    needs none: the pad is a PRF output under a 144-bit random secret that is never stored."""
    raw = code.encode()
    return bytes(a ^ b for a, b in zip(raw, _pad(key, len(raw)), strict=True)).hex()


def unseal(key: str, sealed: str) -> str:
    raw = bytes.fromhex(sealed)
    return bytes(a ^ b for a, b in zip(raw, _pad(key, len(raw)), strict=True)).decode()


#: Session entry: the forms this browser filed, by the fingerprint of what they said.
_FILED = "gongkai_filed_forms"


def fingerprint(data: Mapping[str, Any]) -> str:
    """What a filled form says (model instances by their primary key), as one hash."""
    plain = {k: getattr(v, "pk", v) for k, v in sorted(data.items())}
    return hashlib.sha256(json.dumps(plain, ensure_ascii=False, default=str).encode()).hexdigest()


def remember(session: Any, data: Mapping[str, Any], key: str) -> None:
    """Note in the browser's session that it filed ``data`` with ``key`` (the last 20 forms)."""
    filed = dict(session.get(_FILED, {}))
    filed[fingerprint(data)] = key
    session[_FILED] = dict(list(filed.items())[-20:])


def filed_before(session: Any, data: Mapping[str, Any]) -> str | None:
    """The key with which this browser already filed the very same form, if it did recently.

    Going back to the filled form and submitting it again is a reload of a page that the browser
    fetches anew -- with a fresh key (the page varies with the cookies, which the filing changed) --
    and the fields it restores: the same form, filed once."""
    key = session.get(_FILED, {}).get(fingerprint(data))
    return key if key is not None and valid(key) else None
