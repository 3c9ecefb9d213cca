"""Issue 14, values broken by a converter's line wrap (volume C's main kind), with our own examples.

The other kinds volume C showed are in ``cases/volume_c_kinds.toml``. None of these strings is a
corpus's.
"""

from __future__ import annotations

import pytest

from gongkai.sensitive import Kind, detect
from gongkai.sensitive.dewrap import dewrapped
from support.detection import found

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


def test_every_page_wrap_is_a_line_end_the_cheap_look_finds() -> None:
    """``wrap_breaks`` measures the page only where ``_MAY_WRAP`` finds a line end that passes
    the tests of a break: every fixed-width break it removes (a lone line end) is one of those,
    in the wrapped prose above and in volume C, and text without one is left alone."""
    from gongkai.sensitive.annotated_corpus_c import annotated_cases_c
    from gongkai.sensitive.dewrap import _MAY_WRAP, wrap_breaks
    from gongkai.sensitive.normalize import normalize

    texts = [_WRAPPED, *(normalize(case.document.text) for case in annotated_cases_c())]
    wraps = 0
    for text in texts:
        looked = {match.start() for match in _MAY_WRAP.finditer(text)}
        for start, end in wrap_breaks(text):
            if end - start == 1:
                wraps += 1
                assert start in looked, text[max(0, start - 20) : start + 20]
    assert wraps >= 445  # as many as before the look was added (445 in volume C)
    # Wide lines of prose, but each next line opens a field or is laid out as cells: no break.
    unwrapped = "申请人提交的申请材料齐全符合法定形式予以受理\n联系人：钱卫东\n" * 3
    assert _MAY_WRAP.search(unwrapped) is None and wrap_breaks(unwrapped) == []
