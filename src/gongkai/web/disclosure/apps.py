from django.apps import AppConfig


class DisclosureConfig(AppConfig):
    name = "gongkai.web.disclosure"
    label = "disclosure"
    verbose_name = "主动公开"
