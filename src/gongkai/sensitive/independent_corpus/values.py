"""Realistic personal-data values, and the decoys that look like them, from one seeded generator."""

from __future__ import annotations

import random
from datetime import date, timedelta

from gongkai.sensitive.independent_corpus.base import (
    FULL,
    id_check_digit,
    luhn_valid,
    to_halfwidth,
    uscc_check_char,
)
from gongkai.sensitive.independent_corpus.tables import (
    BINS,
    COMPOUNDS,
    GIVEN,
    GIVEN_PAIRS,
    LANDLINE_STYLES,
    MOBILE_PREFIXES,
    MOBILE_STYLES,
    NATURAL,
    NUMERALS,
    PLATE_LETTERS,
    PLATE_PROVINCES,
    REGIONS,
    SURNAME_NAMES,
    SURNAME_WEIGHTS,
    VILLAGES,
    Region,
)


class Values:
    """Realistic personal-data values drawn from one seeded generator."""

    def __init__(self, rng: random.Random) -> None:
        self.r = rng

    def region(self) -> Region:
        # Zhejiang (the agency's home province) is the most frequent, as in a city's own documents.
        if self.r.random() < 0.6:
            return self.r.choice(REGIONS[:16])
        return self.r.choice(REGIONS)

    def name(self) -> str:
        surname = self.r.choices(SURNAME_NAMES, SURNAME_WEIGHTS)[0]
        roll = self.r.random()
        if roll < 0.14:
            given = self.r.choice(GIVEN)
        elif roll < 0.24:
            given = self.r.choice(GIVEN_PAIRS)
        else:
            given = self.r.choice(GIVEN) + self.r.choice(GIVEN)
        return surname + given

    def birth(self, lo: int = 1935, hi: int = 2004) -> date:
        start = date(lo, 1, 1)
        return start + timedelta(days=self.r.randrange((date(hi, 12, 31) - start).days))

    def id_card(self, region: Region | None = None, born: date | None = None) -> str:
        region = region or self.region()
        roll = self.r.random()
        if roll < 0.12:  # first generation: 15 digits, born before 1985
            born = born if born and born.year < 1985 else self.birth(1930, 1984)
            return region.code + born.strftime("%y%m%d") + f"{self.r.randrange(1, 1000):03d}"
        born = born or self.birth()
        first = region.code + born.strftime("%Y%m%d") + f"{self.r.randrange(1, 1000):03d}"
        value = first + id_check_digit(first)
        if roll < 0.2:
            return value.translate(FULL)
        if roll < 0.24:
            return f"{value[:6]} {value[6:14]} {value[14:]}"
        return value

    def styled(self, styles: tuple[tuple[str, int], ...], **parts: str) -> str:
        """One of the weighted ``str.format`` styles filled with ``parts``; "FW" marks full-width digits."""
        style = self.r.choices([s for s, _ in styles], [w for _, w in styles])[0]
        if style.startswith("FW"):
            return style[2:].format(**parts).translate(FULL)
        return style.format(**parts)

    def mobile(self) -> str:
        d = self.r.choice(MOBILE_PREFIXES) + f"{self.r.randrange(10**8):08d}"
        return self.styled(MOBILE_STYLES, d=d, a=d[:3], b=d[3:7], c=d[7:])

    def landline(self, region: Region | None = None) -> str:
        area = (region or self.region()).area
        local = str(self.r.randrange(2, 9)) + f"{self.r.randrange(10**7):07d}"
        value = self.styled(LANDLINE_STYLES, ac=area, ac1=area[1:], n=local, n1=local[:4], n2=local[4:])
        ext = self.r.random()
        if ext < 0.06:
            value += f"转{self.r.randrange(100, 9000)}"
        elif ext < 0.1:
            value += f"分机{self.r.randrange(100, 9000)}"
        elif ext < 0.13:
            value += f"-{self.r.randrange(1000, 9000)}"
        return value

    def bank_card(self) -> str:
        length = self.r.choice((16, 19, 19))
        body = self.r.choice(BINS) + "".join(str(self.r.randrange(10)) for _ in range(length - 7))
        digits = next(body + c for c in "0123456789" if luhn_valid(body + c))
        style = self.r.random()
        if style < 0.45:
            return digits
        if style < 0.8:
            return " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))
        if length == 19 and style < 0.92:
            return digits[:6] + " " + digits[6:]
        return "-".join(digits[i : i + 4] for i in range(0, len(digits), 4))

    def uscc(self, region: Region | None = None, agency: bool = False) -> str:
        region = region or self.region()
        head = "11" if agency else self.r.choice(("91", "91", "91", "92", "93", "52", "12"))
        org = "".join(str(self.r.randrange(10)) for _ in range(8))
        weights = (3, 7, 9, 10, 5, 8, 4, 2)  # GB 11714 organization code check
        c9 = 11 - sum(int(c) * w for c, w in zip(org, weights, strict=True)) % 11
        org += "X" if c9 == 10 else "0" if c9 == 11 else str(c9)
        first = head + region.code + org
        return first + uscc_check_char(first)

    def passport(self) -> str:
        kind = self.r.random()
        if kind < 0.5:
            return "E" + f"{self.r.randrange(10**8):08d}"
        if kind < 0.7:
            return "E" + self.r.choice("ABCDEFGHJKLMN") + f"{self.r.randrange(10**7):07d}"
        if kind < 0.8:
            return "G" + f"{self.r.randrange(10**8):08d}"
        return "C" + f"{self.r.randrange(10**8):08d}"

    def plate(self, region: Region | None = None) -> str:
        region = region or self.region()
        province = PLATE_PROVINCES[region.code[:3]]
        city = "F" if region.city == "嘉兴市" else self.r.choice("ABCDE")
        roll = self.r.random()
        if roll < 0.2:  # new energy, small car
            plate = province + city + self.r.choice("DF") + f"{self.r.randrange(10**5):05d}"
        elif roll < 0.25:  # new energy, large car
            plate = province + city + f"{self.r.randrange(10**5):05d}" + self.r.choice("DF")
        else:
            chars = [str(self.r.randrange(10)) for _ in range(5)]
            for pos in self.r.sample(range(5), self.r.choice((0, 0, 1, 1, 2))):
                chars[pos] = self.r.choice(PLATE_LETTERS)
            plate = province + city + "".join(chars)
        if self.r.random() < 0.3:
            plate = plate[:2] + "·" + plate[2:]
        return plate

    def email(self, name: str | None = None) -> str:
        roll = self.r.random()
        if roll < 0.35:
            local = str(self.r.randrange(10**5, 10**10))
            return f"{local}@qq.com"
        syll = (
            "wang",
            "li",
            "zhang",
            "liu",
            "chen",
            "yang",
            "huang",
            "zhao",
            "xiao",
            "ming",
            "hua",
            "jun",
            "lei",
            "fang",
            "jing",
            "hong",
            "ying",
            "qiang",
            "wei",
            "tao",
        )
        local = self.r.choice(syll) + self.r.choice(syll) + self.r.choice(("", "", "_", "."))
        local += str(self.r.randrange(1, 2000)) if self.r.random() < 0.6 else self.r.choice(syll)
        domain = self.r.choice(
            (
                "163.com",
                "126.com",
                "sina.com",
                "foxmail.com",
                "gmail.com",
                "139.com",
                "outlook.com",
                "yeah.net",
                "hotmail.com",
            )
        )
        return f"{local}@{domain}"

    def address(self, region: Region | None = None, rural: bool | None = None, top: str | None = None) -> str:
        region = region or self.region()
        r = self.r
        if rural is None:
            rural = r.random() < 0.45
        if rural:
            town = r.choice([t for t in region.towns if not t.endswith("街道")] or list(region.towns))
            village = r.choice(VILLAGES)
            form = r.random()
            if form < 0.4 or 0.75 <= form < 0.85:  # a team (组), with a house number four times in five
                tail = f"{village}{r.randrange(1, 16)}组" + (f"{r.randrange(1, 120)}号" if form < 0.4 else "")
            else:  # a natural village and a house number
                tail = f"{village}{r.choice(NATURAL)}{r.randrange(1, 90 if form < 0.75 else 60)}号"
            body = town + tail
        else:
            road = r.choice(region.roads)
            n = r.randrange(1, 900)
            form = r.random()
            if form < 0.25:
                body = f"{road}{n}号"
            elif form < 0.42:
                body = f"{road}{n}弄{r.randrange(1, 40)}号{r.randrange(1, 7)}0{r.randrange(1, 4)}室"
            elif form < 0.7:
                body = (
                    f"{road}{n}号{r.choice(COMPOUNDS)}{r.randrange(1, 30)}{r.choice('幢栋')}"
                    f"{r.randrange(1, 5)}单元{r.randrange(1, 26)}0{r.randrange(1, 5)}室"
                )
            elif form < 0.85:
                body = (
                    f"{r.choice(COMPOUNDS)}{r.randrange(1, 30)}{r.choice('幢栋')}{r.randrange(1, 5)}单元"
                    f"{r.randrange(1, 26)}0{r.randrange(1, 5)}室"
                )
            else:
                body = f"{road}{n}号院{r.randrange(1, 20)}号楼{r.randrange(1, 6)}单元{r.randrange(1, 20)}0{r.randrange(1, 4)}"  # noqa: E501
        level = top or r.choices(("province", "city", "county", "town"), (0.3, 0.35, 0.25, 0.1))[0]
        if level == "town" and not rural:
            level = "county"
        if level == "province":
            return region.province + region.city + region.county + body
        if level == "city":
            return region.city + region.county + body
        if level == "county":
            return region.county + body
        return body


# --- decoy values -----------------------------------------------------------------------------


class Decoys:
    def __init__(self, rng: random.Random, values: Values) -> None:
        self.r = rng
        self.v = values

    def wenhao(self, prefix: str) -> str:
        return f"{prefix}〔{self.r.randrange(2019, 2026)}〕{self.r.randrange(1, 300)}号"

    def suoyin(self, region: Region) -> str:
        if self.r.random() < 0.6:
            head = self.v.uscc(region, agency=True)
        else:
            head = f"{self.r.randrange(10**8, 10**9)}"
        return f"{head}/{self.r.randrange(2019, 2026)}-{self.r.randrange(1, 99999):05d}"

    def money(self) -> str:
        amount = self.r.randrange(50, 500000) / (1 if self.r.random() < 0.5 else 100)
        style = self.r.random()
        if style < 0.4:
            return f"{amount:.2f}元"
        if style < 0.7:
            return f"人民币{amount:,.2f}元"
        return f"¥{amount:.2f}"

    def day(self, d: date | None = None) -> str:
        d = d or date(2024, 1, 1) + timedelta(days=self.r.randrange(700))
        style = self.r.random()
        if style < 0.6:
            return f"{d.year}年{d.month}月{d.day}日"
        if style < 0.85:
            return d.isoformat()
        year = "".join(NUMERALS[int(c)] for c in str(d.year))
        return f"{year}年{d.month}月{d.day}日"

    def masked_id(self) -> str:
        value = to_halfwidth(self.v.id_card()).replace(" ", "")
        keep = self.r.choice(((6, 4), (3, 4), (4, 3), (0, 4), (6, 0), (1, 1)))
        middle = len(value) - keep[0] - keep[1]
        return value[: keep[0]] + "*" * middle + (value[-keep[1] :] if keep[1] else "")

    def masked_mobile(self) -> str:
        digits = self.r.choice(MOBILE_PREFIXES) + f"{self.r.randrange(10**8):08d}"
        return digits[:3] + "****" + digits[7:]

    def masked_name(self) -> str:
        surname = self.r.choices(SURNAME_NAMES, SURNAME_WEIGHTS)[0]
        return surname + self.r.choice(("某", "某某", "*", "**", "某甲", "某乙", "×", "××"))

    def masked_card(self) -> str:
        card = self.v.bank_card().replace(" ", "").replace("-", "")
        return card[:4] + "*" * (len(card) - 8) + card[-4:]


# --- documents ---------------------------------------------------------------------------------
