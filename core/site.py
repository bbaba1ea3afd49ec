from django.conf import settings


def absolute_url(path):
    """A full link for email and feeds, which are read away from the site."""
    return settings.SITE_URL + path


def site_domain():
    """The host part of SITE_URL, for Message-IDs and calendar UIDs."""
    return settings.SITE_URL.split("//", 1)[-1].split("/")[0].split(":")[0] or "localhost"


def public_settings(request):
    """The few settings public templates show."""
    return {"CORRECTIONS_EMAIL": settings.CORRECTIONS_EMAIL, "SITE_URL": settings.SITE_URL}
