from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "gongkai.web.oversight"
    label = "oversight"
    verbose_name = "监督汇总"

    def ready(self) -> None:
        # Registers the queue consumer's recovery of lost checks (periodic and at start).
        from gongkai.web.oversight import recovery  # noqa: F401
