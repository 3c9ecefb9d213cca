"""Recognisers of identifiers with a check or a fixed shape.

身份证, 银行卡, 统一社会信用代码, 护照, 机动车号牌 and e-mail addresses.
"""

from __future__ import annotations

import calendar
import re

from gongkai.sensitive import lexicon
from gongkai.sensitive.checksums import (
    ID_CHECK_CHARS,
    luhn_is_valid,
    org_code_is_valid,
    registration_number_is_valid,
    uscc_is_valid,
)
from gongkai.sensitive.model import Kind
from gongkai.sensitive.recognizers.base import (
    _CALENDAR_DAYS,
    _END,
    AFTER_FIRST,
    CONTEXT_WINDOW,
    Recognizer,
    _compact,
    _valid_birth_date,
)
from gongkai.sensitive.recognizers.table_columns import in_other_number_column

# For each check value, the characters accepted as the 18th one ("x" for "X"): a membership test
# spares the ``upper()`` call per identity-like number.
_ID_CHECK_ACCEPTED = tuple(ch + ch.lower() if ch == "X" else ch for ch in ID_CHECK_CHARS)

_MMDD = r"(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
# Labels of numbers that are neither cards nor identity numbers: registrations, certificates,
# examinations, files. (A bare "证号" may be an old identity number's: "原证号".)
_OTHER_NUMBER_LABELS = ("报名号", "考号", "学号", "编号", "准考证", "许可证", "执业证", "资格证", "登记号")
# One search per card-like number (a test per label cost 3 M instructions per pass).
# A deposit slip's number (存单号) is no card even in a sentence about a bank.
_NOT_CARD_RE = re.compile("|".join(("存单号", *_OTHER_NUMBER_LABELS, "证号")))


class IdCardRecognizer(Recognizer):
    """居民身份证号码: GB 11643 (18 characters, check character 0-9/X) and the 15-digit legacy form."""

    kind = Kind.ID_CARD
    first = "[1-9]"
    # Printed in groups (330482 19690211 3224, 330482 1969 0211 3224), and in a table row flattened
    # to text an 18-character number followed at once by another cell's 1-3 digits ("…3118" + "42"):
    # the first 18 characters are read, their check character deciding.
    rest = (
        AFTER_FIRST
        + rf"(?:\d{{5}}[ -]?(?:18|19|20)\d\d[ -]?{_MMDD}[ -]?\d{{3}}[\dXx](?:{_END}|(?=\d{{1,3}}{_END}))"
        # The 15-digit form may run on into the next cell's one or two digits as well.
        + rf"|\d{{7}}{_MMDD}\d{{3}}(?:{_END}|(?=\d{{1,2}}{_END})))"
    )
    score = 0.99
    explanation = "18 位身份证号码，校验码、地区码、出生日期均有效"
    context = ("身份证", "证件号", "公民身份号码", "身份号码")
    context_score = 0.95  # for the 15-digit form; an 18-digit number with its check digit scores 0.99

    def validate(self, value: str, norm: str, start: int) -> tuple[float, str] | None:
        digits = value if len(value) in (15, 18) else _compact(value)
        if digits[:2] not in lexicon.PROVINCE_CODES:
            return None
        if len(digits) == 18:
            # ``id_card_check_char`` and ``_valid_birth_date`` written out: this runs for every
            # identity-like number, and each call and slice is a measurable share of the scan.
            # ``\d`` also admits other scripts' digits (٠١٢...), which no real number is written in:
            # they are turned away here (``id_card_check_char`` would refuse them with an error).
            first17 = digits[:17]
            if not first17.isascii() or digits[17] not in _ID_CHECK_ACCEPTED[2 * int(first17, 13) % 11]:
                return None
            # ASCII digits: the calendar-day set answers alone, but for 29 February.
            mmdd = digits[10:14]
            if mmdd not in _CALENDAR_DAYS or (mmdd == "0229" and not calendar.isleap(int(digits[6:10]))):
                return None
            if norm[start + len(value) : start + len(value) + 1].isdigit():
                return self._run_on(digits, norm, start + len(value))
            return self.score, self.explanation
        return self._legacy(digits, norm, start)

    @staticmethod
    def _run_on(digits: str, norm: str, end: int) -> tuple[float, str] | None:
        """An 18-character number with 1-3 more digits after it (from ``end`` on): a run-on table
        cell, unless the whole run is a bank card (Luhn, issuer prefix, at most 19 digits: ISO/IEC
        7812), which then wins. A 残疾人证号 is the ID number and two digits: 20, never a card."""
        run = digits + _digits_at(norm, end)
        if len(run) <= 19 and run.startswith(_BANK_PREFIXES) and luhn_is_valid(run):
            return None
        return 0.9, "身份证号码（校验码有效）后紧接其他数字，疑为表格相邻单元格"

    @staticmethod
    def _legacy(digits: str, norm: str, start: int) -> tuple[float, str] | None:
        # The legacy 15-digit number (issued 1984-1999) has no check digit: region and birth date are
        # all there is. GB/T 2260 region: a province, then a prefecture 01-70 or 90 (counties under
        # the province) and a county other than 00; the prefecture table itself is not checked, as
        # numbers keep the codes of prefectures renamed since (342622 of the former 巢湖地区).
        region, mmdd = digits[2:4], digits[8:12]
        if not ("01" <= region <= "70" or region == "90") or digits[4:6] == "00":
            return None
        if not _valid_birth_date(1900 + int(digits[6:8]), mmdd):
            return None
        window = norm[max(0, start - CONTEXT_WINDOW) : start]
        if "注册号" in window or (
            "身份" not in window and any(label in window for label in _OTHER_NUMBER_LABELS)
        ):
            return None
        if norm[start - 1 : start] in ("\t", "|", " ") and in_other_number_column(norm, start):
            # A licence number in a column headed 许可证编号 may start with the issuing region and
            # a date that reads as a birth date: the header says what it is.
            return None
        end = start + 15
        if norm[end : end + 1].isdigit():
            # Run on into a neighbouring cell ("…208242" + "42"), unless the whole run is a card,
            # or goes on after a space (a card printed in groups: "6212 2612 0201 8754 227").
            more = _digits_at(norm, end)
            run = digits + more
            if (run.startswith(_BANK_PREFIXES) and luhn_is_valid(run)) or norm[
                end + len(more) : end + len(more) + 2
            ].lstrip(" -")[:1].isdigit():
                return None
        if (
            registration_number_is_valid(digits)
            and ("身份证" not in norm or "注册号" in norm)
            and not _after_a_person(norm, start)
        ):
            # The old business registration number (注册号, GB/T 17710 check digit) has the same
            # shape: one identity number in ten passes its check by chance, so only a label nearby,
            # or a document about identity cards and not registrations, decides.
            return 0.45, "15 位数字，也符合旧工商注册号校验，需“身份证”等提示词"
        return 0.8, "15 位旧身份证号码，地区码、出生日期有效（无校验码）"


def _dated(digits: str) -> bool:
    """Whether a date (19xx/20xx, a calendar day) follows a 4- or 6-digit region code."""
    return (digits[4:6] in ("19", "20") and digits[8:12] in _CALENDAR_DAYS) or (
        digits[6:8] in ("19", "20") and digits[10:14] in _CALENDAR_DAYS
    )


def _digits_at(norm: str, end: int) -> str:
    """The run of digits starting at ``end``."""
    more = end
    while more < len(norm) and norm[more].isdigit():
        more += 1
    return norm[end:more]


def _after_a_person(norm: str, start: int) -> bool:
    """Whether the number at ``start`` is bracketed right after a name ("刘某某（2311…）"), where
    an 18-digit identity number stands in lists; a company's registration number follows a name
    ending in 公司, 店, 厂 …, an office or a place."""
    return (
        start >= 2
        and norm[start - 1] in "（("
        and "\u4e00" <= norm[start - 2] <= "\u9fff"
        and norm[start - 2] not in lexicon.ORG_PLACE_SUFFIXES
        and norm[start - 2] not in "号码"
    )


class EmailRecognizer(Recognizer):
    """电子邮箱. A masked local part (z***@qq.com) does not match: '*' may not precede the part."""

    kind = Kind.EMAIL
    first = "[A-Za-z0-9]"
    rest = (
        # "*+" (possessive): "@" is not in the class, so giving characters back cannot help; without
        # it every number run ("2023.05.01") is read to its end and then given back one by one.
        r"(?<![A-Za-z0-9._%+*-].)[A-Za-z0-9._%+-]*+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
        r"(?![A-Za-z0-9-])"
    )
    score = 0.95
    explanation = "电子邮箱地址"


def _looks_like_id(digits: str) -> bool:
    return digits[:2] in lexicon.PROVINCE_CODES and _valid_birth_date(int(digits[6:10]), digits[10:14])


# Issuer prefixes of cards issued in China (ISO/IEC 7812 IIN ranges): 62 银联, 4 Visa, 51-55 and
# 22-27 Mastercard, 35 JCB, 60/65 (银联 co-branded, Discover), 94/95 (e.g. 9558 工商银行 legacy).
_BANK_PREFIXES = (
    "62",
    "4",
    "51",
    "52",
    "53",
    "54",
    "55",
    "22",
    "23",
    "24",
    "25",
    "26",
    "27",
    "35",
    "60",
    "65",
    "94",
    "95",
)


class BankCardRecognizer(Recognizer):
    """银行卡号: 16-19 digits (groups of 4 allowed), a known issuer prefix, Luhn check."""

    kind = Kind.BANK_CARD
    first = r"\d"
    # Groups of four, or the bank's 6-digit BIN then the rest (622202 1234567890123).
    rest = AFTER_FIRST + r"(?:\d{3}(?:[ -]?\d{4}){3}(?:[ -]?\d{1,3})?|\d{5} \d{10,13})" + _END
    score = 0.95
    explanation = "银行卡号，发卡行前缀有效且通过 Luhn 校验"
    context = ("卡号", "账号", "帐号", "银行", "账户", "帐户")
    context_score = 0.995
    # ``validate`` requires an issuer prefix; the expression reads four digits before any separator.
    value_prefixes = _BANK_PREFIXES

    def validate(self, value: str, norm: str, start: int) -> tuple[float, str] | None:
        # Most card numbers are written without separators: one C test spares two ``replace`` calls.
        digits = value if value.isdigit() else _compact(value)
        if not 16 <= len(digits) <= 19 or not digits.startswith(_BANK_PREFIXES) or not luhn_is_valid(digits):
            return None
        labelled = _NOT_CARD_RE.search(norm, max(0, start - CONTEXT_WINDOW), start)
        if labelled and (not self.has_context(norm, start) or labelled[0] == "存单号"):
            # A number labelled as another document's ("报名号", "证号", "编号"): Luhn passes one
            # number in ten by chance.
            return None
        if (
            _dated(digits)
            and norm[start - 1 : start] in ("\t", "|", " ")
            and in_other_number_column(norm, start)
        ):
            # A licence numbered by its issuer's region and its date (6201 20250618 0021) in a
            # column headed 注册证编号 or 许可证号 passes Luhn one time in ten; the header says what
            # it is. (Only such dated numbers: a real card's digits are a date by chance.)
            return None
        if len(digits) == 18 and _looks_like_id(digits):
            # An 18-digit number with a region code and a birth date is a (mistyped) identity number
            # far more often than one of the rare 18-digit cards: only a label makes it a card.
            return 0.4, "18 位数字，形似身份证号码，需“卡号/账号”等提示词"
        return self.score, self.explanation


# GB 32100 表 1: registering authority (first character) and the categories it issues (second).
USCC_CATEGORIES = frozenset(
    [
        "11",
        "12",
        "13",
        "19",
        "21",
        "29",
        "31",
        "32",
        "33",
        "34",
        "35",
        "39",
        "41",
        "49",
        "51",
        "52",
        "53",
        "59",
        "61",
        "62",
        "69",
        "71",
        "72",
        "79",
        "81",
        "89",
        "91",
        "92",
        "93",
        "A1",
        "A9",
        "N1",
        "N2",
        "N3",
        "N9",
        "Y1",
    ]
)


class UsccRecognizer(Recognizer):
    """统一社会信用代码 (GB 32100): 18 characters with its check character.

    A 索引号 begins with the agency's own code and continues "/2023-00012"; the slash rules it out.
    """

    kind = Kind.USCC
    # First character: registering authority (1-9, A, N, Y); second: category; then a 6-digit
    # region and the 9-character organisation code; then the check character.
    first = "[1-9ANY]"
    rest = r"(?<![0-9A-Za-z/].)\d{7}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Za-z/])"
    score = 0.97
    explanation = "统一社会信用代码，校验码有效"
    not_context = ("索引号",)

    def validate(self, value: str, norm: str, start: int) -> tuple[float, str] | None:
        if value[:2] not in USCC_CATEGORIES or not uscc_is_valid(value):
            return None
        if value.isdigit() and not org_code_is_valid(value[8:17]):
            # An all-digit code may be an identity-like number that passes the check by chance
            # (1 in 31); its embedded organisation code (GB 11714) must check too.
            return None
        window = norm[max(0, start - CONTEXT_WINDOW) : start]
        for word in self.not_context:  # a loop, not ``any`` over a generator (one per code)
            if word in window:
                return None
        return self.score, self.explanation


class PassportRecognizer(Recognizer):
    """护照及出入境证件: E/G + 8 digits, E + letter + 7 digits, D/S/P (公务、外交), H/M (回乡证)."""

    kind = Kind.PASSPORT
    first = "[EGDSPHMC]"
    rest = (
        AFTER_FIRST + r"(?:(?<=[EG])\d{8}|(?<=E)[A-HJ-NP-Z]\d{7}|(?<=[DSP])E?\d{7}|(?<=[HM])\d{8}(?:\d\d)?"
        r"|(?<=C)[0-9A-HJ-NP-Z]\d{7})" + _END
    )
    score = 0.6
    explanation = "护照/通行证号码格式（无校验码）"
    context = ("护照", "通行证", "证件号", "证件类型", "回乡证")
    context_score = 0.9

    def validate(self, value: str, norm: str, start: int) -> tuple[float, str] | None:
        # A province's one-character abbreviation right before the letter ("桂C94220054",
        # "京G43655650") makes it a provincial certificate number (执法证号 and the like), the way
        # plates are written; a travel document's number never carries one.
        if start and norm[start - 1] in lexicon.PLATE_PROVINCES:
            return None
        return self.score, self.explanation


class LicensePlateRecognizer(Recognizer):
    """机动车号牌 (GA 36-2018): 省 + letter, an optional dot, five characters or the new-energy six."""

    kind = Kind.LICENSE_PLATE
    first = f"[{lexicon.PLATE_PROVINCES}]"
    rest = (
        r"[A-HJ-NP-Z][·・•\- ]?"
        r"(?:[DF][A-HJ-NP-Z0-9]{5}|\d{5}[DF]|[A-HJ-NP-Z0-9]{4}[A-HJ-NP-Z0-9挂学警港澳])" + _END
    )
    score = 0.9
    explanation = "机动车号牌"

    def validate(self, value: str, norm: str, start: int) -> tuple[float, str] | None:
        # A plate carries at least one digit; "京ABCDE" is an abbreviation, not a plate.
        if not any(ch.isdigit() for ch in value[2:]):
            return None
        tail = value[-6:]
        if len(value) >= 8 and tail[0] in "DF" and sum(ch.isdigit() for ch in tail) < 4:
            # A new-energy plate: D/F and five more, four of them digits at least (a letter may
            # stand among the digits: 陕A·F81K20).
            return None
        return self.score, self.explanation
