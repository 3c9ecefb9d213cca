"""Issue 14, after the held-out corpus: names in running text, organisation addresses, dates.

The held-out corpus (``gongkai.sensitive.holdout_corpus``) showed three kinds of error; these are
our own examples of each kind, not its strings.
"""

from __future__ import annotations

import pytest

from gongkai.sensitive import Kind, detect


def found(text: str, kind: Kind) -> list[str]:
    return [f.text for f in detect(text) if f.kind == kind]


# --- names in running text -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("经调查，周文静于2021年3月5日到窗口提交申请。", ["周文静"]),
        ("2022年8月，申请人之子陈浩然与邻居罗建军因排水问题发生争执。", ["罗建军"]),
        ("事发当晚，其胞兄彭志强发生意外。", ["彭志强"]),
        ("信访人已委托律师孔文辉代为领取答复书。", ["孔文辉"]),
        ("经核实，该车辆登记车主为贺秀英未果。", ["贺秀英"]),
        ("如有疑问请联系资助专管员蒋丽华（电话0571-88001234）。", ["蒋丽华"]),
        ("承租人唐建平发生欠租后，出租方多次催告。", ["唐建平"]),
        ("学生家长可联系指导老师邓晓梅（电话13912345678）。", ["邓晓梅"]),
    ],
)
def test_names_in_running_text(text: str, names: list[str]) -> None:
    assert found(text, Kind.PERSON_NAME) == names


def test_a_later_mention_in_running_text_and_across_a_table() -> None:
    text = "经查，韩晓东于2020年6月在本市务工。\n序号\t姓名\n1\t许美玲\n韩晓东表示认可。许美玲称已领取。"
    assert found(text, Kind.PERSON_NAME) == ["韩晓东", "许美玲", "韩晓东", "许美玲"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("原告：钱素芬，女，汉族，1968年生。\n被告：杜建华，住所地不详。", ["钱素芬", "杜建华"]),
        ("申请执行人：黎振宇。\n被执行人：洪美娟。", ["黎振宇", "洪美娟"]),
        ("制表：莫晓燕  审核：甘立新  填表：何晶晶", ["莫晓燕", "甘立新", "何晶晶"]),
    ],
)
def test_party_blocks_and_signature_lines(text: str, names: list[str]) -> None:
    assert found(text, Kind.PERSON_NAME) == names


def test_rare_surnames_and_yu_first_on_a_list_line() -> None:
    text = "领取名单\n琚明辉、禤海燕\n于秀兰、男、退休"
    assert found(text, Kind.PERSON_NAME) == ["琚明辉", "禤海燕", "于秀兰"]


@pytest.mark.parametrize(
    "text",
    [
        "本机关于2023年5月10日作出答复。",
        "全年发生各类案件12件，同期下降3%。",
        "经查，张某于2020年3月在本市务工，李某某表示认可。",
        "与会人员于会后签字确认。",
        "申请人于2023年1月5日提出申请，本机关于次日受理。",
        "及时于每月10日前公开，和往年相比有所增加。",
        "经查，小王于2020年搬离。",
        "请各位老师和家长，于周五前提交。",
        "请核对车主信息，联系网格员。",
        "律师事务所于2022年成立，同时于2021年起实施。",
    ],
)
def test_running_text_look_alikes(text: str) -> None:
    assert found(text, Kind.PERSON_NAME) == []


# --- organisation addresses are not personal data ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "被申请人：余杭区人民政府，住所地杭州市余杭区临平大道128号。",
        "采购人：平湖市教育局，地址：嘉兴市平湖市当湖街道胜利路99号",
        "如有异议，请向市民政局反映，地址：湖州市吴兴区仁皇山路666号。",
        "办公地址：宁波市鄞州区宁穿路2001号。",
        "联系地址：金华市婺城区双龙南街801号，咨询电话12345。",
        "现场咨询：衢州市柯城区荷花中路1号政务服务中心。",
        "供应商：浙江某科技有限公司，住所：杭州市滨江区江南大道3850号。",
    ],
)
def test_organisation_addresses_are_not_flagged(text: str) -> None:
    assert found(text, Kind.ADDRESS) == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("申请人：方国强，住所地台州市椒江区白云街道东环大道168号。", "台州市椒江区白云街道东环大道168号"),
        ("申请人：朱丽萍，系市交通运输局职工，住址：舟山市定海区环城南路15号", "舟山市定海区环城南路15号"),
        (
            "第三人：潘立新，家庭住址：丽水市莲都区解放街62号3幢1单元201室。",
            "丽水市莲都区解放街62号3幢1单元201室",
        ),
    ],
)
def test_a_persons_address_stays_flagged_without_its_label(text: str, address: str) -> None:
    assert found(text, Kind.ADDRESS) == [address]


# --- an address never starts inside a date ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("当事人于2022年11月3日在温州市鹿城区五马街道解放街88号经营。", "温州市鹿城区五马街道解放街88号"),
        ("自2021年5月起至南京市鼓楼区中山北路30号居住。", "南京市鼓楼区中山北路30号"),
        ("2023年2月8日于常州市天宁区锦绣花园5幢2单元302室发现。", "常州市天宁区锦绣花园5幢2单元302室"),
    ],
)
def test_an_address_span_does_not_start_inside_a_date(text: str, address: str) -> None:
    assert found(text, Kind.ADDRESS) == [address]
