# Merges two migrations written on parallel branches; no operation of its own.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('portal', '0003_reindex_search'),
        ('portal', '0003_searchentry_summary'),
    ]

    operations: list[migrations.operations.base.Operation] = []
