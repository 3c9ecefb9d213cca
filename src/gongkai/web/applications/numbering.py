"""Registration numbers and query codes.

Numbers are unique per agency and year even under concurrent submissions: the counter row is
locked with SELECT ... FOR UPDATE (PostgreSQL) -- on SQLite the IMMEDIATE transaction mode set in
settings serialises writers -- and a unique constraint on (agency, year, serial) backs it up.
"""

from __future__ import annotations

import re
import secrets

from django.db import transaction
from django.db.models import QuerySet
from django.utils.crypto import constant_time_compare, salted_hmac

from gongkai.web.accounts.models import Agency
from gongkai.web.applications.models import Application, RegistrationCounter

#: No 0/O, 1/I/L: the code is read aloud over the phone and typed from paper receipts.
_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 8


def next_serial(agency: Agency, year: int) -> int:
    """Take the next serial of ``agency`` in ``year``; must run inside the caller's transaction."""
    assert transaction.get_connection().in_atomic_block, "next_serial must run inside a transaction"
    return RegistrationCounter.take_next(agency.pk, year)


def format_number(agency: Agency, year: int, serial: int) -> str:
    """平科 2026 12 -> 平科依申〔2026〕0012号 (the usual 文号-like form of a registration number)."""
    return f"{agency.number_prefix}依申〔{year}〕{serial:04d}号"


def new_query_code() -> str:
    return "".join(secrets.choice(_ALPHABET) for _ in range(CODE_LENGTH))


def hash_query_code(number: str, code: str) -> str:
    # A keyed hash, not the code: a leaked database does not let anyone follow someone's case.
    return salted_hmac("gongkai.query-code", f"{number}:{normalise_code(code)}").hexdigest()


def normalise_code(code: str) -> str:
    return code.strip().upper().replace(" ", "")


def check_query_code(number: str, code: str, stored_hash: str) -> bool:
    return constant_time_compare(hash_query_code(number, code), stored_hash)


#: The brackets people type around the year instead of 〔〕 (六角括号, GB/T 9704): 【】, [], ［］,
#: (), （）, 〈〉.
_BRACKETS = str.maketrans("【[［(（〈】]］)）〉", "〔〔〔〔〔〔〕〕〕〕〕〕")
_TYPED = re.compile(r"^(?P<prefix>.*?)〔(?P<year>\d{4})〕0*(?P<serial>\d+)号?$")


def normalise_number(text: str) -> str:
    """A typed registration number with its brackets made 〔〕 and the spaces dropped."""
    return re.sub(r"\s+", "", text).translate(_BRACKETS)


def applications_numbered(text: str) -> QuerySet[Application]:
    """The applications a typed registration number may mean (issue 17): 平科依申〔2026〕0012号 typed
    with 【】, [], () or without the serial's zeros, or the bare serial (12, 0012) -- the query
    code, checked against each, then tells which one it is."""
    typed = normalise_number(text)
    if typed.isdigit():
        return Application.objects.filter(serial=int(typed))
    match = _TYPED.match(typed)
    if match is None:
        return Application.objects.filter(number=typed)
    found = Application.objects.filter(year=int(match["year"]), serial=int(match["serial"]))
    return found.filter(number__startswith=match["prefix"]) if match["prefix"] else found
