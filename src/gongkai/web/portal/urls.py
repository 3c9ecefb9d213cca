from django.contrib.sitemaps.views import sitemap
from django.urls import path

from gongkai.web.portal import annual_reports, feeds, views
from gongkai.web.portal.sitemaps import SITEMAPS

app_name = "portal"

urlpatterns = [
    path("open/", views.home, name="home"),
    path("open/agencies/<int:pk>/", views.agency, name="agency"),
    path("open/items/<int:pk>/", views.item, name="item"),
    path("open/attachments/<int:pk>/", views.attachment, name="attachment"),
    path("open/guide/<int:agency_pk>/", views.guide, name="guide"),
    path("open/annual-reports/", annual_reports.annual_reports, name="annual_reports"),
    path(
        "open/annual-reports/<int:agency_pk>/<int:year>/", annual_reports.annual_report, name="annual_report"
    ),
    path("open/annual-reports/files/<int:pk>/", annual_reports.annual_file, name="annual_file"),
    path("open/feed/rss/", feeds.LatestRss(), name="rss"),
    path("open/feed/atom/", feeds.LatestAtom(), name="atom"),
    path("open/text-size/", views.text_size, name="text_size"),
    path("search/", views.search_page, name="search"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("work/disclosure/guide/", views.guide_edit, name="guide_edit"),
]
