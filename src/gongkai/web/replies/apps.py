from django.apps import AppConfig


class RepliesConfig(AppConfig):
    name = "gongkai.web.replies"
    label = "replies"
    verbose_name = "答复与送达"
