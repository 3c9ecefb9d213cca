# Merges two migrations written on parallel branches; no operation of its own.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('disclosure', '0004_item_summary_itemversion_summary'),
        ('disclosure', '0004_review_separation'),
    ]

    operations: list[migrations.operations.base.Operation] = []
