"""Chinese full-text search of the portal, the same way on SQLite and PostgreSQL.

Chinese is written without spaces, so word tokenizers see a whole sentence as one token. We index
*character bigrams* (科技局 -> 科技 技局, plus the run's last character alone so that a one-character
query can still hit it) and Latin/digit runs as lower-cased words, and hand that token stream to
each database's own inverted index:

- SQLite: an FTS5 table (``unicode61`` tokenizer over the space-separated tokens), ranked by
  ``bm25`` with titles weighted 10:1;
- PostgreSQL: a ``tsvector`` table (``'simple'`` configuration: no stemming, no stop words) with a
  GIN index, ranked by ``ts_rank`` with titles as weight A.

Why bigrams and not FTS5's trigram tokenizer + pg_trgm: most Chinese words are two characters
(补贴, 许可, 处罚), which trigram indexes cannot look up; and bigrams give the same tokens, the same
query and so the same results on both databases. A query term becomes a phrase of its bigrams
(adjacent, in order), so a hit contains the term literally; terms separated by spaces must all
match. No dictionary segmenter (jieba) is needed and none of its licence/size questions arise.
A term also looks for its other forms (``synonyms``: 规范性文件/行政规范性文件, 年报/年度报告): the
OR of their phrases. A query of filters alone (no keyword) is the AND of the filter tags.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from django.db import connection
from django.utils.safestring import SafeString, mark_safe

from gongkai.errors import GongkaiError
from gongkai.web.disclosure.vocabulary import DocType
from gongkai.web.portal.models import SearchEntry
from gongkai.web.portal.synonyms import alternatives

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_RUN = re.compile(rf"[{_CJK}]+|[0-9A-Za-z]+")
_CJK_RUN = re.compile(rf"[{_CJK}]+")

FTS_TABLE = "portal_search_fts"
PG_TABLE = "portal_search_vec"
MAX_TERMS = 8
#: Prefix of filter tags in the index (letters a reader's query never produces together with
#: the rest: tags are added to queries by ``Filters`` only; ``Query.parse`` lower-cases words).
TAG = "zzgk"
MAX_QUERY = 100


class SearchQueryError(GongkaiError):
    """A query that cannot be searched (shown to the reader in Chinese)."""


def tokens(text: str) -> list[str]:
    """The index tokens of ``text`` (bigrams of Chinese runs, words of Latin/digit runs)."""
    out: list[str] = []
    for run in _RUN.findall(text):
        if _CJK_RUN.fullmatch(run):
            out.extend(run[i : i + 2] for i in range(len(run) - 1))
            out.append(run[-1])
        else:
            out.append(run.lower())
    return out


Phrase = tuple[list[str], bool]


def _phrases(term: str) -> list[Phrase]:
    """Per run of ``term``: its tokens, and whether it is a prefix (one Chinese character)."""
    phrases: list[Phrase] = []
    for run in _RUN.findall(term):
        if _CJK_RUN.fullmatch(run):
            if len(run) == 1:
                phrases.append(([run], True))
            else:
                phrases.append(([run[i : i + 2] for i in range(len(run) - 1)], False))
        else:
            phrases.append(([run.lower()], False))
    return phrases


def _any(alternatives: list[str], op: str) -> str:
    """One term: its only form as it is, else the OR (``op``) of its forms in brackets."""
    if len(alternatives) == 1:
        return alternatives[0]
    return "(" + f" {op} ".join(f"({a})" for a in alternatives) + ")"


def _fts5_phrase(phrase: Phrase) -> str:
    """SQLite FTS5: the tokens as a phrase; one Chinese character as a prefix (``"字"*``)."""
    toks, prefix = phrase
    return '"' + " ".join(toks) + '"' + ("*" if prefix else "")


def _tsquery_phrase(phrase: Phrase) -> str:
    """PostgreSQL tsquery: the tokens in order (``<->``); one Chinese character as a prefix."""
    toks, prefix = phrase
    return f"'{toks[0]}':*" if prefix else "(" + " <-> ".join(f"'{t}'" for t in toks) + ")"


@dataclass(frozen=True)
class Query:
    """A parsed query: its terms (each a list of runs) for matching and highlighting. No terms
    (``Query.everything()``) matches every item of the filters."""

    terms: tuple[str, ...]

    @classmethod
    def parse(cls, q: str) -> Query:
        q = q.strip()[:MAX_QUERY]
        terms = tuple(t for t in (" ".join(_RUN.findall(part)) for part in q.split()) if t)
        if not terms:
            raise SearchQueryError("请输入要查找的文字（汉字、字母或数字）")
        return cls(terms[:MAX_TERMS])

    @classmethod
    def everything(cls) -> Query:
        """No keyword: the filters alone choose the items (``search`` needs at least one)."""
        return cls(())

    def _forms(self) -> list[list[list[Phrase]]]:
        """Per term, per form of it (the term and its synonyms, ``synonyms.alternatives``): its phrases."""
        return [[_phrases(form) for form in alternatives(term)] for term in self.terms]

    def runs(self) -> list[str]:
        """Every run of every form of every term (for highlighting and snippets)."""
        return [run for term in self.terms for form in alternatives(term) for run in form.split()]

    def fts5(self, tags: list[str] | None = None) -> str:
        # Tokens are letters/digits only, so quoting them is safe.
        return self._expression([f'tags : "{t}"' for t in tags or []], _fts5_phrase, "AND", "OR")

    def tsquery(self, tags: list[str] | None = None) -> str:
        return self._expression([f"'{t}'" for t in tags or []], _tsquery_phrase, "&", "|")

    def _expression(self, tags: list[str], phrase: Callable[[Phrase], str], and_: str, or_: str) -> str:
        """The AND of ``tags`` and of every term -- the OR of its forms, each the AND of its
        phrases -- in one engine's syntax: ``phrase`` writes a phrase, ``and_``/``or_`` join."""
        terms = [
            _any([f" {and_} ".join(map(phrase, form)) for form in forms], or_) for forms in self._forms()
        ]
        return f" {and_} ".join(tags + terms)

    def tsquery_tokens(self, tags: list[str] | None = None) -> str | None:
        """The AND of every token of ``tsquery`` without their order, or None when that is
        ``tsquery`` itself (no term of two bigrams or more).

        GIN keeps no positions: it answers this query exactly from the index, while a phrase
        (``<->``) makes it re-check every candidate against its row's tsvector. ``search``
        narrows with this query and re-checks the phrase only until it has the rows it needs."""
        forms = self._forms()
        if all(len(toks) == 1 for term in forms for form in term for toks, _ in form):
            return None
        parts = [f"'{t}'" for t in tags or []]
        for term in forms:
            parts.append(
                _any(
                    [
                        " & ".join(f"'{t}'" + (":*" if prefix else "") for toks, prefix in form for t in toks)
                        for form in term
                    ],
                    "|",
                )
            )
        return " & ".join(parts)


# -- writing ------------------------------------------------------------------------------------


def index_row(entry: SearchEntry) -> tuple[int, str, str, str]:
    """(item id, title tokens, body tokens, filter tags) as the index stores them.

    Besides the title, 文号 and 索引号, the title field holds the item's year and the name of its
    document type (行政规范性文件), and the body the publishing agency's name: a reader searching
    "2024", "规范性文件" or "局" looks for items of that year, type or agency even where the
    words themselves do not say so (issue 17)."""
    head = [
        entry.title,
        entry.doc_number,
        entry.index_number,
        str(entry.year),
        DocType.of(entry.doc_type).label,
    ]
    title = " ".join(tokens(" ".join(head)))
    tags = Filters(entry.agency_id, entry.category_id, entry.year, entry.doc_type).tags()
    return entry.pk, title, " ".join(tokens(entry.text + " " + entry.agency.name)), " ".join(tags)


#: INSERT of one ``index_row`` per database (tags get PostgreSQL's lowest weight, D).
INSERT = {
    "postgresql": f"INSERT INTO {PG_TABLE} (item_id, vec) VALUES"
    " (%s, setweight(to_tsvector('simple', %s), 'A')"
    " || setweight(to_tsvector('simple', %s), 'B') || setweight(to_tsvector('simple', %s), 'D'))"
    " ON CONFLICT (item_id) DO UPDATE SET vec = EXCLUDED.vec",
    "sqlite": f"INSERT INTO {FTS_TABLE} (rowid, title, body, tags) VALUES (%s, %s, %s, %s)",
}


def index_entry(entry: SearchEntry) -> None:
    """(Re)write the index row of ``entry`` (call inside the publishing transaction)."""
    with connection.cursor() as cur:
        if connection.vendor != "postgresql":
            cur.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [entry.pk])
        cur.execute(INSERT[connection.vendor], list(index_row(entry)))


def prune(using: str = "default") -> None:
    """Delete index rows whose entry is gone (after a flush; the actions keep them in step)."""
    from django.db import connections

    conn = connections[using]
    table, key = (PG_TABLE, "item_id") if conn.vendor == "postgresql" else (FTS_TABLE, "rowid")
    if table not in conn.introspection.table_names():
        return
    with conn.cursor() as cur:
        cur.execute(f"DELETE FROM {table} WHERE {key} NOT IN (SELECT item_id FROM portal_searchentry)")


def unindex(item_id: int) -> None:
    with connection.cursor() as cur:
        if connection.vendor == "postgresql":
            cur.execute(f"DELETE FROM {PG_TABLE} WHERE item_id = %s", [item_id])
        else:
            cur.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [item_id])
    SearchEntry.objects.filter(pk=item_id).delete()


# -- reading ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Filters:
    agency: int | None = None
    category: int | None = None
    year: int | None = None
    doc_type: str | None = None

    def tags(self) -> list[str]:
        """The filters as index tokens: filtering is then one more term of the full-text query,
        answered by the inverted index itself (a join to the entries table would visit every
        match of a common word to check its agency or year)."""
        out = []
        for prefix, value in (
            ("a", self.agency),
            ("c", self.category),
            ("y", self.year),
            ("t", self.doc_type),
        ):
            if value is not None and value != "":
                out.append(f"{TAG}{prefix}{value}")
        return out


@dataclass(frozen=True)
class Hit:
    entry: SearchEntry
    title: SafeString
    snippet: SafeString


@dataclass(frozen=True)
class Results:
    total: int
    hits: list[Hit]
    #: More than ``total`` matched (the count stopped at COUNT_CAP).
    capped: bool = False


#: Relevance ranking looks at the newest RANK_WINDOW matches (item ids grow with registration):
#: a word found in half of 100,000 items would otherwise have every match scored before the
#: first page is shown. Pages beyond the window list the remaining matches newest first.
RANK_WINDOW = 500
#: Counting stops here ("1000+"): nobody pages through more, and on PostgreSQL every match of
#: a phrase is re-checked against its row (GIN keeps no positions), so the count is the cost.
COUNT_CAP = 1000


def search(q: Query, filters: Filters = Filters(), *, limit: int = 20, offset: int = 0) -> Results:
    """The best ``limit`` hits from ``offset``: relevance (titles first), then the newest."""
    tags = filters.tags()
    if not q.terms and not tags:
        raise SearchQueryError("请输入要查找的文字，或选择筛选条件")
    source_params: list[object] = []
    narrow = None
    if connection.vendor == "postgresql":
        expr = q.tsquery(tags)
        narrow = q.tsquery_tokens(tags)
        source = f"{PG_TABLE} s"
        match = "s.vec @@ to_tsquery('simple', %s)"
        key = "s.item_id"
        if narrow is not None:
            # The AND of the bigrams, exact in GIN, lists the candidates newest first (ids only,
            # no tsvector read); the phrase is then checked row by row (a primary-key lookup:
            # OFFSET 0 keeps the planner from turning it into a scan of the whole table), and
            # the LIMIT of each statement below stops it once enough rows matched -- instead of
            # re-checking every candidate of a common word. ts_match_vq is the function behind
            # @@: as a function call the planner cannot hand the phrase to the GIN index.
            source = (
                f"(SELECT item_id FROM {PG_TABLE} WHERE vec @@ to_tsquery('simple', %s)"
                " ORDER BY item_id DESC) c CROSS JOIN LATERAL"
                f" (SELECT vec FROM {PG_TABLE} WHERE item_id = c.item_id OFFSET 0) s"
            )
            source_params = [narrow]
            match = "ts_match_vq(s.vec, to_tsquery('simple', %s))"
            key = "c.item_id"  # the order the candidates come in: no sort of the matches
        if narrow is not None:
            # Only the window is scored (ts_rank reads each row's tsvector). ts_rank ranks a
            # phrase as the AND of its lexemes, so the score does not depend on the narrowing.
            window = (
                f"SELECT w.id FROM (SELECT {key} AS id FROM {source} WHERE {match}"
                f" ORDER BY {key} DESC LIMIT {RANK_WINDOW}) w"
                f" JOIN {PG_TABLE} r ON r.item_id = w.id JOIN portal_searchentry e ON e.item_id = w.id"
                " ORDER BY ts_rank(r.vec, to_tsquery('simple', %s)) DESC, e.published_on DESC, w.id DESC"
                " LIMIT %s OFFSET %s"
            )
            window_params: list[object] = [narrow, expr, expr]
        else:
            # One pass scores and matches (measured: faster here than a second look-up).
            window = (
                f"SELECT w.id FROM (SELECT {key} AS id, ts_rank(s.vec, to_tsquery('simple', %s))"
                f" AS score FROM {source} WHERE {match} ORDER BY {key} DESC LIMIT {RANK_WINDOW}) w"
                " JOIN portal_searchentry e ON e.item_id = w.id"
                " ORDER BY score DESC, e.published_on DESC, w.id DESC LIMIT %s OFFSET %s"
            )
            window_params = [expr, expr]
    else:
        source = f"{FTS_TABLE} s"
        match = f"{FTS_TABLE} MATCH %s"
        key = "s.rowid"
        expr = q.fts5(tags)
        # bm25 only exists inside the MATCH query; lower is better; tags do not score.
        window = (
            f"SELECT w.id FROM (SELECT {key} AS id, bm25({FTS_TABLE}, 10.0, 1.0, 0.0) AS score"
            f" FROM {source} WHERE {match} ORDER BY {key} DESC LIMIT {RANK_WINDOW}) w"
            " JOIN portal_searchentry e ON e.item_id = w.id"
            " ORDER BY score, e.published_on DESC, w.id DESC LIMIT %s OFFSET %s"
        )
        window_params = [expr]
    where = [*source_params, expr]
    if connection.vendor == "postgresql" and narrow is not None:
        # Counting needs no order: the phrase is checked on the GIN candidates as they come.
        count = (
            f"SELECT 1 FROM {PG_TABLE} s WHERE s.vec @@ to_tsquery('simple', %s)"
            " AND ts_match_vq(s.vec, to_tsquery('simple', %s))"
        )
    else:
        count = f"SELECT 1 FROM {source} WHERE {match}"
    with connection.cursor() as cur:
        cur.execute(f"SELECT COUNT(*) FROM ({count} LIMIT %s) t", [*where, COUNT_CAP + 1])
        total = cur.fetchone()[0]
        if offset + limit <= RANK_WINDOW:
            cur.execute(window, [*window_params, limit, offset])
        else:
            cur.execute(
                f"SELECT {key} FROM {source} WHERE {match} ORDER BY {key} DESC LIMIT %s OFFSET %s",
                [*where, limit, offset],
            )
        ids = [row[0] for row in cur.fetchall()]
    entries = SearchEntry.objects.select_related("agency").in_bulk(ids)
    hits = [_hit(entries[i], q) for i in ids if i in entries]
    return Results(min(total, COUNT_CAP), hits, capped=total > COUNT_CAP)


def _hit(entry: SearchEntry, q: Query) -> Hit:
    return Hit(entry, highlight(entry.title, q), highlight(snippet(entry.text, q), q))


def snippet(text: str, q: Query, width: int = 120) -> str:
    """About ``width`` characters of ``text`` around the first occurrence of a term."""
    lowered = text.lower()
    positions = [p for p in (lowered.find(run.lower()) for run in q.runs()) if p >= 0]
    start = max(0, min(positions) - width // 4) if positions else 0
    piece = text[start : start + width]
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")


def highlight(text: str, q: Query) -> SafeString:
    """``text`` escaped, with every occurrence of a query run wrapped in <mark>."""
    runs = sorted(set(q.runs()), key=len, reverse=True)
    if not runs:
        return mark_safe(escape(text))  # escaped
    pattern = re.compile("|".join(re.escape(r) for r in runs), re.IGNORECASE)
    out, last = [], 0
    for m in pattern.finditer(text):
        out.append(escape(text[last : m.start()]))
        out.append(f"<mark>{escape(m.group(0))}</mark>")
        last = m.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # every piece is escaped above
