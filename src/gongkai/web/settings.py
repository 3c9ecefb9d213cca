"""Django settings for Gongkai.

Configuration comes from the environment so that the same settings serve the demo, tests and
production:

- ``GONGKAI_DATA_DIR`` (default ``./var``): where the embedded SQLite database, uploads and the
  generated secret key live.
- ``DATABASE_URL``: use this database instead (PostgreSQL in production and on CI).
- ``REDIS_URL``: use Redis for the cache (rate limiting must be shared between processes in
  production); otherwise the per-process local-memory cache.
- ``GONGKAI_SECRET_KEY``, ``GONGKAI_ALLOWED_HOSTS`` (comma separated), ``GONGKAI_WEB_DEBUG=1``,
  ``GONGKAI_EMAIL_BACKEND``, ``GONGKAI_FROM_EMAIL``.
- ``GONGKAI_HTTPS=1`` (production behind HTTPS): redirect HTTP to HTTPS, secure session and CSRF
  cookies, HSTS for a year with subdomains and preload (``GONGKAI_HSTS_SECONDS`` to change the
  period); ``GONGKAI_PROXY_SSL_HEADER=1`` when a reverse proxy terminates TLS and sets
  ``X-Forwarded-Proto``. With these, ``gongkai manage check --deploy`` is clean (README).
- ``GONGKAI_SENSITIVE_THOROUGH=1``: the proactive-disclosure scan and redaction in thorough mode
  (names found by the LAC model too; needs ``pip install 'gongkai[nlp]'``), off by default.
"""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url

from gongkai.errors import GongkaiError

WEB_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("GONGKAI_DATA_DIR", "var")).resolve()
SQLITE_PATH = DATA_DIR / "gongkai.sqlite3"
QUEUE_PATH = DATA_DIR / "queue.sqlite3"
#: Files only the server's user may read: the secret key and the embedded databases.
PRIVATE_FILE_MODE = 0o600


def create_private_file(path: Path, content: bytes = b"") -> bool:
    """Create ``path`` with mode 0600 from the start (never world-readable, not even for a moment),
    unless it exists. Whether it was created."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    except FileExistsError:
        return False
    with os.fdopen(fd, "wb") as handle:
        handle.write(content)
    return True


def _secret_key() -> str:
    """The key from the environment, else one generated once and kept in the data directory."""
    from_env = os.environ.get("GONGKAI_SECRET_KEY")
    if from_env:
        return from_env
    key_file = DATA_DIR / "secret_key"
    key = secrets.token_urlsafe(50)
    if create_private_file(key_file, key.encode("utf-8")):
        return key
    key = key_file.read_text(encoding="utf-8").strip()
    if not key:
        # An empty key would sign sessions and CSRF tokens with nothing secret.
        raise GongkaiError(f"密钥文件 {key_file} 是空的；请删除该文件（将重新生成）或写入密钥")
    return key


SECRET_KEY = _secret_key()
DEBUG = os.environ.get("GONGKAI_WEB_DEBUG") == "1"
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("GONGKAI_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver").split(",")
    if h.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.forms",  # its widget templates, for FORM_RENDERER below
    "gongkai.web.accounts",
    "gongkai.web.audit",
    "gongkai.web.workdays",
    "gongkai.web.applications",
    # Proactive disclosure and the public portal (issue 7).
    "django.contrib.sitemaps",
    "gongkai.web.disclosure",
    "gongkai.web.portal",
    # Answering applications: letter templates, replies and delivery, the REST API (issue 6).
    "gongkai.web.letters",
    "gongkai.web.replies",
    "gongkai.web.api",
    # Annual reports: table 4 records, one agency's report, the supervisor's view (issue 8).
    "gongkai.web.appeals",
    "gongkai.web.annual",
    "gongkai.web.oversight",
    # The task queue (bulk checking of uploaded reports); configured by HUEY below.
    "huey.contrib.djhuey",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "gongkai.web.security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "gongkai.web.urls"
WSGI_APPLICATION = "gongkai.web.wsgi.application"

# Form widgets render through the project's templates, so templates/django/forms/ can adjust them
# (the blank option reads 请选择, issue 17).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [WEB_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "gongkai.web.accounts.context.roles",
                "gongkai.web.oversight.context.oversight",
            ],
        },
    },
]

if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=60)}
else:
    # The file exists before SQLite opens it, so it is 0600 from creation (SQLite gives its -wal and
    # -shm files the database file's mode).
    create_private_file(SQLITE_PATH)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(SQLITE_PATH),
            "OPTIONS": {
                # BEGIN IMMEDIATE takes the write lock at the start of every transaction, so two
                # concurrent registrations queue up instead of failing with "database is locked"
                # when a reader tries to upgrade to a writer (the registration counter relies on it).
                "transaction_mode": "IMMEDIATE",
                "timeout": 30,
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
            # A file, not shared-cache memory: the live-server and concurrency tests write from
            # several threads, and shared-cache SQLite ignores the busy timeout.
            "TEST": {"NAME": str(DATA_DIR / "test_gongkai.sqlite3")},
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["gongkai.web.accounts.backends.RoleBackend"]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "applications:queue"
LOGOUT_REDIRECT_URL = "home"

# Staff login brute-force protection (issue 15 point 6): django-axes counts failures per
# username, in the database (AccessAttempt rows: they survive a restart) or, with REDIS_URL, in
# the shared Redis cache; after GONGKAI_LOGIN_FAILURES wrong passwords the account is locked for
# GONGKAI_LOGIN_COOLOFF_MINUTES, with an audit row and a Chinese message (accounts.lockout).
INSTALLED_APPS += ["axes"]
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", *AUTHENTICATION_BACKENDS]
MIDDLEWARE += ["axes.middleware.AxesMiddleware"]
AXES_FAILURE_LIMIT = int(os.environ.get("GONGKAI_LOGIN_FAILURES", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("GONGKAI_LOGIN_COOLOFF_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = ["username"]
# axes.W006 asks for the address among the parameters, against rotating user agents or cookies;
# counting by username alone is not bypassed by those, and counting by address would lock a whole
# office behind one NAT address after a few typing mistakes.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "gongkai.web.accounts.lockout.locked_out"
AXES_HANDLER = (
    "axes.handlers.cache.AxesCacheHandler"
    if os.environ.get("REDIS_URL")
    else "axes.handlers.database.AxesDatabaseHandler"
)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The task queue (huey). With REDIS_URL, tasks go to Redis and consumers run them
# (`gongkai manage run_huey`, on one machine or several: the way to grow past one machine).
# Without it -- the embedded deployment -- tasks go to a SQLite file in the data directory
# (huey's SqliteHuey: durable, no extra server) and `gongkai serve` runs a consumer beside the web
# server. A task enqueued before a crash is still in the file and runs when the consumer starts
# again; an upload whose task was lost mid-run is re-queued by oversight.recovery.
# Embedded: one worker thread (SQLite has one writer, and the checks share the machine with the
# web server). Redis: a consumer uses every core of its machine (GONGKAI_QUEUE_WORKERS to change
# it) with worker processes: reading and checking a report is Python work that holds the GIL, so
# worker threads of one consumer share one core (bench/RESULTS.md, "Two consumers on one Redis").
# GONGKAI_HUEY_IMMEDIATE=1 (the tests) runs each task in the process that enqueues it.
if os.environ.get("REDIS_URL"):
    HUEY = {
        "huey_class": "huey.RedisHuey",
        "name": "gongkai",
        "immediate": False,
        "connection": {"url": os.environ["REDIS_URL"]},
        "consumer": {
            "workers": int(os.environ.get("GONGKAI_QUEUE_WORKERS") or os.cpu_count() or 1),
            "worker_type": "process",
        },
    }
else:
    create_private_file(QUEUE_PATH)
    HUEY = {
        "huey_class": "huey.SqliteHuey",
        "name": "gongkai",
        "filename": str(QUEUE_PATH),
        "immediate": os.environ.get("GONGKAI_HUEY_IMMEDIATE") == "1",
        "consumer": {"workers": 1, "worker_type": "thread"},
    }

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [WEB_DIR / "static"]
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns when it is missing
# Serve static files straight from the apps' static/ folders (no collectstatic step for the demo).
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = DATA_DIR / "media"

EMAIL_BACKEND = os.environ.get("GONGKAI_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("GONGKAI_FROM_EMAIL", "gongkai@localhost")

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
# Issue 17: a refused form gets the site's Chinese 403 page, not Django's technical English one.
CSRF_FAILURE_VIEW = "gongkai.web.errors.csrf_failure"
X_FRAME_OPTIONS = "DENY"

# Production behind HTTPS (README, deployment notes): `gongkai manage check --deploy` is clean.
if os.environ.get("GONGKAI_HTTPS") == "1":
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("GONGKAI_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
if os.environ.get("GONGKAI_PROXY_SSL_HEADER") == "1":
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Uploads (issue 15): a file or a request past these caps is refused while it streams, before it
# is stored anywhere (gongkai.web.security.CappedUploadHandler). One file: what the report reader
# accepts; one request: a supervisor's batch (oversight.forms.MAX_UPLOAD_BYTES).
GONGKAI_UPLOAD_FILE_MAX_BYTES = 50 * 1024 * 1024
GONGKAI_UPLOAD_REQUEST_MAX_BYTES = 200 * 1024 * 1024
FILE_UPLOAD_HANDLERS = [
    "gongkai.web.security.CappedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # Django's default, stated: larger files go to a temp file
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # the non-file fields of one request
FILE_UPLOAD_PERMISSIONS = PRIVATE_FILE_MODE

# Public intake limits (applications app).
GONGKAI_UPLOAD_MAX_BYTES = 10 * 1024 * 1024
GONGKAI_UPLOAD_MAX_FILES = 5
GONGKAI_UPLOAD_TYPES = {
    ".pdf": "application/pdf",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".txt": "text/plain",
}
#: Online submissions allowed per client address per hour.
GONGKAI_SUBMIT_RATE = (int(os.environ.get("GONGKAI_SUBMIT_RATE", "10")), 3600)
#: Reminder e-mails: cases due within this many working days.
GONGKAI_REMIND_WITHIN = 3
#: Screening prompt (条例 第三十五条): above this many applications of one applicant to one agency
#: in a calendar month / year the case page says 数量明显超过合理范围? -- a prompt; the legal
#: judgement stays with the agency.
GONGKAI_EXCESSIVE_PER_MONTH = int(os.environ.get("GONGKAI_EXCESSIVE_PER_MONTH", "10"))
GONGKAI_EXCESSIVE_PER_YEAR = int(os.environ.get("GONGKAI_EXCESSIVE_PER_YEAR", "60"))
#: The proactive-disclosure scan in thorough mode (审慎模式, gongkai.sensitive.model_names): Baidu
#: LAC also looks for names the rules miss, at a few dozenths of the default speed (~0.1-0.4 s a
#: document). Needs ``pip install 'gongkai[nlp]'``; without it the scan fails with a message saying so.
GONGKAI_SENSITIVE_THOROUGH = os.environ.get("GONGKAI_SENSITIVE_THOROUGH") == "1"

# The REST API (gongkai.web.api, issue 6): JSON only, session or token authentication, errors as
# {"detail": "中文说明"}, the OpenAPI 3 document at /api/openapi.json.
INSTALLED_APPS += ["rest_framework", "drf_spectacular"]
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "gongkai.web.api.auth.ApiTokenAuthentication",
        "gongkai.web.api.auth.CsrfSessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "gongkai.web.api.errors.exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Gongkai 依申请公开接口",
    "DESCRIPTION": (
        "政府信息公开申请的办理接口：查询申请及其办理事项、提交申请（如省级平台转交）、"
        "办理操作、办理结果（表三分类）与已出具的文书。认证方式：工作人员会话，或系统令牌"
        "（Authorization: Bearer <令牌>）。错误以 {\"detail\": \"中文说明\"} 返回。"
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": "/api/",
}

# Every record, the server's request log included, has ID, phone and bank-card numbers masked
# (gongkai.web.security.MaskPersonalDataFilter): a query string such as ?q=<身份证号> is never
# written in clear. gunicorn's own request log gets the same filter (gongkai.web.cli.run_gunicorn).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"mask_personal": {"()": "gongkai.web.security.MaskPersonalDataFilter"}},
    "formatters": {"access": {"format": "%(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["mask_personal"]},
        "access": {"class": "logging.StreamHandler", "filters": ["mask_personal"], "formatter": "access"},
    },
    "loggers": {
        "django.server": {"handlers": ["access"], "level": "INFO", "propagate": False},
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
}
