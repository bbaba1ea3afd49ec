from django.contrib.admin.apps import AdminConfig


class TrackerAdminConfig(AdminConfig):
    """django.contrib.admin with our site (accounts.admin_site) as the default `admin.site`.
    A module of its own: INSTALLED_APPS imports it before any model can be."""

    default_site = "accounts.admin_site.TrackerAdminSite"
