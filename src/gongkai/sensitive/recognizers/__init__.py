"""One small recogniser per kind of personal information, by kind: identifiers, phones, addresses,
names (see ``base`` for how a recogniser is written and joined)."""

from gongkai.sensitive.recognizers.addresses import ADDRESS_PATTERN, AddressRecognizer
from gongkai.sensitive.recognizers.base import (
    AFTER_FIRST,
    CJK,
    CONTEXT_WINDOW,
    Recognizer,
    _valid_birth_date,
    _valid_date,
)
from gongkai.sensitive.recognizers.identifiers import (
    BankCardRecognizer,
    EmailRecognizer,
    IdCardRecognizer,
    LicensePlateRecognizer,
    PassportRecognizer,
    UsccRecognizer,
)
from gongkai.sensitive.recognizers.names import _SURNAME, PersonNameRecognizer
from gongkai.sensitive.recognizers.phones import LandlinePhoneRecognizer, MobilePhoneRecognizer

__all__ = [
    "ADDRESS_PATTERN",
    "AFTER_FIRST",
    "CJK",
    "CONTEXT_WINDOW",
    "_SURNAME",
    "AddressRecognizer",
    "BankCardRecognizer",
    "EmailRecognizer",
    "IdCardRecognizer",
    "LandlinePhoneRecognizer",
    "LicensePlateRecognizer",
    "MobilePhoneRecognizer",
    "PassportRecognizer",
    "PersonNameRecognizer",
    "Recognizer",
    "UsccRecognizer",
    "_valid_birth_date",
    "_valid_date",
]
