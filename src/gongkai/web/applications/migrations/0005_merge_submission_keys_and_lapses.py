# Merges two parallel 0004 migrations (one-time submission keys; the lapse decision and 第三十五条).

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('applications', '0004_lapse_decision_and_article_35'),
        ('applications', '0004_submission_keys'),
    ]

    operations: list[migrations.operations.base.Operation] = []
