"""Issue 14, the kinds volume C showed (documents after conversion), with our own examples.

Values broken by a converter's line wrap, travel permits and passports in rows, names in rows and
forms, and the seats of agencies and companies written without the cue words known before. None of
these strings is a corpus's.
"""

from __future__ import annotations

import pytest

from gongkai.sensitive import Kind, detect
from gongkai.sensitive.dewrap import dewrapped


def found(text: str, kind: Kind) -> list[str]:
    return [f.text for f in detect(text) if f.kind == kind]


# --- values broken by a line wrap ----------------------------------------------------------------

# Fixed-width prose: every full line is 22 characters wide (44 columns as printed).
_WRAPPED = (
    "西湖区城市管理局\n"
    "行政处罚决定书\n"
    "当事人：包红霞，性别：女，住所：浙江省杭\n"
    "州市西湖区留下街道屏基村后山弄17号，联系\n"
    "电话：13757190023。经查，当事人于2024年\n"
    "3月在屏基村擅自搭建棚屋，违反了有关规定\n"
    "。本机关现依法作出处罚决定，由原告陶\n"
    "春生诉至本院。\n"
)


def test_an_address_wrapped_at_the_page_width_spans_the_break() -> None:
    assert found(_WRAPPED, Kind.ADDRESS) == ["浙江省杭\n州市西湖区留下街道屏基村后山弄17号"]


def test_a_table_cells_tail_on_the_next_line_belongs_to_the_cell() -> None:
    text = (
        "序号  姓名      住址\n"
        "1     柏金凤    仙居县横溪镇下陈村后畈\n"
        "                二组9号\n"
        "2     龚启明    仙居县横溪镇下陈村3组12号\n"
    )
    assert "仙居县横溪镇下陈村后畈\n                二组9号" in found(text, Kind.ADDRESS)


def test_dewrapped_view_maps_back_to_the_original() -> None:
    view = dewrapped(_WRAPPED)
    assert view is not None
    i = view.text.index("浙江省杭州市")
    start, end = view.span(i, i + 6) or (0, 0)
    assert _WRAPPED[start:end] == "浙江省杭\n州市"
    # A span inside one line holds no break: the caller keeps its own finding there.
    j = view.text.index("西湖区城市")
    assert view.span(j, j + 5) is None


@pytest.mark.parametrize(
    "text",
    [
        # Lines of a list: the next line opens an item, whatever the width before it.
        "三、参加评审的专家名单：钱卫东、郑立强、孔慧敏、曹东\n四、凡对本次公告内容提出询问，请联系。\n"
        "五、其他补充事宜：本项目不接受联合体投标的各方\n六、监督部门：区财政局政府采购监督管理科室\n",
        # Table rows laid out with spaces: a row's end is no wrap.
        "姓名    住址\n柏金凤  仙居县横溪镇下陈村3组9号\n龚启明  仙居县横溪镇下陈村3组12号\n",
    ],
)
def test_line_ends_that_are_not_wraps_are_kept(text: str) -> None:
    view = dewrapped(text)
    assert view is None or view.text.count("\n") >= text.count("\n") - 1
    for f in detect(text):
        assert "\n" not in f.text, f


# --- travel documents in notices and rows ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # A lost-document notice: the number after "一本，号码：".
        ("蒋丽华遗失往来台湾通行证一本，号码：T12345678，声明作废。", ["T12345678"]),
        ("遗失护照一本，证件号码：E61230987，特此声明。", ["E61230987"]),
        # The next cell of a CSV row or of a table printed one cell per line.
        ("SMITH JOHN,护照,E88012345,2024/3/1", ["E88012345"]),
        ("1\n孔秀梅\n往来台湾通行证\nL20481357\n遗失\n", ["L20481357"]),
    ],
)
def test_travel_document_numbers_in_notices_and_rows(text: str, values: list[str]) -> None:
    assert found(text, Kind.PASSPORT) == values


@pytest.mark.parametrize(
    "text",
    [
        # A date or an amount in the next cell is not a document number.
        "护照\n20240315\n",
        "往来台湾通行证,12000000,元",
    ],
)
def test_numbers_after_a_travel_document_cell_that_are_not_one(text: str) -> None:
    assert found(text, Kind.PASSPORT) == []


# --- seats of agencies and companies without the cue words known before ---------------------


@pytest.mark.parametrize(
    "text",
    [
        # Where people are told to go to collect or to have something dealt with.
        "当事人可在工作日到临海市古城街道崇和路56号领\n取上述文书。",
        "请持驾驶证和行驶证到仙居县南峰街道环城南路12号接受处理，逾期将依法处理。",
        # An office's or a bidder's own label.
        "刊登热线：0576-88812345 广告部地址：椒江区葭沚街道市府大道318号",
        # Letters sent to the agency.
        "监督电话：12345；信函请寄\n黄岩区东城街道劳动北路118号，邮编318020。",
        # The agency's seat in brackets after its name, the label broken by a line wrap.
        "可向区房屋征收管理办公室（地\n址：温岭市太平街道东辉北路1号）书面提出。",
        # An agency that is a party: its 住所地 before its representative.
        "被申请人：三门县自然资源和规划局，住所地三门县海游街道广场路25号。\n法定代表人：郑某某",
        # A hearing's place named with the office right after it.
        "听证时间：2024年5月9日 上午9时  地点：天台县赤城街道劳动路26号天台县综合行政执法局三楼",
    ],
)
def test_seats_of_agencies_and_companies_are_not_personal(text: str) -> None:
    assert found(text, Kind.ADDRESS) == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # A company register row: the seat beside its credit code, columns set apart by spaces or commas.
        ("91331082MA2K3T8X4L  临海市大洋街道柏叶西路88号  2024-05-01", None),
        ("93331082MA2K3T8X4E,临海市大洋街道柏叶西路88号,农民专业合作社", None),
        # A 个体工商户's (category 92): its keeper's, as personal as any.
        ("92331082MA2K3T8X4H,临海市大洋街道柏叶西路88号,个体工商户", "临海市大洋街道柏叶西路88号"),
        # A person's address stays personal, in a row or in running text.
        ("申请人：金某某，住临海市大洋街道柏叶西路88号，电话略。", "临海市大洋街道柏叶西路88号"),
    ],
)
def test_seat_beside_a_credit_code(text: str, address: str | None) -> None:
    assert found(text, Kind.ADDRESS) == ([address] if address else [])


# --- names in forms, notices and messages --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # A form's name written into its underlined blank.
        ("台路综执罚〔2024〕7号\n______柯雪梅______：\n经查，你于2024年3月", ["柯雪梅"]),
        ("当事人签收：____滕国栋____   日期：____", ["滕国栋"]),
        # A message's mention of a person.
        ("请以下人员带齐材料准时到场：\n@卢海燕\n@戚建新\n", ["卢海燕", "戚建新"]),
        # Roles of an inheritance, a salutation, a third party, a household of a relief list.
        ("被继承人已故；继承人裘丽萍，女，身份证号略。", ["裘丽萍"]),
        ("其配偶祁金花（原身份证号略）已于2011年死亡。", ["祁金花"]),
        ("尊敬的储建华，您的社保卡已制作完成。", ["储建华"]),
        ("您申请的信息涉及第三方阮丽娜的个人信息。", ["阮丽娜"]),
        ("一、关于上塘村困难户应国平（住上塘村3组）的救助申请", ["应国平"]),
        # A dotted name after a cue is found whole, not its first part.
        ("申请将配偶古丽娜·买买提（身份证号略）迁入本户。", ["古丽娜·买买提"]),
    ],
)
def test_names_in_forms_notices_and_messages(text: str, names: list[str]) -> None:
    assert found(text, Kind.PERSON_NAME) == names


@pytest.mark.parametrize(
    "text",
    [
        "请@所有人 按时提交材料。",
        "姓名：________  性别：____",
        "尊敬的用户，您好。",
        "本机关已书面征求第三方意见。",
    ],
)
def test_no_name_in_blanks_mentions_and_salutations_without_one(text: str) -> None:
    assert found(text, Kind.PERSON_NAME) == []
