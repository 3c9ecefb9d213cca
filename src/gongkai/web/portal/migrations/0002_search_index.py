"""The search index proper, per database (see gongkai.web.portal.search for why bigrams)."""

from typing import Any

from django.db import migrations

FORWARD = {
    "sqlite": [
        "CREATE VIRTUAL TABLE portal_search_fts USING fts5(title, body, tags, tokenize = 'unicode61')",
    ],
    "postgresql": [
        # No foreign key: Django's test flush truncates the tables it knows without CASCADE;
        # search.unindex deletes both rows, and search joins portal_searchentry anyway.
        "CREATE TABLE portal_search_vec (item_id bigint PRIMARY KEY, vec tsvector NOT NULL)",
        "CREATE INDEX portal_search_vec_gin ON portal_search_vec USING gin (vec)",
    ],
}
BACKWARD = {
    "sqlite": ["DROP TABLE IF EXISTS portal_search_fts"],
    "postgresql": ["DROP TABLE IF EXISTS portal_search_vec"],
}


def _run(statements: dict[str, list[str]]) -> Any:
    def run(apps: Any, schema_editor: Any) -> None:
        vendor = schema_editor.connection.vendor
        if vendor not in statements:
            raise RuntimeError(f"门户全文检索不支持数据库 {vendor}（支持 SQLite、PostgreSQL）")
        for sql in statements[vendor]:
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("portal", "0001_initial")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
