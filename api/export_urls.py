from django.urls import re_path

from . import exports

# Mounted at the site's root in every language, beside the list each one exports: /prisoners/export.csv
# is English, /ru/prisoners/export.csv Russian.
urlpatterns = [
    re_path(r"^prisoners/export\.(?P<fmt>csv|json)$", exports.export, {"name": "people"}, name="export_people"),
    re_path(r"^demands/export\.(?P<fmt>csv|json)$", exports.export, {"name": "demands"}, name="export_demands"),
    re_path(r"^actions/export\.(?P<fmt>csv|json)$", exports.export, {"name": "actions"}, name="export_actions"),
]
