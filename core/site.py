from django.conf import settings


def absolute_url(path):
    """A full link for email and feeds, which are read away from the site."""
    return settings.SITE_URL + path


def site_domain():
    """The host part of SITE_URL, for Message-IDs and calendar UIDs."""
    return settings.SITE_URL.split("//", 1)[-1].split("/")[0].split(":")[0] or "localhost"


def canonical_url(request):
    """The page's own address for search engines: the path, and the page of a list past the first (page 2
    is not page 1); filters and other parameters are left out, so a filtered list leads to the list."""
    page = request.GET.get("page", "")
    keep = f"?page={int(page)}" if page.isdigit() and int(page) > 1 else ""
    return absolute_url(request.path + keep)


def public_settings(request):
    """The few settings public templates show."""
    return {
        "CORRECTIONS_EMAIL": settings.CORRECTIONS_EMAIL,
        "SITE_URL": settings.SITE_URL,
        "CANONICAL_URL": canonical_url(request),
    }
