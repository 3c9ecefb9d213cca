from django.apps import AppConfig


class DisclosureConfig(AppConfig):
    name = "gongkai.web.disclosure"
    label = "disclosure"
    verbose_name = "主动公开"

    def ready(self) -> None:
        from gongkai.web.disclosure.receivers import recompute_item_due_dates
        from gongkai.web.workdays.signals import calendar_changed

        calendar_changed.connect(recompute_item_due_dates, dispatch_uid="disclosure.recompute_item_due_dates")
