"""Install the triggers that keep history tables append-only (issue 15 point 14; audit/guard.py):
issued procedural letters and their files, case events, published disclosure versions,
deliveries and closed appeals. Run after each of those tables exists.

Existing procedural letters are not composed here: a migration cannot safely run the live models
of other apps (their later migrations may not have run yet). Each is frozen at its first
download instead, from the template version that was in force when it was issued -- the template
history is kept -- so no template edit made since changes it (letters.case_letters.frozen).
"""

from django.db import migrations

from gongkai.web.audit import guard


def install(apps, schema_editor):
    guard.install(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [
        ("letters", "0002_case_letter_files"),
        ("audit", "0002_append_only_guard"),
        # The latest migrations of the guarded apps: on SQLite a later table rebuild would drop
        # the triggers, so they are installed after every schema change merged so far.
        ("applications", "0005_merge_submission_keys_and_lapses"),
        ("disclosure", "0006_merge_version_attachments"),
        ("replies", "0003_review_times_follow_the_audit_clock"),
        ("appeals", "0001_appeals"),
    ]
    # Reversed, nothing to do: the triggers go with their tables when those are reversed.
    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
