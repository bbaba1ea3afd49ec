from django.urls import path, re_path

from . import endpoints, exports

urlpatterns = [
    re_path(r"^prisoners/export\.(?P<fmt>csv|json)$", exports.export, {"name": "people"}, name="export_people"),
    re_path(r"^demands/export\.(?P<fmt>csv|json)$", exports.export, {"name": "demands"}, name="export_demands"),
    path("api/", endpoints.urls()),
]
