from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from campaigns import admin_login, feeds
from campaigns import subscription_views as subscribe_views
from campaigns import views as campaign_views
from campaigns.sitemaps import SITEMAPS

admin.site.site_header = _("Zhanaozen tracker: campaigners' admin")
admin.site.site_title = _("Tracker admin")
admin.site.index_title = _("Keep the record up to date")

urlpatterns = [
    path("", campaign_views.home, name="home"),
    path("calendar/", campaign_views.calendar, name="calendar"),
    path("calendar.ics", feeds.all_key_dates, name="calendar_ics"),
    path("campaigns/<slug:slug>/calendar.ics", feeds.campaign_key_dates, name="campaign_ics"),
    path("prisoners/<slug:slug>/calendar.ics", feeds.person_key_dates, name="person_ics"),
    path("subscribe/", subscribe_views.subscribe, name="subscribe"),
    path("subscribe/sent/", subscribe_views.subscription_sent, name="subscription_sent"),
    path("subscribe/confirm/<str:token>/", subscribe_views.confirm, name="subscription_confirm"),
    path("subscribe/manage/<str:token>/", subscribe_views.manage, name="subscription_manage"),
    path("unsubscribe/<str:token>/", subscribe_views.unsubscribe, name="unsubscribe"),
    path("campaigns/", include("campaigns.urls")),
    path("prisoners/", include("prisoners.urls")),
    path("demands/", include("demands.urls")),
    path("healthz", campaign_views.healthz, name="healthz"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("i18n/", include("django.conf.urls.i18n")),
    path(f"{settings.ADMIN_URL}login/", admin_login.login, name="admin_login"),
    path(settings.ADMIN_URL, admin.site.urls),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
