# Merges two migrations written on parallel branches; no operation of its own.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('disclosure', '0004_version_attachments'),
        ('disclosure', '0005_merge_summary_and_review_separation'),
    ]

    operations: list[migrations.operations.base.Operation] = []
