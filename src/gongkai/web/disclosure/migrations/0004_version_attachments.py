"""Each published version lists the files published with it (issue 15 point 1).

Existing data: which files a version was published with was never recorded. An item now
published (no draft pending) was reviewed with every file it has, so its current version gets
them all. An item in 更正 (a draft after publication) may hold files added since, not yet
scanned or reviewed, and nothing tells them apart: its version gets none, so no unreviewed file
is ever served; they become public with the next publication, as any new file would.
"""

from typing import Any

import django.db.models.deletion
from django.db import migrations, models


def record_published_files(apps: Any, schema_editor: Any) -> None:
    Item = apps.get_model("disclosure", "Item")
    for item in Item.objects.filter(status="published", current_version__isnull=False).iterator():
        item.current_version.attachments.set(item.attachments.all())


class Migration(migrations.Migration):
    dependencies = [
        ("disclosure", "0003_ledger_items"),
    ]

    operations = [
        migrations.AddField(
            model_name="itemversion",
            name="attachments",
            field=models.ManyToManyField(blank=True, related_name="versions", to="disclosure.attachment"),
        ),
        migrations.AddField(
            model_name="attachment",
            name="replaced_by",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="replaces",
                to="disclosure.attachment",
            ),
        ),
        migrations.RunPython(record_published_files, migrations.RunPython.noop),
    ]
