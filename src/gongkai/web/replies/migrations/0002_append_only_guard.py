"""Install the database triggers that keep frozen rows frozen (see audit/guard.py)."""

from django.db import migrations

from gongkai.web.audit import guard


def install(apps, schema_editor):
    guard.install(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("replies", "0001_replies"), ("audit", "0002_append_only_guard")]
    # Reversed, nothing to do: the triggers go with the table when 0001 is reversed.
    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
