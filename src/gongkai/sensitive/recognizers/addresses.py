"""The address recogniser: street, compound and rural addresses (详细住址)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from gongkai.sensitive import lexicon
from gongkai.sensitive.model import Finding, Kind, make_finding
from gongkai.sensitive.recognizers.address_context import excluded_by_context
from gongkai.sensitive.recognizers.address_lines import joined_spans
from gongkai.sensitive.recognizers.address_tails import extended_end, trimmed_start
from gongkai.sensitive.recognizers.base import (
    CJK,
    Recognizer,
)

# A northern compound may number its courtyard before the building ("9号院23号楼"): one number.
_NUM = r"(?:\d{1,5}(?:[-之]\d{1,4}|号院\d{1,3})?|[一二三四五六七八九十百零〇]{1,5})"
# 苏木 is Inner Mongolia's township (as 嘎查 is its village).
_ADMIN = rf"[{CJK}]{{1,9}}?(?:自治区|自治州|特别行政区|省|市|地区|盟|区|县|旗|镇|乡|街道|苏木)"
_TOWN = rf"[{CJK}]{{1,9}}?(?:镇|乡|街道|苏木)"
# A road may go on with a direction or a section (中山大道西, 人民南路四段) before its number, and a
# number may name a courtyard (80号院12号楼).
_ROAD = (
    # 条 and 沿 name lanes of the north (北头条, 前海北沿).
    rf"[{CJK}0-9]{{1,10}}?(?:大道|大街|路|街|巷|弄|胡同|坊|里|条|沿)(?:[东西南北中]段?|[一二三四五六七八九十]段)?"
    rf"(?:{_NUM}弄)?{_NUM}号(?:之{_NUM}|附{_NUM}号|院|楼(?=\d))?"
)
# Compounds are also named …园, …湾, …城 (学府佳园, 御景湾, 阳光城).
_ESTATE = rf"[{CJK}]{{2,10}}?(?:小区|花园|公寓|大厦|家园|广场|新村|苑|园|湾|城)"
# A northern block may be numbered with 楼 alone before its stairway or room ("806楼5门202号").
_BLOCK = rf"{_NUM}(?:幢|栋|号楼|座|楼(?=\d{{1,2}}(?:门|单元)))"
# A stairway (门) in the north stands where a unit (单元) does: "3号楼2门401号", "5栋1门202"; a
# room there may be numbered with 号.
_UNIT = rf"{_NUM}(?:单元|门)"
_UNIT_ROOM = rf"(?:{_UNIT}(?:{_NUM}(?:室|房|楼|层|号)?)?|{_NUM}(?:室|房))"
_BUILDING = rf"{_BLOCK}(?:{_UNIT})?(?:{_NUM}(?:室|房|楼|层|号)|\d{{3,4}}(?![\d室房号]))?"
# A residential compound of any name (名都、星河湾、滨江一号) is taken only with a unit or a room
# after its building: "10幢3单元604室" is an address, "共10幢" is not.
_ANY_ESTATE = rf"(?!号)[{CJK}]{{2,10}}?{_BLOCK}{_UNIT_ROOM}"
# Building, unit and room written with hyphens after a compound: 金色家园6-1-702.
_DASHED_ROOM = r"\d{1,3}-\d{1,2}-\d{3,4}(?![0-9])"
# Led by the literal hyphen, which ``re`` skips to in a tight C loop (a ``find`` loop in Python
# over every hyphen of the dates and phone numbers cost 5 M instructions per pass).
_DASHED_ANCHOR = re.compile(r"-(?<=[0-9]-)(?=\d{1,2}-\d{3,4}(?![0-9]))")
# Village (or community, or a Mongolian 嘎查) then a group (4组、八组、油坊组, the northwest's 1社)
# and/or a natural village, then a number.
_GROUP = rf"(?:{_NUM}|[{CJK}]{{1,3}}?)(?:组|队|社)"
# A village of the north may number its rows of houses ("…村东区4排12号").
_VILLAGE = rf"[{CJK}]{{1,8}}?(?:村|社区|嘎查)(?:{_GROUP})?[{CJK}]{{0,5}}?(?:{_NUM}排)?{_NUM}号(?:之{_NUM})?"
# Below a town, without a house number: …镇…村4组, …镇…村张家宅 (natural villages end in one of
# these: 宅/埭/浜 in the Yangtze delta, 庄/屯/营/堡 in the north, 坑/坳/寨 in the south ...).
_NATURAL = rf"[{CJK}]{{1,4}}?[宅埭浜桥庄湾塘圩岸港坞墩屯寨营堡坑坳垄岭]"
_NATURAL_AFTER = re.compile(_NATURAL)
# Below the village: a group or team of any numbering (4组, 第5队, 二社, 大村组, 老寨村民小组), a
# natural village, a Mongolian 嘎查's 浩特; a village committee may stand between (…村委会…组).
_RURAL_TAIL = (
    rf"(?:第?{_NUM}(?:组|队|社|小组)|[{CJK}]{{1,5}}?(?:村民小组|小组|组|队|社|屯|浩特)"
    rf"|(?<=委)[{CJK}]{{1,4}}?村|{_NATURAL}组?)"
)
_RURAL = rf"{_TOWN}[{CJK}]{{1,8}}?(?:村|嘎查)(?:委会|委)?(?:{_RURAL_TAIL}|(?![{CJK}0-9]))"
# The Production and Construction Corps: regiment, company, then a row or a block and a number
# ("一四三团七连职工住宅区2排5号", "十一连12栋2号").
_CORPS = (
    rf"[一二三四五六七八九十百零〇0-9]{{1,5}}团[一二三四五六七八九十0-9]{{1,4}}连[{CJK}]{{0,8}}?"
    rf"(?:{_NUM}排|{_NUM}(?:幢|栋))?{_NUM}号"
)
# After the house number: a building, unit and room; a compound's "8-2-1701" or "6-1802"; a
# floor ("3楼"); a room written without 室 after its building or unit ("2幢1508", "2单元401").
_BARE_ROOM = r"\d{3,4}(?![\d室房])"
_ROOM_TAIL = (
    # A building of any name and its room after the number ("华景新城荟景阁1608房").
    rf"(?:[{CJK}]{{2,12}}?\d{{3,4}}(?:室|房)"
    rf"|[{CJK}]{{0,10}}?{_BLOCK}{_UNIT_ROOM}"
    rf"|[{CJK}]{{0,10}}?\d{{1,3}}-\d{{1,4}}(?:-\d{{2,4}})?(?![\d-])"
    rf"|[{CJK}]{{0,10}}?{_BLOCK}(?:{_BARE_ROOM}|{_NUM}(?:楼|层))?"
    rf"|(?:{_ESTATE})?(?:{_BLOCK}(?:{_BARE_ROOM}|{_NUM}号)?)?(?:{_UNIT}(?:{_BARE_ROOM}|{_NUM}号)?)?"
    rf"(?:{_NUM}(?:室|房|楼|层))?)"
)
ADDRESS_PATTERN = (
    rf"(?:{_ADMIN})*(?:(?:{_ROAD}|{_VILLAGE}){_ROOM_TAIL}"
    rf"|{_ESTATE}(?:{_DASHED_ROOM}|{_BUILDING})|{_ANY_ESTATE}|{_CORPS}|{_RURAL})"
)


# Every address match contains one of these right after a numeral (…12号, 3幢, 5栋, 2座, 4组), or
# a village ("村") with a natural village after it.
_ADDRESS_ANCHORS = "号幢栋座组"
_NUMERALS = frozenset("0123456789一二三四五六七八九十百零〇")
# Characters the address expression cannot cross; the search for an address starts after the last
# one before an anchor (the same start a scan of the whole text would find).
_ADDRESS_BARRIER = re.compile(rf"[^{CJK}0-9\-之]")
# Every address match holds one of these characters: the last character of a road's word (路, 大道,
# 胡同 …), of a village (村, 社区, 嘎查: a rural address below a town reads one too), of a compound
# (小区, 公寓, 园 …), of a building (幢, 栋, 号楼, 座, 楼) or the corps' regiment (团): each branch of
# ``ADDRESS_PATTERN`` reads one (a test holds this on strings the expression itself generates).
ADDRESS_WORD_CHARS = "道街路巷弄同坊里条沿村区查园寓厦场苑湾城幢栋楼座团"
_ADDRESS_WORD = re.compile(f"[{ADDRESS_WORD_CHARS}]")
# Longest address before its anchor (characters): province + city + county + town + road name.
_ADDRESS_REACH = 60


_LEAD_HEADS = frozenset("".join(lexicon.ADDRESS_CUES) + "于在至到：:所寄来户是为")
_DATE_TAIL = re.compile(r"[年月日号][起前后]?[于在至到]?")

# Organisation addresses (机关、单位、公司的地址) are not personal data: an agency's office or a
# company's registered address (住所) is published by law (企业信息公示暂行条例 第十条 for a
# company's 住所; an agency's office address in its 政府信息公开指南, 条例 第十二条). An address is
# an organisation's when
# - its label is an office's: 办公地址, 单位地址, 办公地点, 机关地址, 单位住所;
# - it ends in an office building: …号行政中心, …号政务服务中心, …号市民中心, …号办公楼;
# - a service telephone follows it in the same sentence (，咨询电话12345, ，监督电话…);
# - its label is a neutral one (地址, 住所地, 住所, 联系地址, 通讯地址, 所在地) and the clause
#   before the label, or the one before that ending in 反映/咨询/联系, names an organisation (…局,
#   …委员会, …人民政府, …法院, …中心, …公司 …): "被申请人：某区人民政府，住所地…",
#   "请向某局反映，地址：…".
# A person's address keeps a personal label (住址, 家庭住址, 现住, 户籍地, 住) or follows a person:
# "申请人：张三，住所地…" is flagged.
_OFFICE_LABELS = frozenset(("办公地址", "单位地址", "办公地点", "机关地址", "单位住所"))
_NEUTRAL_LABELS = frozenset(("联系地址", "通讯地址", "住所地", "所在地", "地址", "住所"))
_OFFICE_AFTER = re.compile(
    r"[区市县镇乡]?(?:行政中心|政务服务中心|市民中心|便民服务中心|办公楼|办公大楼)|[，,；;]?(?:咨询|监督|办公|服务)电话"
)
_OFFICE_AFTER_HEADS = frozenset("行政市便办，,；;咨监服区县镇乡")
# An organisation ending the clause before the label, or the one before that (then followed by a
# verb: "请向某局反映，"), in the same sentence (no stop or colon after it).
_ORGANISATION = re.compile(
    r"(?:局|委员会|人民政府|政府|法院|检察院|办公室|办事处|中心|管理所|派出所|管理站|公司|银行|医院|学校|大学)"
    r"(?:反映|咨询|联系|申请(?:复核|复议)?|提出)?(?:[，,][^，,。\n：:；;]*)?$"
)


def _is_organisation_address(norm: str, start: int, end: int) -> bool:
    """Whether the address at ``norm[start:end]`` is an agency's or a company's (see above)."""
    if norm[end : end + 1] in _OFFICE_AFTER_HEADS and _OFFICE_AFTER.match(norm, end):
        return True
    if excluded_by_context(norm, start, end):
        return True
    # The label right before the address (after its colon, if any), the longest first: a set
    # lookup per length is cheaper than ``endswith`` on a tuple and a search for which one it was.
    label_end = start - 1 if start and norm[start - 1] in "：:" else start
    for length in (4, 3, 2):
        word = norm[max(0, label_end - length) : label_end]
        if word in _OFFICE_LABELS:
            return True
        if word in _NEUTRAL_LABELS:
            head = norm[max(0, label_end - length - 40) : label_end - length]
            return _ORGANISATION.search(head.rstrip("，,")) is not None
    return False


# What a residence ends at: a clause mark, a bracket, a cell.
_RESIDENCE_END = frozenset("，,。；;）)\t\n 、")
_RESIDENCE_CUES = ("住址", "住所", "户籍地", "户籍", "家住", "居住", "住", "地址", "原住", "现住")


_BARE_EXPLANATION = "乡镇以下的村（居住地）"


def _bare_village(norm: str, start: int, end: int) -> bool:
    """A town's village without a group or number (…镇…村) is an address only as a person's
    residence: right after a residence label (住, 住址：, 户籍地 …) and up to a clause's or a
    cell's end. A village in a roster's cell ("某某家庭⇥新丰镇某村") or a heading is where someone
    is from, not their address; nor is "在城关镇新华村召开" or "…村村民委员会"."""
    if end < len(norm) and norm[end] not in _RESIDENCE_END:
        return False
    return norm[max(0, start - 4) : start].rstrip("：: ").endswith(_RESIDENCE_CUES)


class AddressRecognizer(Recognizer):
    """详细住址 at street level: road + number, village + number, or estate + building (+ unit/room).

    A city or district name alone ("平湖市", "当湖街道") is not an address: the expression needs a
    house number or a building. The expression is only tried near its anchors (号、幢、栋、座 after
    a numeral), found with ``str.find``: trying it at every character of a long text would cost
    most of the detector's time.
    """

    kind = Kind.ADDRESS
    pattern = re.compile(ADDRESS_PATTERN)
    # The CJK run before an address often holds its label ("住所地", "位于") or the word that leads
    # to it ("于", "在"); it is cut off at the last such word. (No "^": with a start position,
    # ``re`` matches "^" only at a line start, which left "住所地…" and "日在…" inside spans.)
    # "为" is cut only after a label ("地址为…"): alone it starts road names (为民路).
    # "户籍所在地…", "寄自…", and a household before its address ("孙金林户姚庄镇…") are cut too,
    # and so are "来信请寄…" and a statement's "本人系…". "于" is not cut where it starts a
    # division's name (于都县, 于田县, 于洪区) or a 于家… village.
    _lead = re.compile(
        # "住" is not a label in 住宅 ("…广场住宅区2座").
        r".*(?:(?:"
        + "|".join(c if c != "住" else "住(?!宅)" for c in lexicon.ADDRESS_CUES)
        # ... or any words before a copula ("就是…", "登记的是…", "确认为…", "地均为…").
        + r")均?[为是]?|所在地|寄自|来自|请寄|本人系|户|于(?!都县|田县|洪区|家[^中])|[在至到：:](?!地)"
        + r"|[是为])"
    )
    score = 0.85
    explanation = "街道门牌级详细地址"

    def analyze(self, text: str, norm: str) -> Iterator[Finding]:
        # A list, not a generator (see ``name_tables.names_before_sex``).
        found: list[Finding] = []
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
            # Half the anchors are a document number's "12号" or the like, with no word of a road,
            # a village, a compound, a building or a town around them: one class search turns
            # them away where the address expression would be tried at every position.
            if _ADDRESS_WORD.search(norm, lo, hi) is None:
                continue
            # A match starting after the anchor belongs to a later anchor (and may be cut by ``hi``).
            while (match := self.pattern.search(norm, lo, hi)) is not None and match.start() <= anchor:
                finding = self._finding(text, norm, match.start(), match.end())
                if norm[finding.end - 1] in "村查":
                    if _bare_village(norm, finding.start, finding.end):
                        # Its start is not sure (a name may stand before it with no mark:
                        # "住址：韩某某滑县…村"): a name found there wins the overlap.
                        found.append(
                            make_finding(
                                self.kind, finding.start, finding.end, finding.text, 0.65, _BARE_EXPLANATION
                            )
                        )
                elif not _is_organisation_address(norm, finding.start, finding.end):
                    found.append(finding)
                lo = covered = max(match.end(), finding.end)
                if match.end() > anchor:
                    break
        found += self._across_lines(text, norm)
        return iter(found)

    def _across_lines(self, text: str, norm: str) -> list[Finding]:
        """Addresses broken by a line break (``address_lines``); the longer span wins an overlap."""
        found = []
        for start, end in joined_spans(norm, self.pattern):
            brk = norm.index("\n", start)
            lead = self._lead.match(norm, start, brk)
            joined = norm[lead.end() : brk] + norm[brk + 1 : end].lstrip(" ") if lead is not None else ""
            if lead is not None and self.pattern.fullmatch(joined):
                start = lead.end()
            if not _is_organisation_address(norm, start, end):
                found.append(
                    make_finding(self.kind, start, end, text[start:end], self.score, self.explanation)
                )
        return found

    @staticmethod
    def _anchors(norm: str) -> list[int]:
        anchors = []
        for ch in _ADDRESS_ANCHORS:
            i = norm.find(ch, 1)
            while i != -1:
                if norm[i - 1] in _NUMERALS:
                    anchors.append(i)
                i = norm.find(ch, i + 1)
        # The first hyphen of "6-1-702" (dates and phone numbers have other shapes).
        anchors.extend(match.start() for match in _DASHED_ANCHOR.finditer(norm))
        # A village is an anchor only with a natural village after it: with a group or a number
        # it has a "组"/"号" anchor already, and most villages in a text are names alone (泖口村).
        natural = _NATURAL_AFTER.match
        # ... or below a town (…镇…村, …乡…村委会…组): a village alone is an address there only
        # as a person's residence (``_bare_village``). The town is looked for in the ten characters
        # before each village only: most texts hold no village, and a test of the whole text for a
        # town first cost more than these short searches (a two-character search over the whole
        # text reads every character of it).
        # 嘎查 is searched for only where 嘎 is (a one-character test; most texts have none).
        for word in ("村", "嘎查") if "嘎" in norm else ("村",):
            i = norm.find(word, 1)
            while i != -1:
                if (
                    natural(norm, i + len(word))
                    or norm.find("镇", i - 10 if i > 10 else 0, i) != -1
                    or norm.find("乡", i - 10 if i > 10 else 0, i) != -1
                    or norm.find("街道", i - 10 if i > 10 else 0, i) != -1
                ):
                    anchors.append(i)
                i = norm.find(word, i + 1)
        return sorted(anchors)

    def _finding(self, text: str, norm: str, start: int, end: int) -> Finding:
        # Most spans hold none of the characters a label or a leading word starts with.
        lead = None if _LEAD_HEADS.isdisjoint(norm[start:end]) else self._lead.match(norm, start, end)
        if lead is not None and self.pattern.fullmatch(norm, lead.end(), end):
            start = lead.end()
        # An address never starts inside a date: "2019年9月9日在苏州市…" gives "日在苏州市…" when
        # the run of CJK before the anchor begins right after the day's digits.
        date = _DATE_TAIL.match(norm, start, end) if norm[start] in "年月日号" else None
        if (
            date is not None
            and start
            and norm[start - 1] in _NUMERALS
            and self.pattern.fullmatch(norm, date.end(), end)
        ):
            start = date.end()
        # What is written after the expression's reading (rooms, stalls, 商铺 …) and the rest of a
        # label before it (``address_tails``).
        trimmed = trimmed_start(norm, start, end)
        if trimmed != start and self.pattern.fullmatch(norm, trimmed, end):
            start = trimmed
        end = extended_end(norm, end)
        return make_finding(self.kind, start, end, text[start:end], self.score, self.explanation)
