"""Rewrite every index row: the index now also holds each item's year, the name of its document
type and its agency's name (issue 17: "2024", "规范性文件" and "局" found nothing)."""

from typing import Any

from django.db import migrations


def reindex(apps: Any, schema_editor: Any) -> None:
    from gongkai.web.portal import search

    entries = apps.get_model("portal", "SearchEntry").objects.select_related("agency").order_by("pk")
    with schema_editor.connection.cursor() as cur:
        for entry in entries.iterator(chunk_size=2000):
            if schema_editor.connection.vendor != "postgresql":
                cur.execute(f"DELETE FROM {search.FTS_TABLE} WHERE rowid = %s", [entry.pk])
            cur.execute(search.INSERT[schema_editor.connection.vendor], list(search.index_row(entry)))


class Migration(migrations.Migration):
    dependencies = [("portal", "0002_search_index")]

    operations = [migrations.RunPython(reindex, migrations.RunPython.noop)]
