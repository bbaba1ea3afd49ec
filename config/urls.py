"""The composition root: every app's addresses, mounted where they have always been."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import RedirectView

from accounts import views as accounts_views
from api.endpoints import bad_request
from core import languages
from pages import sitemaps
from pages import views as pages_views
from prisoners import views as prisoner_views
from prisoners.models import PHOTO_DIR

from .health import healthz

# Admin pages of records that moved to the core and outreach apps: campaigners' bookmarks keep working.
MOVED_ADMIN_PAGES = {
    "campaigns/campaign": "core/campaign",
    "campaigns/organisation": "core/organisation",
    "prisoners/source": "core/source",
    "campaigns/subscriber": "outreach/subscriber",
    "campaigns/delivery": "outreach/delivery",
}

# A refusal tells a staff member, in the admin, what their role does not allow and who can do it.
handler403 = accounts_views.permission_denied
# A request refused before any view (a bad Host header, too many parameters) is JSON under /api/.
handler400 = bad_request

admin.site.site_header = _("Zhanaozen tracker: campaigners' admin")
admin.site.site_title = _("Tracker admin")
admin.site.index_title = _("Keep the record up to date")

# Pages for readers: English where it has always been (links already shared keep working), Russian
# under /ru/ and Kazakh under /kk/.
urlpatterns = i18n_patterns(
    path("", pages_views.home, name="home"),
    path("calendar/", pages_views.calendar, name="calendar"),
    path("statistics/", pages_views.statistics_page, name="statistics"),
    path("", include("outreach.urls")),
    path("", include("reports.urls")),
    path("", include("api.feed_urls")),
    path("", include("api.export_urls")),
    path("write/", pages_views.write, name="write"),
    path("campaigns/", include("campaigns.urls")),
    path("prisoners/", include("prisoners.urls")),
    path("demands/", include("demands.urls")),
    path("actions/", include("actions.urls")),
    path("responsibility/", include("accountability.urls")),
    prefix_default_language=False,
)

# Language-neutral addresses: the API, files, the staff's admin.
urlpatterns += [
    path("", include("api.urls")),
    path("robots.txt", pages_views.robots_txt, name="robots_txt"),
    path("favicon.ico", pages_views.favicon),
    path("healthz", healthz, name="healthz"),
    # Photos go through a view that checks the person may be shown; nothing else is served from media.
    path(f"{settings.MEDIA_URL.lstrip('/')}{PHOTO_DIR}/<str:name>", prisoner_views.photo, name="photo"),
    path("sitemap.xml", sitemaps.index, name="sitemap"),
    path("sitemap-<str:section>-<int:page>.xml", sitemaps.section, name="sitemap_section"),
    # Without CSRF protection: the switcher is on cached pages shared by every visitor, and a forged
    # request could do no more than change someone's language.
    path("i18n/setlang/", csrf_exempt(languages.switch_language), name="set_language"),
    path(f"{settings.ADMIN_URL}login/", accounts_views.login, name="admin_login"),
    path(f"{settings.ADMIN_URL}two-factor/enrol/", accounts_views.enrol, name="admin_2fa_enrol"),
    path(
        f"{settings.ADMIN_URL}two-factor/recovery-codes/",
        admin.site.admin_view(accounts_views.recovery_codes),
        name="admin_2fa_recovery_codes",
    ),
    *(
        re_path(
            rf"^{settings.ADMIN_URL}{old}/(?P<rest>.*)$",
            RedirectView.as_view(url=f"/{settings.ADMIN_URL}{new}/%(rest)s", permanent=True, query_string=True),
        )
        for old, new in MOVED_ADMIN_PAGES.items()
    ),
    path(settings.ADMIN_URL, admin.site.urls),
]
