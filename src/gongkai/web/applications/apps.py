from django.apps import AppConfig


class ApplicationsConfig(AppConfig):
    name = "gongkai.web.applications"
    label = "applications"
    verbose_name = "依申请公开"

    def ready(self) -> None:
        from gongkai.web.applications.receivers import recompute_case_due_dates
        from gongkai.web.workdays.signals import calendar_changed

        calendar_changed.connect(
            recompute_case_due_dates, dispatch_uid="applications.recompute_case_due_dates"
        )
