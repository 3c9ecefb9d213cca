"""One small recogniser per kind of personal information (after Presidio's PatternRecognizer).

A recogniser is mostly data: a regular expression compiled once, a base score, context words that
raise the score, and a ``validate`` hook for check digits. ``analyze(text, norm)`` makes one pass
over the normalised text and yields ``Finding`` values whose offsets and ``text`` refer to the
original text (normalisation keeps lengths).

Speed: each expression is written as ``first`` (a character class for its first character) and
``rest``, which begins by checking what precedes that character. Python's ``re`` skips quickly to
characters of a leading class, while a leading look-behind would be tried at every position; and
the registry joins the ``first``/``rest`` pairs of the identifier kinds into one expression, so the
text is read once for all of them.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Iterator
from datetime import date
from itertools import chain
from typing import ClassVar

from gongkai.sensitive import lexicon
from gongkai.sensitive.checksums import (
    ID_CHECK_CHARS,
    luhn_is_valid,
    org_code_is_valid,
    registration_number_is_valid,
    uscc_is_valid,
)
from gongkai.sensitive.model import Finding, Kind, make_finding

CJK = "\u4e00-\u9fff"
# After the first character: the character before it is not a letter or digit (identifiers are
# not read out of longer runs). Width 2 = the character before plus the first character itself.
AFTER_FIRST = r"(?<![0-9A-Za-z].)"
# ...nor followed by one, or by "@": digits before "@" are the local part of an e-mail address.
_END = r"(?![0-9A-Za-z@])"
# How far before a match context words are looked for (characters): a label such as "身份证号码："
# and a few characters of padding.
CONTEXT_WINDOW = 16


class Recognizer:
    """Finds one kind; subclasses are data (``first``, ``rest``, scores) plus an optional check."""

    kind: ClassVar[Kind]
    first: ClassVar[str] = ""
    rest: ClassVar[str] = ""
    pattern: ClassVar[re.Pattern[str]]
    score: ClassVar[float]
    explanation: ClassVar[str]
    # Words that, shortly before a match, raise its score to ``context_score``.
    context: ClassVar[tuple[str, ...]] = ()
    context_score: ClassVar[float] = 0.0

    _context_re: ClassVar[re.Pattern[str] | None] = None
    # Whether the subclass has its own ``validate`` (set for each subclass).
    _checks: ClassVar[bool] = False

    def __init_subclass__(cls) -> None:
        super().__init_subclass__()
        cls._checks = cls.validate is not Recognizer.validate
        if cls.first:
            cls.pattern = re.compile(cls.first + cls.rest)
        if cls.context:
            cls._context_re = re.compile("|".join(map(re.escape, cls.context)))
        elif cls.context_score:
            raise TypeError(f"{cls.__name__}: context_score without context words")

    def analyze(self, text: str, norm: str) -> Iterator[Finding]:
        for match in self.pattern.finditer(norm):
            finding = self.finding(text, norm, match.start(), match.end())
            if finding is not None:
                yield finding

    def finding(self, text: str, norm: str, start: int, end: int) -> Finding | None:
        if self._checks:
            checked = self.validate(norm[start:end], norm, start)
            if checked is None:
                return None
            score, explanation = checked
        else:  # no check of its own: spare the call and the slice (phones, e-mail, passports)
            score, explanation = self.score, self.explanation
        # ``context_score`` is 0 without context words, so this also tells whether there are any.
        if score < self.context_score and self._context_re.search(  # type: ignore[union-attr]
            norm, start - CONTEXT_WINDOW if start > CONTEXT_WINDOW else 0, start
        ):
            score = self.context_score
            explanation += "；前文有提示词"
        return make_finding(self.kind, start, end, text[start:end], score, explanation)

    def supplement(self, text: str, norm: str) -> Iterator[Finding]:
        """Findings of a joined recogniser that its ``first`` + ``rest`` expression cannot read."""
        return iter(())

    def validate(self, value: str, norm: str, start: int) -> tuple[float, str] | None:
        """``(score, explanation)`` for a real match, None for a look-alike."""
        return self.score, self.explanation

    def has_context(self, norm: str, start: int) -> bool:
        if self._context_re is None:
            return False
        return self._context_re.search(norm, max(0, start - CONTEXT_WINDOW), start) is not None


def _valid_date(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


# Every "MMDD" of a leap year: a set look-up answers for almost every number, where building a
# ``date`` (and catching its ValueError) costs several times more per identity-like number.
_CALENDAR_DAYS = frozenset(f"{d.month:02d}{d.day:02d}" for d in map(date.fromordinal, range(730120, 730486)))


def _valid_birth_date(year: int, mmdd: str) -> bool:
    """``_valid_date(year, int(mmdd[:2]), int(mmdd[2:]))``, by look-up where ``mmdd`` is ASCII."""
    if mmdd in _CALENDAR_DAYS:
        return 1 <= year <= 9999 and (mmdd != "0229" or calendar.isleap(year))
    # Other digits (Arabic-Indic ...) still go through ``date``, as ``int`` reads them too.
    return not mmdd.isascii() and _valid_date(year, int(mmdd[:2]), int(mmdd[2:]))


def _compact(value: str) -> str:
    return value.replace(" ", "").replace("-", "")


# For each check value, the characters accepted as the 18th one ("x" for "X"): a membership test
# spares the ``upper()`` call per identity-like number.
_ID_CHECK_ACCEPTED = tuple(ch + ch.lower() if ch == "X" else ch for ch in ID_CHECK_CHARS)

_MMDD = r"(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"


class IdCardRecognizer(Recognizer):
    """居民身份证号码: GB 11643 (18 characters, check character 0-9/X) and the 15-digit legacy form."""

    kind = Kind.ID_CARD
    first = "[1-9]"
    rest = (
        AFTER_FIRST
        + rf"(?:\d{{5}}[ -]?(?:18|19|20)\d\d{_MMDD}[ -]?\d{{3}}[\dXx]|\d{{7}}{_MMDD}\d{{3}})"
        + _END
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
            return self.score, self.explanation
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
        if "注册号" in window or "编号" in window:
            return None
        if registration_number_is_valid(digits) and ("身份证" not in norm or "注册号" in norm):
            # The old business registration number (注册号, GB/T 17710 check digit) has the same
            # shape: one identity number in ten passes its check by chance, so only a label nearby,
            # or a document about identity cards and not registrations, decides.
            return 0.45, "15 位数字，也符合旧工商注册号校验，需“身份证”等提示词"
        return 0.8, "15 位旧身份证号码，地区码、出生日期有效（无校验码）"


_MOBILE = r"1[3-9]\d[ -]?\d{4}[ -]?\d{4}"


class MobilePhoneRecognizer(Recognizer):
    """手机号码: 11 digits 1[3-9]x, optionally +86/0086, spaces or hyphens between 3-4-4 groups."""

    kind = Kind.MOBILE_PHONE
    first = "[+018]"
    rest = (
        r"(?<![0-9A-Za-z+].)"
        rf"(?:(?<=\+)86[ -]?{_MOBILE}|(?<=0)086[ -]?{_MOBILE}|(?<=8)6[ -]?{_MOBILE}"
        r"|(?<=1)[3-9]\d[ -]?\d{4}[ -]?\d{4})" + _END
    )
    score = 0.9
    explanation = "11 位手机号码（号段 13x-19x）"
    context = ("手机", "电话", "联系方式", "Tel", "TEL", "tel")
    context_score = 0.95


# Area codes (长途区号, YD/T 2010): 010 and 02x are three digits; the others 03xx-09xx, where the
# second and third digits are never 0 together. A local number is 7-8 digits starting 2-9, which
# may be written in two groups ("8512 0944"); an extension follows 转/分机/"-".
_AREA = r"(?:10|2\d|[3-9](?:0[1-9]|[1-9]\d))"
_LOCAL = r"[2-9]\d{2,3}[ -]?\d{4}(?:(?:-|转|分机|-转) ?\d{1,5})?"


class LandlinePhoneRecognizer(Recognizer):
    """固定电话: a valid area code (010, 02x, 03xx-09xx) then a 7-8 digit local number.

    Written (0573)…, 0573-…, 0573 …, +86-573-… or 0086 573 … (without the area code's 0);
    （0573）… with full-width brackets is found by ``supplement`` (the joined scan reads ASCII).
    """

    kind = Kind.LANDLINE_PHONE
    first = "[(0+]"
    rest = (
        AFTER_FIRST
        + rf"(?:(?<=\()0{_AREA}\)|(?<=0){_AREA}[ -]?|(?<=\+)86[ -]?{_AREA}[ -]?|(?<=0)086[ -]?{_AREA}[ -]?)"
        + _LOCAL
        + _END
    )
    score = 0.85
    explanation = "带区号的固定电话号码"
    context = ("电话", "传真", "联系方式", "Tel", "TEL", "tel")
    context_score = 0.95
    _full_width = re.compile(rf"（0{_AREA}）{_LOCAL}{_END}")

    def supplement(self, text: str, norm: str) -> Iterator[Finding]:
        i = norm.find("（0")
        while i != -1:
            match = self._full_width.match(norm, i)
            if match is not None:
                finding = self.finding(text, norm, i, match.end())
                if finding is not None:
                    yield finding
            i = norm.find("（0", i + 1)


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

    def validate(self, value: str, norm: str, start: int) -> tuple[float, str] | None:
        # Most card numbers are written without separators: one C test spares two ``replace`` calls.
        digits = value if value.isdigit() else _compact(value)
        if not 16 <= len(digits) <= 19 or not digits.startswith(_BANK_PREFIXES) or not luhn_is_valid(digits):
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
        if any(word in window for word in self.not_context):
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


class LicensePlateRecognizer(Recognizer):
    """机动车号牌 (GA 36-2018): 省 + letter, an optional dot, five characters or the new-energy six."""

    kind = Kind.LICENSE_PLATE
    first = f"[{lexicon.PLATE_PROVINCES}]"
    rest = (
        r"[A-HJ-NP-Z][·・•\- ]?"
        r"(?:[DF][A-HJ-NP-Z0-9]\d{4}|\d{5}[DF]|[A-HJ-NP-Z0-9]{4}[A-HJ-NP-Z0-9挂学警港澳])" + _END
    )
    score = 0.9
    explanation = "机动车号牌"

    def validate(self, value: str, norm: str, start: int) -> tuple[float, str] | None:
        # A plate carries at least one digit; "京ABCDE" is an abbreviation, not a plate.
        if not any(ch.isdigit() for ch in value[2:]):
            return None
        return self.score, self.explanation


_NUM = r"(?:\d{1,5}(?:[-之]\d{1,4})?|[一二三四五六七八九十百零〇]{1,5})"
_ADMIN = rf"[{CJK}]{{1,9}}?(?:自治区|自治州|特别行政区|省|市|地区|盟|区|县|旗|镇|乡|街道)"
_TOWN = rf"[{CJK}]{{1,9}}?(?:镇|乡|街道)"
_ROAD = rf"[{CJK}0-9]{{1,10}}?(?:大道|大街|路|街|巷|弄|胡同|坊|里)(?:{_NUM}弄)?{_NUM}号(?:之{_NUM})?"
_ESTATE = rf"[{CJK}]{{2,10}}?(?:小区|花园|公寓|大厦|家园|广场|新村|苑)"
_BLOCK = rf"{_NUM}(?:幢|栋|号楼|座)"
_UNIT_ROOM = rf"(?:{_NUM}单元(?:{_NUM}(?:室|房)?)?|{_NUM}(?:室|房))"
_BUILDING = rf"{_BLOCK}(?:{_NUM}单元)?(?:{_NUM}(?:室|房))?"
# A residential compound of any name (名都、星河湾、滨江一号) is taken only with a unit or a room
# after its building: "10幢3单元604室" is an address, "共10幢" is not.
_ANY_ESTATE = rf"(?!号)[{CJK}]{{2,10}}?{_BLOCK}{_UNIT_ROOM}"
# Village (or community) then a group (4组、八组、油坊组) and/or a natural village, then a number.
_GROUP = rf"(?:{_NUM}|[{CJK}]{{1,3}}?)(?:组|队)"
_VILLAGE = rf"[{CJK}]{{1,8}}?(?:村|社区)(?:{_GROUP})?[{CJK}]{{0,5}}?{_NUM}号(?:之{_NUM})?"
# Below a town, without a house number: …镇…村4组, …镇…村张家宅 (natural villages end in one of
# these: 宅/埭/浜 in the Yangtze delta, 庄/屯/营/堡 in the north, 坑/坳/寨 in the south ...).
_NATURAL = rf"[{CJK}]{{1,4}}?[宅埭浜桥庄湾塘圩岸港坞墩屯寨营堡坑坳垄岭]"
_RURAL = rf"{_TOWN}[{CJK}]{{1,8}}?村(?:{_NUM}组|{_NATURAL})"
_ROOM_TAIL = (
    rf"(?:[{CJK}]{{2,10}}?{_BLOCK}{_UNIT_ROOM}|(?:{_ESTATE})?(?:{_BLOCK})?(?:{_NUM}单元)?(?:{_NUM}(?:室|房))?)"
)
ADDRESS_PATTERN = (
    rf"(?:{_ADMIN})*(?:(?:{_ROAD}|{_VILLAGE}){_ROOM_TAIL}|{_ESTATE}{_BUILDING}|{_ANY_ESTATE}|{_RURAL})"
)


# Every address match contains one of these right after a numeral (…12号, 3幢, 5栋, 2座, 4组), or
# a village ("村") with a natural village after it.
_ADDRESS_ANCHORS = "号幢栋座组"
_NUMERALS = frozenset("0123456789一二三四五六七八九十百零〇")
# Characters the address expression cannot cross; the search for an address starts after the last
# one before an anchor (the same start a scan of the whole text would find).
_ADDRESS_BARRIER = re.compile(rf"[^{CJK}0-9\-之]")
# Longest address before its anchor (characters): province + city + county + town + road name.
_ADDRESS_REACH = 60


class AddressRecognizer(Recognizer):
    """详细住址 at street level: road + number, village + number, or estate + building (+ unit/room).

    A city or district name alone ("平湖市", "当湖街道") is not an address: the expression needs a
    house number or a building. The expression is only tried near its anchors (号、幢、栋、座 after
    a numeral), found with ``str.find``: trying it at every character of a long text would cost
    most of the detector's time.
    """

    kind = Kind.ADDRESS
    pattern = re.compile(ADDRESS_PATTERN)
    # The CJK run before an address often holds its label ("住所地", "位于"); it is cut off at the
    # last such word.
    _lead = re.compile(r"^.*(?:" + "|".join(lexicon.ADDRESS_CUES) + r"|[于在为至到：])")
    score = 0.85
    explanation = "街道门牌级详细地址"

    def analyze(self, text: str, norm: str) -> Iterator[Finding]:
        covered = 0
        for anchor in self._anchors(norm):
            if anchor < covered:
                continue
            lo = max(covered, anchor - _ADDRESS_REACH)
            # The last barrier before the anchor: the first one in the reversed window.
            barrier = _ADDRESS_BARRIER.search(norm[anchor - 1 : lo - 1 if lo else None : -1])
            if barrier is not None:
                lo = anchor - barrier.start()
            # An address cannot cross a barrier either: the search ends at the next one.
            after = _ADDRESS_BARRIER.search(norm, anchor, anchor + _ADDRESS_REACH)
            hi = after.start() if after is not None else min(len(norm), anchor + _ADDRESS_REACH)
            # A match starting after the anchor belongs to a later anchor (and may be cut by ``hi``).
            while (match := self.pattern.search(norm, lo, hi)) is not None and match.start() <= anchor:
                yield self._finding(text, norm, match.start(), match.end())
                lo = covered = match.end()
                if match.end() > anchor:
                    break

    @staticmethod
    def _anchors(norm: str) -> list[int]:
        anchors = []
        for ch in _ADDRESS_ANCHORS:
            i = norm.find(ch, 1)
            while i != -1:
                if norm[i - 1] in _NUMERALS:
                    anchors.append(i)
                i = norm.find(ch, i + 1)
        i = norm.find("村", 1)
        while i != -1:
            anchors.append(i)
            i = norm.find("村", i + 1)
        return sorted(anchors)

    def _finding(self, text: str, norm: str, start: int, end: int) -> Finding:
        lead = self._lead.match(norm, start, end)
        if lead is not None and self.pattern.fullmatch(norm, lead.end(), end):
            start = lead.end()
        return make_finding(self.kind, start, end, text[start:end], self.score, self.explanation)


def _alternation(words: list[str] | tuple[str, ...]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_SURNAME = rf"(?:{_alternation(lexicon.COMPOUND_SURNAMES)}|[{lexicon.SINGLE_SURNAMES}])"
_SURNAME_OR_YU = rf"(?:{_alternation(lexicon.COMPOUND_SURNAMES)}|[{lexicon.SINGLE_SURNAMES}于])"
_SURNAME_CLASS_FIRST = rf"(?:[{lexicon.SINGLE_SURNAMES}]|{_alternation(lexicon.COMPOUND_SURNAMES)})"
# First characters of all surnames: one class test after a separator turns away what neither the
# single-surname class nor any compound surname (tried one by one by ``re``) could start.
_SURNAME_HEADS = "".join(sorted(set(lexicon.SINGLE_SURNAMES) | {s[0] for s in lexicon.COMPOUND_SURNAMES}))
_MASK_CHARS = frozenset("某*＊×")
_ALONE = "表格或名单中单独成项的姓名"
# Given-name characters as a class: a table cell is only a name candidate if its given name is made
# of them (checked by the expression itself, which spares a Python check per cell).
_GIVEN_CLASS = "[" + "".join(sorted(lexicon.GIVEN_NAME_CHARS)) + "]"
_NOT_GIVEN = frozenset(lexicon.STOP_AFTER_NAME) | _MASK_CHARS
# After a person cue, "旗" ends a given name (红旗), not a banner: banners follow address cues.
_NOT_LAST_AFTER_CUE = lexicon.ORG_PLACE_SUFFIXES.replace("旗", "")
_COMPOUND_SET = frozenset(lexicon.COMPOUND_SURNAMES)
_SINGLE_SET = frozenset(lexicon.SINGLE_SURNAMES)
_CJK_RE = re.compile(f"[{CJK}]+")
_SEPARATORS = " \t|、，,；;\n"
_LINE = re.compile(r"[^\n]+")
# Cells of a table row written as text: separated by a tab, a "|" or two spaces or more.
_CELL = re.compile(r"[^\t| ](?:[^\t| ]| (?=[^\t| ]))*")
_CELL_NAME = re.compile(rf"{_SURNAME_OR_YU}[{CJK}]{{1,2}}")


class PersonNameRecognizer(Recognizer):
    """姓名: a surname (one or two characters) and a one- or two-character given name, found

    - after a role label (申请人：、当事人、法定代表人、联系人、负责人 ...): score 0.8;
    - before 同志/先生/女士: 0.75;
    - standing alone in a table cell or list item, with given-name characters from the name
      lexicon: 0.7;
    - again elsewhere in the same text once found (a later "张三的行为"): 0.7.
    Masked names (张某、李**) are not names.
    """

    kind = Kind.PERSON_NAME
    score = 0.8
    explanation = "提示词后的姓名"
    pattern = re.compile(
        # The run after the cue must start with a surname: half of all cues ("申请人信息",
        # "联系人电话") are turned away here rather than in Python.
        # "于" is a surname only right after a cue ("申请人：于海燕"); elsewhere it is "at".
        rf"(?:(?:{_alternation(lexicon.NAME_CUES)})(?:[：:]|为|是)?|(?:{_alternation(lexicon.NAME_CUES_WITH_COLON)})[：:])"
        rf"[ \t|]*(?=(?P<run>{_SURNAME_OR_YU}[{CJK}]{{1,11}}))"
    )
    # The next item of a list of names after a cue: "出席：张军、高昶宇、杨玙", "蒋霞（女）、崔赟（孙）".
    _next_in_list = re.compile(rf"(?:（[^）\n]{{1,8}}）)?、[ \t]*(?=(?P<run>{_SURNAME}[{CJK}]{{1,11}}))")
    # A cell or list item: a separator, the name, then a separator or the end of a line.
    # The single-surname class comes first here: after a separator it turns most positions away in
    # one test; the end look-ahead makes the engine come back for 欧阳/司马 when the class reading
    # does not fit.
    _alone = re.compile(
        rf"[{_SEPARATORS}](?=[{_SURNAME_HEADS}])(?P<name>{_SURNAME_CLASS_FIRST}{_GIVEN_CLASS}{{1,2}})(?=$|[{_SEPARATORS}：:（(])",
        re.MULTILINE,
    )
    _alone_at_start = re.compile(
        rf"(?P<name>{_SURNAME}{_GIVEN_CLASS}{{1,2}})(?=$|[{_SEPARATORS}：:（(])", re.MULTILINE
    )

    def analyze(self, text: str, norm: str) -> Iterator[Finding]:
        found: dict[tuple[int, int], Finding] = {}
        kind, score, explanation, name_length = self.kind, self.score, self.explanation, self._name_length
        next_in_list = self._next_in_list.match
        for match in self.pattern.finditer(norm):
            while match is not None and (length := name_length(match["run"])):
                start = match.start("run")
                end = start + length
                if (start, end) not in found:
                    found[start, end] = make_finding(kind, start, end, text[start:end], score, explanation)
                match = next_in_list(norm, end)
        self._columns(text, norm, found)
        for cue in lexicon.NAME_AFTER_CUES:
            i = norm.find(cue)
            while i != -1:
                for length in (4, 3, 2):  # the leftmost start first, as a regular expression would
                    if i >= length and self._is_lexicon_name(norm[i - length : i]):
                        if (i - length, i) not in found:
                            found[i - length, i] = make_finding(
                                kind, i - length, i, text[i - length : i], 0.75, "“同志/先生/女士”前的姓名"
                            )
                        break
                i = norm.find(cue, i + 1)
        alone: Iterable[re.Match[str]] = self._alone.finditer(norm)
        if (first := self._alone_at_start.match(norm)) is not None:
            alone = chain(alone, (first,))
        is_name = self._is_lexicon_name
        for match in alone:
            if is_name(match["name"]):
                span = start, end = match.span("name")
                if span not in found:
                    found[span] = make_finding(kind, start, end, text[start:end], 0.7, _ALONE)
        yield from found.values()
        yield from self._repeats(text, norm, {f.text for f in found.values()}, found)

    @staticmethod
    def _surname_length(text: str) -> int:
        """1 or 2 for a surname at the start of ``text`` (two-character ones first), 0 for none."""
        if text[:2] in _COMPOUND_SET:
            return 2
        return 1 if text[:1] in _SINGLE_SET else 0

    def _name_length(self, run: str) -> int:
        """Length of the name at the start of ``run`` (the characters after a cue), 0 if none."""
        s = self._surname_length(run) or run[:1] == "于"
        if not s:
            return 0
        for given in (2, 1):
            name = run[: s + given]
            if len(name) < s + given or name in lexicon.NOT_NAMES:
                continue
            if not _NOT_GIVEN.isdisjoint(name[s:]) or name[-1] in _NOT_LAST_AFTER_CUE:
                continue
            follower = run[s + given : s + given + 1]
            if not follower or follower in lexicon.STOP_AFTER_NAME:
                return s + given
        return 0

    def _columns(self, text: str, norm: str, found: dict[tuple[int, int], Finding]) -> None:
        """Cells under a name column header ("姓名", "户主", "收款人" ...) of a roster or table.

        Any surname + one or two characters is taken there, whatever the given name's characters:
        the header says what the column holds. The table ends at the first line with fewer cells.
        """
        if not any(header in norm for header in ("姓名", "户主", "人\t", "人 ", "人|", "户名", "对象")):
            return
        column = -1
        for line in _LINE.finditer(norm):
            cells = [(m.start(), m.end()) for m in _CELL.finditer(norm, line.start(), line.end())]
            if len(cells) < 3:
                column = -1
            elif column < 0:
                column = next(
                    (i for i, (a, b) in enumerate(cells) if norm[a:b] in lexicon.NAME_COLUMN_HEADERS), -1
                )
            elif column < len(cells):
                start, end = cells[column]
                if _CELL_NAME.fullmatch(norm, start, end) and self._plausible_name(norm[start:end]):
                    if (start, end) not in found:
                        found[start, end] = make_finding(
                            self.kind, start, end, text[start:end], 0.75, "名单“姓名”列中的姓名"
                        )

    @staticmethod
    def _plausible_name(name: str) -> bool:
        return name not in lexicon.NOT_NAMES and _NOT_GIVEN.isdisjoint(name[1:]) and name[-1] not in _NOT_LAST_AFTER_CUE

    @staticmethod
    def _is_lexicon_name(name: str) -> bool:
        # The surname test of ``_surname_length``, inlined: this runs for every table cell.
        s = 2 if name[:2] in _COMPOUND_SET else 1 if name[:1] in _SINGLE_SET else 0
        return (
            0 < s < len(name)
            and name not in lexicon.NOT_NAMES
            and lexicon.GIVEN_NAME_CHARS.issuperset(name[s:])
        )

    def _repeats(
        self, text: str, norm: str, names: set[str], found: dict[tuple[int, int], Finding]
    ) -> Iterator[Finding]:
        """Other mentions of names already found; a longer name ("张伟华" after "张伟") is not one."""
        for name in sorted(names, key=len, reverse=True):
            i = norm.find(name)
            while i != -1:
                end = i + len(name)
                if (i, end) not in found and (end == len(norm) or norm[end] not in lexicon.GIVEN_NAME_CHARS):
                    found[i, end] = finding = make_finding(
                        self.kind, i, end, text[i:end], 0.7, "文中再次出现的已识别姓名"
                    )
                    yield finding
                i = norm.find(name, end)
