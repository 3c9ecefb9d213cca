"""Statistics and names for the second labelled corpus (``gongkai.sensitive.published``), read from
``published_data.json`` beside this module (package data: the tables are data, not code).

Written from public sources, not from the detector's word lists:

- surname shares: 公安部户政管理研究中心《二〇二〇年全国姓名报告》 ranking of the 100 most common
  surnames, with shares (per cent of the registered population) rounded from the published
  figures and the 2019 report where 2020 gives only the rank; then a tail of rarer surnames and
  the two-character surnames still in use (oversampled: together 1.5 % here, about 0.1 % in the
  population, so that the corpus holds enough of them to measure);
- administrative divisions: GB/T 2260 codes and names (province, prefecture, county level) and
  township / village names as published by the divisions themselves (民政部 区划地名);
- area codes: the national long-distance area codes (长途区号) of the cities the divisions are in.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

_DATA: dict[str, Any] = json.loads(
    resources.files("gongkai.sensitive").joinpath("published_data.json").read_text(encoding="utf-8")
)

# (surname, share in per cent)
SURNAME_SHARES: tuple[tuple[str, float], ...] = tuple(
    (surname, float(share)) for surname, share in _DATA["surname_shares"]
)

# Given names by generation, as they appear in household registers and rosters; about one in six
# adults has a one-character given name. The last group uses characters common in names given
# since 2010 that are rarer in older registers. (One group a line of the file, names apart by spaces.)
GIVEN_NAMES: tuple[str, ...] = tuple(" ".join(_DATA["given_names"]).split())

# (GB/T 2260 county code, province, prefecture or "", county, long-distance area code,
#  towns or sub-districts: (name, villages or communities))
DIVISIONS: tuple[tuple[str, str, str, str, str, tuple[tuple[str, tuple[str, ...]], ...]], ...] = tuple(
    (code, province, prefecture, county, area, tuple((town, tuple(villages)) for town, villages in towns))
    for code, province, prefecture, county, area, towns in _DATA["divisions"]
)

# Streets and residential compounds of the counties above (public map names).
ROADS: tuple[str, ...] = tuple(_DATA["roads"])
ESTATES: tuple[str, ...] = tuple(_DATA["estates"])
# 自然村 (natural villages) below an administrative village: surname + 家宅/家埭/家浜/庄, or a
# direction + 圩/浜/塘/桥 — how they are written in rural household registers of the Yangtze delta
# and elsewhere.
NATURAL_VILLAGE_HEADS: tuple[str, ...] = tuple(_DATA["natural_village_heads"])
NATURAL_VILLAGE_TAILS: tuple[str, ...] = tuple(_DATA["natural_village_tails"])
NATURAL_VILLAGE_DIRECTIONS: tuple[str, ...] = tuple(_DATA["natural_village_directions"])

# Mobile prefixes of the three carriers (工信部 码号资源).
MOBILE_PREFIXES: tuple[str, ...] = tuple(_DATA["mobile_prefixes"])
# Bank identification numbers of debit cards of the big banks (中国银联 BIN 表).
CARD_BINS: tuple[str, ...] = tuple(_DATA["card_bins"])
