"""Issue 15 point 1: only the files of an item's published version are ever served publicly, never
those attached to a draft in 更正 (before its scan and 保密审查)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from disclosuretesting import *  # noqa: F403 (the disclosure fixtures)
from disclosuretesting import client_for
from gongkai.web.disclosure import actions
from gongkai.web.portal.models import SearchEntry

pytestmark = pytest.mark.django_db


def _attach(item: Any, people: Any, name: str, text: str) -> Any:
    upload = SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/plain")
    return actions.do_add_attachment(item, upload, acting_user=people["clerk"])


def test_a_file_attached_to_an_amendment_draft_is_not_public(
    make_item: Any, publish: Any, people: Any, client: Any
) -> None:
    item = make_item()
    published = _attach(item, people, "公告附件.txt", "项目清单")
    publish(item)
    assert client.get(f"/open/attachments/{published.pk}/").status_code == 200

    actions.do_start_amendment(item, date(2026, 3, 9), acting_user=people["clerk"])
    draft = _attach(item, people, "未审查.txt", "尚未保密审查的内容")
    assert client.get(f"/open/attachments/{draft.pk}/").status_code == 404
    page = client.get(f"/open/items/{item.pk}/").content.decode()
    assert "公告附件.txt" in page and "未审查.txt" not in page
    assert client.get(f"/open/attachments/{published.pk}/").status_code == 200  # still served
    # staff still see the draft's file in the catalogue
    assert (
        "未审查.txt" in client_for(people["clerk"]).get(f"/work/disclosure/items/{item.pk}/").content.decode()
    )


def test_the_file_becomes_public_with_the_version_that_publishes_it(
    make_item: Any, publish: Any, people: Any, client: Any
) -> None:
    item = make_item()
    publish(item)
    actions.do_start_amendment(item, date(2026, 3, 9), acting_user=people["clerk"])
    added = _attach(item, people, "更正附件.txt", "更正后的项目清单")
    assert "更正后的项目清单" not in SearchEntry.objects.get(item_id=item.pk).text
    publish(item, on=date(2026, 3, 12))
    assert client.get(f"/open/attachments/{added.pk}/").status_code == 200
    assert "更正附件.txt" in client.get(f"/open/items/{item.pk}/").content.decode()
    assert "更正后的项目清单" in SearchEntry.objects.get(item_id=item.pk).text


def test_redacting_in_an_amendment_never_changes_the_published_file(
    make_item: Any, publish: Any, people: Any, client: Any
) -> None:
    """A redaction during 更正 makes a new file for the draft; the public one stays as published
    until the amendment itself is published."""
    item = make_item()
    published = _attach(item, people, "名单.txt", "联系人手机13812345678")
    actions.do_scan_item(item, acting_user=people["clerk"])
    finding = item.findings.get()
    actions.do_justify_finding(finding, "本人同意公开", acting_user=people["clerk"])
    publish(item)
    before = b"".join(client.get(f"/open/attachments/{published.pk}/").streaming_content)
    actions.do_start_amendment(item, date(2026, 3, 9), acting_user=people["clerk"])
    item.findings.update(state="open")  # the justification is withdrawn in the amendment
    assert actions.do_redact_item(item, acting_user=people["clerk"]) == 1
    assert b"".join(client.get(f"/open/attachments/{published.pk}/").streaming_content) == before
    published.refresh_from_db()
    copy = published.replaced_by
    assert copy is not None and "13812345678" not in copy.text
    assert client.get(f"/open/attachments/{copy.pk}/").status_code == 404
    publish(item, on=date(2026, 3, 12))
    assert client.get(f"/open/attachments/{copy.pk}/").status_code == 200
    assert client.get(f"/open/attachments/{published.pk}/").status_code == 404  # replaced
