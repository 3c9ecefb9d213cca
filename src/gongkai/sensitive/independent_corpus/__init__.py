"""An independent labelled corpus: agency documents assembled from paragraph grammars.

Written without reading the detector (only ``model.Kind`` and ``labelled``'s format), so that it
cannot be fitted to the detector's patterns (issue 14, "a second corpus, written by someone other
than the detector's author, by another method"). Each document is built the way its real published
kind is laid out -- 行政处罚决定书 (当事人 block, 违法事实, 处罚依据, 救济途径), 政府信息公开申请表
(table cells and "姓名：" lines), 公示/补贴发放名单, 最低生活保障公示, 信访事项答复意见书, 会议纪要,
行政许可决定书, 征收补偿公告, 不动产登记公告, 法律文书送达回证, 采购中标公告, 交通违法公告 -- from
clause alternatives chosen by a seeded ``random.Random``; values come from realistic distributions
(surnames weighted by the public census ranking, compound surnames at their small real rates, real
GB/T 2260 divisions and codes, real long-distance area codes, valid check digits).

Labelling guide
---------------
* The span is exactly the value: a name without its role cue or title (``申请人：王小明`` -> ``王小明``;
  ``区发改局李强`` -> ``李强``); every mention of a name is labelled, including signatures, list and
  table cells and later mentions.
* 身份证号: 18-digit numbers with a valid GB 11643 check digit, 15-digit first-generation numbers
  (region code + yymmdd + 3 digits), ASCII or full-width digits, occasionally grouped 6-8-4 with
  spaces (the span covers the spaces).
* 手机号 / 固定电话: the whole dialable string, including ``+86``/``0086``, an area code in
  brackets (the brackets are inside the span) and an extension (``转8023``, ``分机8023``, ``-8023``).
  Every landline with its area code is labelled, whether a person's desk line or an office line in a
  ``联系人`` line: a reader cannot tell them apart. Short public service numbers (12345, 12315,
  12369, 12366) are not personal data and are decoys.
* 银行卡号: Luhn-valid 16/19-digit card numbers, plain or grouped (4-4-4-4-3, 6+13).
* 统一社会信用代码: a party's code with a valid GB 32100 check character. The code that opens a
  索引号 (``11330400002566372X/2024-00123``) identifies the publishing agency and is a decoy.
* 护照/通行证: E/G-series passports and C-series 往来港澳通行证 numbers.
* 机动车号牌: ``浙F·12345``, ``浙F12345``, new-energy ``浙FD12345``/``浙F12345D``.
* 地址: a detailed address of a party (a person, a household or a business), from its first
  division or street word to its last house/room token (号, 室, 组, 弄…). Agency addresses never
  appear. A road or area named as a place reference without a house number (``中山路与禾兴路交叉口``,
  ``解放路改造工程``) is a decoy, as are agency names that contain place names.
* Decoys (never labelled, recorded with their span): 文号, 索引号, amounts, dates, statistics,
  article numbers, masked values (``110***********1234``, ``138****8000``, ``张某``, ``王某某``,
  ``王*明``), postcodes, permit and 不动产单元号 numbers, project numbers, hotlines, agency names.
"""

from __future__ import annotations

import random

from gongkai.sensitive.independent_corpus.base import (
    Doc,
    IndependentDocument,
    id_check_digit,
    luhn_valid,
    to_halfwidth,
    uscc_check_char,
)
from gongkai.sensitive.independent_corpus.notices import Writer
from gongkai.sensitive.labelled import Decoy, LabelledDocument

__all__ = [
    "GENRES",
    "SEED",
    "SIZE",
    "Decoy",
    "IndependentDocument",
    "documents",
    "generate_independent",
    "id_check_digit",
    "luhn_valid",
    "to_halfwidth",
    "uscc_check_char",
]

SEED = 20261207
SIZE = 440


GENRES: tuple[str, ...] = (
    "penalty",
    "application",
    "roster",
    "dibao",
    "petition",
    "minutes",
    "permit",
    "expropriation",
    "registration",
    "service",
    "procurement",
    "traffic",
)


def generate_independent(seed: int = SEED, size: int = SIZE) -> list[IndependentDocument]:
    """``size`` documents, the same for the same seed, cycling through every genre."""
    rng = random.Random(seed)
    writer = Writer(rng)
    out: list[IndependentDocument] = []
    for i in range(size):
        genre = GENRES[i % len(GENRES)] if i < len(GENRES) * 2 else rng.choice(GENRES)
        doc: Doc = getattr(writer, genre)()
        out.append(doc.case(genre))
    return out


def documents(seed: int = SEED, size: int = SIZE) -> list[LabelledDocument]:
    """The labelled documents alone, for ``labelled.evaluate``."""
    return [d.document for d in generate_independent(seed, size)]
