"""The portal app's pages; gongkai.web.urls mounts them in the namespace "portal"."""

from django.contrib.sitemaps.views import sitemap
from django.urls import path

from gongkai.web.portal import annual_reports, feeds, views
from gongkai.web.portal.sitemaps import SITEMAPS
from gongkai.web.routes import routes

urlpatterns = [
    *routes(
        "open/",
        {
            "": views.home,
            "agencies/<int:pk>/": views.agency,
            "items/<int:pk>/": views.item,
            "attachments/<int:pk>/": views.attachment,
            "guide/<int:agency_pk>/": views.guide,
            "annual-reports/": annual_reports.annual_reports,
            "annual-reports/<int:agency_pk>/<int:year>/": annual_reports.annual_report,
            "annual-reports/files/<int:pk>/": annual_reports.annual_file,
            "feed/rss/": (feeds.LatestRss(), "rss"),
            "feed/atom/": (feeds.LatestAtom(), "atom"),
            "text-size/": views.text_size,
        },
    ),
    *routes("", {"search/": (views.search_page, "search"), "work/disclosure/guide/": views.guide_edit}),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
]
