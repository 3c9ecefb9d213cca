"""Chinese full-text search: bigram tokens, ranking, filters, highlighting (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.urls import reverse

from disclosuretesting import _fresh_cache, make_item, publish, science_catalogue
from gongkai.web.disclosure import vocabulary as v
from gongkai.web.portal import search

__all__ = ["_fresh_cache", "make_item", "publish", "science_catalogue"]


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        # Chinese runs become bigrams plus the run's last character.
        ("科技局", ["科技", "技局", "局"]),
        # Punctuation separates runs; Latin and digits are lower-cased words.
        ("2023年度ABC项目，补助", ["2023", "年度", "度", "abc", "项目", "目", "补助", "助"]),
        # A single character is its own token.
        ("局", ["局"]),
    ],
)
def test_tokens(text: str, tokens: list[str]) -> None:
    assert search.tokens(text) == tokens


@pytest.mark.parametrize(
    ("q", "fts5", "tsquery"),
    [
        # One word: a phrase of its bigrams.
        ("补助资金", '"补助 助资 资金"', "('补助' <-> '助资' <-> '资金')"),
        # Terms separated by spaces must all match; a single character is a prefix.
        ("局 2023", '"局"* AND "2023"', "'局':* & ('2023')"),
        # Quotes and operators are dropped: only letters and digits reach the database.
        ('"科技" OR -x', '"科技" AND "or" AND "x"', "('科技') & ('or') & ('x')"),
        # A term with other forms (synonyms): the OR of their phrases.
        ("年报", '(("年报") OR ("年度 度报 报告"))', "((('年报')) | (('年度' <-> '度报' <-> '报告')))"),
    ],
)
def test_query_translation(q: str, fts5: str, tsquery: str) -> None:
    query = search.Query.parse(q)
    assert (query.fts5(), query.tsquery()) == (fts5, tsquery)


@pytest.mark.parametrize(
    ("q", "tags", "narrow"),
    [
        # A word of three bigrams: their AND, which GIN answers without re-checking rows.
        ("补助资金", [], "'补助' & '助资' & '资金'"),
        # Filter tags, prefixes and single tokens are kept as they are.
        ("创新券 局", ["zzgky2024"], "'zzgky2024' & '创新' & '新券' & '局':*"),
        # No term of two bigrams or more: the phrase query is already a plain AND.
        ("局 2023 科技", ["zzgka1"], None),
    ],
)
def test_phrase_narrowing_query(q: str, tags: list[str], narrow: str | None) -> None:
    assert search.Query.parse(q).tsquery_tokens(tags) == narrow


@pytest.mark.parametrize("q", ["", "   ", "，。！"])
def test_empty_queries_are_a_clear_error(q: str) -> None:
    with pytest.raises(search.SearchQueryError, match="请输入要查找的文字"):
        search.Query.parse(q)


def test_highlight_escapes_and_marks() -> None:
    q = search.Query.parse("补助")
    assert (
        search.highlight("<b>补助</b>资金补助", q)
        == "&lt;b&gt;<mark>补助</mark>&lt;/b&gt;资金<mark>补助</mark>"
    )


@pytest.fixture
def corpus(make_item: Any, publish: Any, agencies: Any) -> dict[str, Any]:
    items = {
        "title": make_item(title="科技创新券补助资金管理办法", body="第一条 为规范管理制定本办法。"),
        "body": make_item(title="2022年工作总结", body="全年发放科技创新券补助资金300万元。"),
        "split": make_item(title="创新 补助 名单", body="科技 券"),  # the words, but not together
        "normative": make_item(
            title="关于印发创新券实施细则的通知",
            body="本细则自发布之日起施行。",
            doc_type=v.DocType.NORMATIVE,
            category="行政规范性文件",
        ),
    }
    for i, item in enumerate(items.values()):
        publish(item, date(2026, 3, 5 + i))
    return items


@pytest.mark.django_db
def test_a_term_matches_literally_and_title_hits_rank_first(corpus: dict[str, Any]) -> None:
    results = search.search(search.Query.parse("创新券补助"))
    assert [h.entry.item_id for h in results.hits] == [corpus["title"].pk, corpus["body"].pk]
    assert results.total == 2
    assert "<mark>创新券补助</mark>" in results.hits[1].snippet


@pytest.mark.django_db
def test_every_bigram_is_not_enough(make_item: Any, publish: Any) -> None:
    # 创新 and 新券 both occur, never as 创新券: the AND of the bigrams (PostgreSQL's narrowing
    # query) finds the item, the phrase must not.
    item = make_item(title="重新券商名单", body="鼓励创新。")
    publish(item, date(2026, 3, 5))
    assert search.search(search.Query.parse("创新券")) == search.Results(0, [])
    assert search.search(search.Query.parse("重新券商")).total == 1


@pytest.mark.django_db
def test_several_terms_must_all_match(corpus: dict[str, Any]) -> None:
    found = {h.entry.item_id for h in search.search(search.Query.parse("创新 补助")).hits}
    assert found == {corpus["title"].pk, corpus["body"].pk, corpus["split"].pk}


@pytest.mark.django_db
def test_filters(corpus: dict[str, Any], agencies: Any, science_catalogue: Any) -> None:
    q = search.Query.parse("创新券")
    by_type = search.search(q, search.Filters(doc_type=v.DocType.NORMATIVE))
    assert [h.entry.item_id for h in by_type.hits] == [corpus["normative"].pk]
    by_heading = search.search(q, search.Filters(category=science_catalogue["政策文件"].pk))
    assert by_heading.total == 3  # every item sits under 政策文件
    assert search.search(q, search.Filters(agency=agencies["finance"].pk)).total == 0
    assert search.search(q, search.Filters(year=2025)).total == 0
    assert search.search(q, search.Filters(year=2026)).total == 3


@pytest.mark.django_db
def test_paging(corpus: dict[str, Any]) -> None:
    q = search.Query.parse("创新")
    first = search.search(q, limit=2)
    second = search.search(q, limit=2, offset=2)
    assert first.total == second.total == 4
    assert len({h.entry.item_id for h in first.hits + second.hits}) == 4


@pytest.mark.django_db
def test_beyond_the_rank_window_pages_go_newest_first_and_counts_cap(
    corpus: dict[str, Any], monkeypatch: Any
) -> None:
    monkeypatch.setattr(search, "RANK_WINDOW", 2)
    monkeypatch.setattr(search, "COUNT_CAP", 3)
    q = search.Query.parse("创新")
    ranked = search.search(q, limit=2)
    rest = search.search(q, limit=2, offset=2)
    # Four matches: the count stops at 3 and says so.
    assert (ranked.total, ranked.capped) == (3, True)
    # The window holds the two newest (ids 4 and 3); beyond it, the older ones newest first.
    assert {h.entry.item_id for h in ranked.hits} == {corpus["normative"].pk, corpus["split"].pk}
    assert [h.entry.item_id for h in rest.hits] == [corpus["body"].pk, corpus["title"].pk]


@pytest.mark.django_db
def test_prune_drops_index_rows_without_an_entry(corpus: dict[str, Any]) -> None:
    from gongkai.web.portal.models import SearchEntry

    # As after a flush: the entry is gone, its index row is not.
    SearchEntry.objects.filter(pk=corpus["title"].pk).delete()
    assert search.search(search.Query.parse("管理办法")).total == 1
    search.prune()
    assert search.search(search.Query.parse("管理办法")).total == 0


# -- issue 17, point 5: word forms, short names, numbers, single characters, filters alone ---


@pytest.fixture
def numbered(make_item: Any, publish: Any) -> dict[str, Any]:
    items = {
        "report": make_item(
            title="平湖市科学技术局2024年政府信息公开工作年度报告", body="本报告由本局编制。"
        ),
        "numbered": make_item(
            title="关于印发科技计划项目管理办法的通知",
            body="各有关单位：现印发，请遵照执行。",
            doc_number="平科发〔2024〕7号",
            doc_type=v.DocType.NORMATIVE,
        ),
    }
    for i, item in enumerate(items.values()):
        publish(item, date(2026, 3, 5 + i))
    return items


@pytest.mark.django_db
def test_a_doc_types_name_and_its_short_name_find_its_items(
    corpus: dict[str, Any], numbered: dict[str, Any]
) -> None:
    """The 行政规范性文件 items say so nowhere in their words; their type finds them."""
    want = {corpus["normative"].pk, numbered["numbered"].pk}
    for q in ("行政规范性文件", "规范性文件"):
        assert {h.entry.item_id for h in search.search(search.Query.parse(q)).hits} == want, q


@pytest.mark.django_db
def test_common_short_names_find_the_full_words(numbered: dict[str, Any]) -> None:
    for q in ("年度报告", "政府信息公开年报", "年报"):
        found = {h.entry.item_id for h in search.search(search.Query.parse(q)).hits}
        assert found == {numbered["report"].pk}, q


@pytest.mark.django_db
def test_years_numbers_and_single_characters_find_their_items(numbered: dict[str, Any]) -> None:
    numbered_item = numbered["numbered"]
    numbered_item.refresh_from_db()
    for q in ("2024", "〔2024〕7号", "平科发〔2024〕7号", numbered_item.index_number):
        assert numbered_item.pk in {h.entry.item_id for h in search.search(search.Query.parse(q)).hits}, q
    # Single characters: the publishing agency (平湖市科学技术局) is searchable, and a character
    # inside a run finds its item.
    assert search.search(search.Query.parse("局")).total == 2
    assert [h.entry.item_id for h in search.search(search.Query.parse("遵")).hits] == [numbered_item.pk]
    # The year of publication finds items whose words do not name it.
    assert search.search(search.Query.parse("2026")).total == 2


@pytest.mark.django_db
def test_filters_work_without_a_keyword(corpus: dict[str, Any], client: Any) -> None:
    results = search.search(search.Query.everything(), search.Filters(doc_type=v.DocType.NORMATIVE))
    assert [h.entry.item_id for h in results.hits] == [corpus["normative"].pk]
    page = client.get(reverse("portal:search"), {"q": "", "type": v.DocType.NORMATIVE.value})
    text = page.content.decode()
    assert page.status_code == 200 and "请输入检索词" not in text and 'id="total">1<' in text
    assert "请输入检索词" in client.get(reverse("portal:search"), {"q": ""}).content.decode()
