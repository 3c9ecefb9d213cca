# Merges two migrations written on parallel branches; no operation of its own.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('annual', '0003_annual_submission'),
        ('annual', '0003_report_submission'),
    ]

    operations: list[migrations.operations.base.Operation] = []
