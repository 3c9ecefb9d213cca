"""Who oversees, and who uploads for, which agencies (条例 第三条、第四条; issue 15 point 3).

Every role against every relation of an agency to the one where the user holds it: the agency
itself, one it supervises (a child, a grandchild), a sibling, its parent, an unrelated one. The
expected answers are written out here, not derived from gongkai.web.oversight.permissions: a
公开办 or a 机构负责人 oversees its own agency and the whole subtree below it, never a sibling or a
parent; only a 公开办 uploads, for the same subtree; clerks, reviewers and 系统管理员 neither.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from gongkai.web.accounts.models import Agency
from gongkai.web.oversight import permissions

pytestmark = pytest.mark.django_db

ROLES = ("clerk", "reviewer", "head", "supervisor", "admin")
RELATIONS = ("own", "child", "grandchild", "sibling", "parent", "unrelated")
#: The relations a user's role at "own" reaches, when the role reaches any.
SUBTREE = {"own", "child", "grandchild"}
OVERSEE = {"head", "supervisor"}
UPLOAD = {"supervisor"}
OVERSIGHT_REFUSAL = "您没有查看该机构所属单位年度报告的权限。"
UPLOAD_REFUSAL = "只有公开办可以上传、指定或删除所属单位的年度报告文件。"


@pytest.fixture
def tree() -> dict[str, Agency]:
    """parent → own → child → grandchild; parent → sibling; and an unrelated root."""
    parent = Agency.objects.create(name="甲市人民政府办公室")
    own = Agency.objects.create(name="甲市教育局", parent=parent)
    child = Agency.objects.create(name="甲市教育局直属中学", parent=own)
    grandchild = Agency.objects.create(name="甲市教育局直属中学分校", parent=child)
    sibling = Agency.objects.create(name="甲市卫生健康委员会", parent=parent)
    unrelated = Agency.objects.create(name="乙市人民政府办公室")
    return {
        "own": own,
        "child": child,
        "grandchild": grandchild,
        "sibling": sibling,
        "parent": parent,
        "unrelated": unrelated,
    }


def _ids(tree: dict[str, Agency], relations: set[str]) -> set[int]:
    return {tree[r].pk for r in relations}


#: Per right: the roles that hold it, the refusal, and the module's list, check and subtree.
RIGHTS = {
    "oversee": (
        OVERSEE,
        OVERSIGHT_REFUSAL,
        permissions.overseeing_agencies,
        permissions.can_oversee,
        permissions.overseen_ids,
    ),
    "upload": (
        UPLOAD,
        UPLOAD_REFUSAL,
        permissions.uploading_agencies,
        permissions.can_upload,
        permissions.upload_ids,
    ),
}


@pytest.mark.parametrize("right", list(RIGHTS))
@pytest.mark.parametrize("role", ROLES)
def test_each_role_has_its_rights_on_its_own_subtree_only(
    role: str, right: str, tree: dict[str, Agency], make_user: Any
) -> None:
    holders, refusal, agencies, allows, subtree_ids = RIGHTS[right]
    user = make_user(f"u-{role}", (tree["own"], role))
    holds = role in holders
    assert agencies(user) == ([tree["own"]] if holds else [])
    for relation in RELATIONS:
        agency = tree[relation]
        # The check on an agency itself: only where the role is held, not below it.
        assert allows(user, agency) is (holds and relation == "own"), relation
        if holds and relation == "own":
            assert subtree_ids(user, agency) == _ids(tree, SUBTREE)
        else:
            with pytest.raises(PermissionDenied, match=refusal):
                subtree_ids(user, agency)


@pytest.mark.parametrize("role", ROLES)
def test_an_overseer_reads_a_report_anywhere_in_its_subtree(
    role: str, tree: dict[str, Agency], make_user: Any
) -> None:
    user = make_user(f"u-{role}", (tree["own"], role))
    for relation in RELATIONS:
        expected = role in OVERSEE and relation in SUBTREE
        assert permissions.may_see_agency(user, tree[relation].pk) is expected, relation


def test_several_memberships_each_count_for_their_own_role(tree: dict[str, Agency], make_user: Any) -> None:
    """Supervisor of 教育局, clerk of 卫健委, head of 乙市办: oversees 教育局 and 乙市办 (by name),
    uploads for 教育局 only, and never reaches 卫健委 or the parent."""
    user = make_user(
        "several", (tree["own"], "supervisor"), (tree["sibling"], "clerk"), (tree["unrelated"], "head")
    )
    assert permissions.overseeing_agencies(user) == [tree["unrelated"], tree["own"]]  # 乙 < 甲
    assert permissions.uploading_agencies(user) == [tree["own"]]
    assert permissions.overseen_ids(user, tree["unrelated"]) == {tree["unrelated"].pk}
    assert not permissions.can_upload(user, tree["unrelated"])
    for relation in ("sibling", "parent"):
        assert not permissions.can_oversee(user, tree[relation])
        assert not permissions.may_see_agency(user, tree[relation].pk)


@pytest.mark.parametrize("role", sorted(OVERSEE))
def test_an_inactive_or_anonymous_user_oversees_nothing(
    role: str, tree: dict[str, Agency], make_user: Any
) -> None:
    inactive = make_user(f"gone-{role}", (tree["own"], role), is_active=False)
    for user in (inactive, AnonymousUser()):
        assert permissions.overseeing_agencies(user) == []
        assert permissions.uploading_agencies(user) == []
        assert not permissions.can_oversee(user, tree["own"]) and not permissions.can_upload(
            user, tree["own"]
        )
        assert not permissions.may_see_agency(user, tree["own"].pk)
        with pytest.raises(PermissionDenied, match=OVERSIGHT_REFUSAL):
            permissions.overseen_ids(user, tree["own"])
        with pytest.raises(PermissionDenied, match=UPLOAD_REFUSAL):
            permissions.upload_ids(user, tree["own"])


@pytest.mark.parametrize("role", ROLES)
def test_the_pages_show_each_role_its_subtree_and_nothing_else(
    role: str, tree: dict[str, Agency], make_user: Any, client: Any
) -> None:
    client.force_login(make_user(f"u-{role}", (tree["own"], role)))
    year = reverse("oversight:year", args=[2025])
    upload = reverse("oversight:upload", args=[2025])
    if role not in OVERSEE:
        assert client.get(year).status_code == 403
        assert client.get(upload).status_code == 403
        return
    for relation in RELATIONS:
        # Asking for another agency (above, beside, below or elsewhere) shows one's own subtree.
        response = client.get(year, {"agency": tree[relation].pk})
        assert response.status_code == 200
        assert response.context["selected"] == tree["own"]
        assert {r.name for r in response.context["overview"].rows} == {tree[r].name for r in SUBTREE}
        assert response.context["can_upload"] is (role in UPLOAD)
    assert client.get(upload).status_code == (200 if role in UPLOAD else 403)
