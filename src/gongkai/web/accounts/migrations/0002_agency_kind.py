"""Agencies get a kind (条例 第四十九条): existing ones get the name's proposal, or 其他 with a note."""

from typing import Any

from django.db import migrations, models

from gongkai.web.accounts.kinds import KIND_CHOICES, proposed_kind


def propose(apps: Any, schema_editor: Any) -> None:
    Agency = apps.get_model("accounts", "Agency")
    for agency in Agency.objects.all():
        agency.kind, agency.kind_note = proposed_kind(agency.name)
        agency.save(update_fields=["kind", "kind_note"])


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="agency",
            name="kind",
            field=models.CharField(
                blank=True, choices=KIND_CHOICES, default="", max_length=10, verbose_name="机关类别"
            ),
        ),
        migrations.AddField(
            model_name="agency",
            name="kind_note",
            field=models.CharField(blank=True, default="", max_length=300, verbose_name="机关类别说明"),
        ),
        migrations.RunPython(propose, migrations.RunPython.noop),
    ]
