"""Issue 15 point 5: a procedural letter (补正告知书, 征求第三方意见书, 收费通知书, 延期告知书…) is
frozen at issue -- bytes and SHA-256 -- refused UPDATE/DELETE by the database, and a template
edit never changes an issued letter."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from typing import Any

import pytest
from django.db import DatabaseError, transaction

from disclosuretesting import client_for
from filesamples import docx_text
from gongkai.letters import LetterKind, default_template
from gongkai.web.applications import actions
from gongkai.web.letters import case_letters
from gongkai.web.letters.models import CaseLetter, CaseLetterFile, LetterTemplate
from gongkai.workflow.cases import Action

pytestmark = pytest.mark.django_db

EDITED_LINE = "本告知书模板已于出具后修改。"


def _correction(submit: Any, people: Any) -> CaseLetter:
    app = submit(received=date(2026, 3, 2))
    actions.do_take_step(app, Action.START, on=date(2026, 3, 2), acting_user=people["clerk"])
    actions.do_request_correction(
        app, sent_on=date(2026, 3, 4), items="请写明文件名称", working_days=10, acting_user=people["clerk"]
    )
    return CaseLetter.objects.get(application=app, kind="correction")


def _edit_template(agencies: Any, people: Any, kind: str) -> None:
    text = default_template(LetterKind(kind)).replace("署名：", EDITED_LINE + "\n署名：")
    response = client_for(people["head"]).post(
        f"/work/letters/{agencies['science'].pk}/{kind}/", {"op": "save", "text": text}
    )
    assert response.status_code in (200, 302)
    assert LetterTemplate.objects.filter(agency=agencies["science"], kind=kind).exists()


def test_an_issued_letter_is_frozen_with_its_digests(submit: Any, people: Any) -> None:
    row = _correction(submit, people)
    issued = CaseLetterFile.objects.get(letter=row)
    assert issued.docx_sha256 == hashlib.sha256(bytes(issued.docx)).hexdigest()
    assert issued.pdf_sha256 == hashlib.sha256(bytes(issued.pdf)).hexdigest()
    assert issued.template_version == 0  # the national default
    url = f"/work/cases/{row.application_id}/letters/{row.pk}"
    assert client_for(people["clerk"]).get(f"{url}.docx").content == bytes(issued.docx)
    assert client_for(people["clerk"]).get(f"{url}.pdf").content == bytes(issued.pdf)


def test_a_template_edit_never_changes_an_issued_letter(submit: Any, agencies: Any, people: Any) -> None:
    row = _correction(submit, people)
    url = f"/work/cases/{row.application_id}/letters/{row.pk}.docx"
    before = client_for(people["clerk"]).get(url).content
    _edit_template(agencies, people, "correction")
    after = client_for(people["clerk"]).get(url).content
    assert after == before and EDITED_LINE not in docx_text(after)
    # a letter issued after the edit uses the edited template
    later = _correction(submit, people)
    assert EDITED_LINE in docx_text(client_for(people["clerk"]).get(
        f"/work/cases/{later.application_id}/letters/{later.pk}.docx").content)  # fmt: skip


def test_issued_letters_refuse_update_and_delete_in_the_database(submit: Any, people: Any) -> None:
    row = _correction(submit, people)
    for rows, change in (
        (CaseLetter.objects.filter(pk=row.pk), {"document_number": "伪造〔2026〕1号"}),
        (CaseLetterFile.objects.filter(letter=row), {"docx": b"forged"}),
    ):
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
            rows.update(**change)
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
            rows._raw_delete(rows.db)
    assert CaseLetterFile.objects.get(letter=row).docx != b"forged"


def test_a_letter_numbered_before_freezing_is_frozen_from_the_template_of_its_issue(
    submit: Any, agencies: Any, people: Any
) -> None:
    """Letters issued before this change (no file) are frozen at their first download, from the
    template version in force when they were issued, not from a later edit."""
    row = _correction(submit, people)
    with transaction.atomic():
        from django.db import connection

        from gongkai.web.audit import guard

        with guard.suspended(connection):
            CaseLetterFile.objects.filter(letter=row)._raw_delete(CaseLetterFile.objects.db)
            CaseLetter.objects.filter(pk=row.pk).update(created_at=row.created_at - timedelta(days=1))
    _edit_template(agencies, people, "correction")
    row.refresh_from_db()
    issued = case_letters.frozen(row)
    assert issued.template_version == 0 and EDITED_LINE not in docx_text(bytes(issued.docx))
    assert case_letters.frozen(row).pk == issued.pk
