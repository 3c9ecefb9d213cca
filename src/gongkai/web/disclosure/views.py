"""Staff pages of proactive disclosure: the catalogue, an item's page, due list, ledger, figures.

Views validate input, check who may see what (disclosure.permissions) and call one action each;
an action's GongkaiError is shown as a message, a PermissionDenied is a 403.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from gongkai.errors import GongkaiError
from gongkai.report.model import DOCUMENT_COUNT_FIELDS
from gongkai.web import clock
from gongkai.web.accounts import permissions as accounts
from gongkai.web.accounts.models import Agency, Role
from gongkai.web.audit.record import timeline
from gongkai.web.disclosure import actions, catalogue, figures, forms, imports, permissions, queues
from gongkai.web.disclosure import vocabulary as v
from gongkai.web.disclosure.models import Category, Item, LedgerEntry, ScanFinding
from gongkai.web.picking import agencies_by_name, number_param, picked, year_param

#: The most steps a review chain form may post (a bound on the loop over its rows).
MAX_STEPS = 50


def _visible_agencies(request: HttpRequest) -> tuple[list[Agency], Agency]:
    """The agencies the user may read and the one picked (403 for a user who reads none)."""
    agencies = agencies_by_name(accounts.visible_agency_ids(request.user))
    return agencies, picked(request, agencies)


@login_required
def index(request: HttpRequest) -> HttpResponse:
    """The catalogue of the user's agencies, with the due list on top."""
    agencies, chosen = _visible_agencies(request)
    status = request.GET.get("status", "")
    items = Item.objects.filter(agency=chosen).select_related("category").order_by("-written_on", "-pk")
    if status in v.Status.labels():
        items = items.filter(status=status)
    page = Paginator(items, 30).get_page(request.GET.get("page"))
    due = [r for r in queues.due_items([chosen.pk], clock.today()) if r.state != queues.DueState.ON_TIME]
    return render(
        request,
        "disclosure/index.html",
        {
            "agencies": agencies,
            "selected": chosen,
            "page": page,
            "status": status,
            "statuses": v.Status.choices(),
            "due": due,
            "can_keep": permissions.can_keep(request.user, chosen.pk),
        },
    )


@login_required
def create(request: HttpRequest) -> HttpResponse:
    agencies = agencies_by_name(permissions.keeper_agency_ids(request.user))
    agency = picked(request, agencies)
    if not agency.categories.exists():
        actions.do_seed_catalogue(agency, acting_user=request.user)
    form = forms.ItemForm(request.POST or None, agency_id=agency.pk)
    if request.method == "POST" and form.is_valid():
        try:
            item = actions.do_create_item(agency, form.data_for_action(), acting_user=request.user)
        except GongkaiError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, f"已登记，索引号 {item.index_number}")
            return redirect("disclosure:item", item.pk)
    return render(request, "disclosure/form.html", {"form": form, "agency": agency, "agencies": agencies})


def _item_for(request: HttpRequest, pk: int) -> Item:
    item = get_object_or_404(Item.objects.select_related("agency", "category"), pk=pk)
    if not permissions.can_view(request.user, item.agency_id):
        raise Http404
    return item


@login_required
def item(request: HttpRequest, pk: int) -> HttpResponse:
    it = _item_for(request, pk)
    step = actions.current_step(it)
    due = None
    if it.due_on and it.status in queues.UNPUBLISHED:
        from gongkai.web.workdays.calendars import calendar_for

        left = calendar_for(it.agency).working_days_between(clock.today(), it.due_on)
        due = queues.due_row(it, clock.today(), left)
    return render(
        request,
        "disclosure/item.html",
        {
            "item": it,
            "S": v.Status,
            "due": due,
            "step": step,
            "chain": catalogue.setup_for(it.agency).review_chain,
            "can_keep": permissions.can_keep(request.user, it.agency_id),
            "can_review": step is not None
            and permissions.can_take_step(request.user, it.agency_id, str(step["role"])),
            "findings": it.findings.select_related("attachment"),
            "open_findings": it.findings.filter(state=v.FindingState.OPEN).exists(),
            "edit_form": forms.ItemForm(instance=it, agency_id=it.agency_id, auto_id="edit_%s"),
            "attachment_form": forms.AttachmentForm(auto_id="attach_%s"),
            # Distinct id prefixes: several forms on the page have an "on" field.
            "date_form": forms.DateForm(initial={"on": clock.today()}, auto_id="date_%s"),
            "channel_form": forms.ChannelForm(initial={"on": clock.today()}, auto_id="channel_%s"),
            "withdraw_form": forms.WithdrawForm(initial={"on": clock.today()}, auto_id="withdraw_%s"),
            "life_form": forms.LifeEventForm(initial={"on": clock.today()}, auto_id="life_%s"),
            "review_form": forms.ReviewForm(auto_id="review_%s"),
            "counted": it.doc_type in v.COUNTED_TYPES,
            "events": timeline(it),
        },
    )


# -- one POST per action --------------------------------------------------------------------------

Handler = Callable[[HttpRequest, Item], str]


def _valid(form: Any) -> dict[str, Any]:
    if not form.is_valid():
        errors = "；".join(
            f"{form.fields[k].label if k in form.fields else ''}{'，'.join(e)}"
            for k, e in form.errors.items()
        )
        raise GongkaiError(errors or "填写有误")
    return dict(form.cleaned_data)


def _edit(request: HttpRequest, it: Item) -> str:
    form = forms.ItemForm(request.POST, instance=Item.objects.get(pk=it.pk), agency_id=it.agency_id)
    _valid(form)
    actions.do_update_item(it, form.data_for_action(), acting_user=request.user)
    return "已保存，请重新进行敏感信息检查"


def _attach(request: HttpRequest, it: Item) -> str:
    data = _valid(forms.AttachmentForm(request.POST, request.FILES))
    actions.do_add_attachment(it, data["file"], acting_user=request.user)
    return "已添加附件"


def _scan(request: HttpRequest, it: Item) -> str:
    found = actions.do_scan_item(it, acting_user=request.user)
    return f"检查完成：发现{len(found)}处敏感信息" if found else "检查完成：未发现敏感信息"


def _redact(request: HttpRequest, it: Item) -> str:
    return f"已删除{actions.do_redact_item(it, acting_user=request.user)}处敏感信息"


def _justify(request: HttpRequest, it: Item) -> str:
    finding = get_object_or_404(ScanFinding, pk=request.POST.get("finding"), item=it)
    data = _valid(forms.JustifyForm(request.POST))
    actions.do_justify_finding(finding, data["reason"], acting_user=request.user)
    return "已说明理由并保留"


def _submit(request: HttpRequest, it: Item) -> str:
    actions.do_submit_item(it, acting_user=request.user)
    return "已提交审核"


def _with_form(
    form_class: Any, action: Callable[..., object], fields: tuple[str, ...], message: str
) -> Handler:
    """A handler that validates ``form_class`` and passes its ``fields`` to ``action``."""

    def handle(request: HttpRequest, it: Item) -> str:
        data = _valid(form_class(request.POST))
        action(it, *(data[name] for name in fields), acting_user=request.user)
        return message

    return handle


#: verb -> (form, action, the form's fields in the action's order, message).
FORM_STEPS: dict[str, tuple[Any, Callable[..., object], tuple[str, ...], str]] = {
    "review": (forms.ReviewForm, actions.do_review_item, ("conclusion", "opinion"), "审核意见已记录"),
    "publish": (forms.DateForm, actions.do_publish_item, ("on",), "已发布到政府网站"),
    "channel": (
        forms.ChannelForm,
        actions.do_record_publication,
        ("channel", "on", "note"),
        "已登记渠道发布",
    ),
    "withdraw": (forms.WithdrawForm, actions.do_withdraw_item, ("reason", "on"), "已撤回"),
    "correct": (
        forms.DateForm,
        actions.do_start_amendment,
        ("on",),
        "已转为草稿，更正后重新检查、审核、发布；原发布版本保留",
    ),
    "life": (forms.LifeEventForm, actions.do_record_life_event, ("kind", "on", "document"), "已登记"),
}

HANDLERS: dict[str, Handler] = {
    "edit": _edit,
    "attach": _attach,
    "scan": _scan,
    "redact": _redact,
    "justify": _justify,
    "submit": _submit,
    **{verb: _with_form(*spec) for verb, spec in FORM_STEPS.items()},
}


@login_required
@require_POST
def act(request: HttpRequest, pk: int, verb: str) -> HttpResponse:
    handler = HANDLERS.get(verb)
    if handler is None:
        raise Http404
    it = _item_for(request, pk)
    try:
        messages.success(request, handler(request, it))
    except GongkaiError as exc:
        messages.error(request, exc.message if not exc.detail else str(exc))
    return redirect("disclosure:item", it.pk)


# -- the ledger and the figures -------------------------------------------------------------------


@login_required
def ledger(request: HttpRequest) -> HttpResponse:
    agencies, chosen = _visible_agencies(request)
    can_keep = permissions.can_keep(request.user, chosen.pk)
    form = forms.LedgerForm(request.POST or None)
    if request.method == "POST":
        try:
            if "done" in request.POST:
                entry = get_object_or_404(LedgerEntry, pk=request.POST["done"], agency=chosen)
                actions.do_complete_ledger_entry(entry, clock.today(), acting_user=request.user)
                messages.success(request, f"已登记完成：{entry.title}")
            elif "link" in request.POST:
                entry = get_object_or_404(LedgerEntry, pk=request.POST["link"], agency=chosen)
                index_number = request.POST.get("index_number", "").strip()
                linked = Item.objects.filter(agency=chosen, index_number=index_number).first()
                if linked is None:
                    raise GongkaiError(
                        f"本机关没有索引号为“{index_number}”的信息" if index_number else "请填写索引号"
                    )
                actions.do_link_ledger_item(entry, linked, acting_user=request.user)
                messages.success(request, f"已关联：{entry.title} ← {linked.title}")
            else:
                actions.do_add_ledger_entry(chosen, _valid(form), acting_user=request.user)
                messages.success(request, "已加入台账")
            return redirect(f"{request.path}?agency={chosen.pk}")
        except GongkaiError as exc:
            messages.error(request, exc.message)
    rows = queues.ledger([chosen.pk], clock.today())
    return render(
        request,
        "disclosure/ledger.html",
        {"agencies": agencies, "selected": chosen, "rows": rows, "form": form, "can_keep": can_keep},
    )


@login_required
def table2(request: HttpRequest) -> HttpResponse:
    agencies, chosen = _visible_agencies(request)
    year = year_param(request.GET.get("year") or request.POST.get("year"), clock.today().year - 1)
    figure_form = forms.FigureForm(request.POST if "value" in request.POST else None)
    import_form = forms.ImportForm(request.POST if "file" in request.FILES else None, request.FILES or None)
    import_errors: list[imports.RowError] = []
    if request.method == "POST":
        try:
            if "file" in request.FILES:
                data = _valid(import_form)
                upload = data["file"]
                n = actions.do_import_decisions(
                    chosen, data["kind"], upload.name or "", upload.read(), acting_user=request.user
                )
                messages.success(request, f"已导入{n}条")
            else:
                data = _valid(figure_form)
                actions.do_set_figure(chosen, year, data["kind"], data["value"], acting_user=request.user)
                messages.success(request, "已保存")
        except imports.ImportRejected as exc:
            messages.error(request, exc.message)
            import_errors = exc.errors
        except GongkaiError as exc:
            messages.error(request, str(exc))
    table = figures.table2_for(chosen, year)
    documents = [
        (label, [getattr(table.documents(key), f) for f, _ in DOCUMENT_COUNT_FIELDS])
        for key, label in (("regulations", "规章"), ("normative_documents", "行政规范性文件"))
    ]
    return render(
        request,
        "disclosure/table2.html",
        {
            "agencies": agencies,
            "selected": chosen,
            "year": year,
            "table": table,
            "documents": documents,
            "count_headers": [label for _, label in DOCUMENT_COUNT_FIELDS],
            "publications": figures.publications_in(chosen, year),
            "channels": v.PublicationChannel.choices(),
            "figure_form": forms.FigureForm(),
            "import_form": forms.ImportForm(),
            "import_errors": import_errors,
            "can_keep": permissions.can_keep(request.user, chosen.pk),
        },
    )


def _chain_from(post: Any) -> list[dict[str, object]]:
    """The chain rows of the form, in the order their 序号 give; a row without a name is dropped."""
    rows = []
    for i in range((number_param(post.get("steps"), high=MAX_STEPS) or 0) + 1):
        label = post.get(f"label_{i}", "").strip()
        if not label:
            continue
        try:
            order = int(post.get(f"order_{i}", i + 1))
        except ValueError as exc:
            raise GongkaiError(f"审核环节“{label}”的序号应为数字") from exc
        step = {"label": label, "role": post.get(f"role_{i}", ""), "secrecy": post.get(f"secrecy_{i}") == "1"}
        rows.append((order, i, step))
    return [step for _, _, step in sorted(rows, key=lambda r: (r[0], r[1]))]


def _category(chosen: Agency, pk: str | None) -> Category | None:
    return get_object_or_404(Category, pk=pk, agency=chosen) if pk else None


def _change_setup(request: HttpRequest, chosen: Agency) -> str:
    """Run the one action the posted form asks for; return the message to show."""
    op = request.POST.get("op", "")
    post = request.POST
    if op == "add":
        made = actions.do_add_category(
            chosen, post.get("name", ""), _category(chosen, post.get("parent")), acting_user=request.user
        )
        return f"已新增分类：{made}"
    if op == "chain":
        actions.do_set_review_chain(chosen, _chain_from(post), acting_user=request.user)
        return "已保存审核流程"
    if op == "seed":
        seeded = actions.do_seed_catalogue(chosen, acting_user=request.user)
        return f"已补充标准分类{len(seeded)}个"
    if op == "separation":
        allowed = post.get("allowed") == "1"
        actions.do_set_review_separation(chosen, allowed, acting_user=request.user)
        return "已允许同一人完成多个审核环节" if allowed else "各审核环节须由不同的人完成"
    category = _category(chosen, post.get("category"))
    if category is None:
        raise GongkaiError("请选择分类")
    if op == "rename":
        actions.do_rename_category(category, post.get("name", ""), acting_user=request.user)
        return f"已改名：{category.name}"
    if op == "move":
        actions.do_move_category(category, _category(chosen, post.get("parent")), acting_user=request.user)
        return f"已移动：{category}"
    if op == "deactivate":
        actions.do_deactivate_category(category, acting_user=request.user)
        return f"已停用：{category.name}"
    raise GongkaiError("未知的操作")


@login_required
def setup(request: HttpRequest) -> HttpResponse:
    """The agency's catalogue tree and review chain: kept by its 经办人/机构负责人, read by supervisors."""
    agencies, chosen = _visible_agencies(request)
    can_keep = permissions.can_keep(request.user, chosen.pk)
    if request.method == "POST":
        if not can_keep:
            raise PermissionDenied
        try:
            messages.success(request, _change_setup(request, chosen))
            return redirect(f"{request.path}?agency={chosen.pk}")
        except GongkaiError as exc:
            messages.error(request, exc.message)
    categories = list(
        Category.objects.filter(agency=chosen).select_related("parent").annotate(n=Count("items"))
    )
    children: dict[int | None, list[Category]] = {}
    for c in sorted(categories, key=lambda c: (c.position, c.code)):
        children.setdefault(c.parent_id, []).append(c)
    tree: list[tuple[int, Category]] = []

    def walk(parent: int | None, depth: int) -> None:
        for c in children.get(parent, []):
            tree.append((depth, c))
            walk(c.pk, depth + 1)

    walk(None, 0)
    disclosure_setup = catalogue.setup_for(chosen)
    chain = disclosure_setup.review_chain
    return render(
        request,
        "disclosure/setup.html",
        {
            "agencies": agencies,
            "selected": chosen,
            "tree": tree,
            "parents": [c for _, c in tree if c.active],
            "chain": chain,
            "missing": catalogue.missing_headings(chosen),
            "one_person_several_steps": disclosure_setup.one_person_several_steps,
            "can_set_separation": permissions.can_take_step(request.user, chosen.pk, Role.HEAD),
            "steps": len(chain),
            "roles": [(r.value, r.label) for r in Role if r.value in catalogue.KNOWN_ROLES],
            "can_keep": can_keep,
        },
    )
