"""The people list's "Import" page: a spreadsheet previewed, its namesakes decided, then imported. What
an import does is `prisoners.imports`; this page only shows it (docs/import.md)."""

import base64

from django import forms
from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from core.client_ip import client_ip

from .imports import DIFFERENT_PERSON, SAME_PERSON, ImportRefused, import_people, preview

# The file travels back with the editor's decisions, signed, instead of being kept on the server
# between the preview and the import: a spreadsheet of people left in a temporary folder would outlive
# an abandoned preview.
SALT = "prisoners.import"
DECISION_PREFIX = "namesake-"


class ImportFileForm(forms.Form):
    file = forms.FileField(label=_("Spreadsheet (CSV or XLSX)"))


def pack(filename, data):
    return signing.dumps({"name": filename, "data": base64.b64encode(data).decode()}, salt=SALT, compress=True)


def unpack(payload):
    content = signing.loads(payload, salt=SALT)
    return content["name"], base64.b64decode(content["data"])


def decisions(post):
    return {
        int(key.removeprefix(DECISION_PREFIX)): value
        for key, value in post.items()
        if key.startswith(DECISION_PREFIX)
        and key.removeprefix(DECISION_PREFIX).isdigit()
        and value in (DIFFERENT_PERSON, SAME_PERSON)
    }


class ImportPeopleMixin:
    """The admin of people, with its import page: for staff who may add people."""

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}_import"
        return [path("import/", self.admin_site.admin_view(self.import_view), name=name), *super().get_urls()]

    def import_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form, plan, payload = ImportFileForm(), None, ""
        if request.method == "POST" and "payload" in request.POST:
            payload = request.POST["payload"]
            try:
                filename, data = unpack(payload)
            except signing.BadSignature:
                messages.error(request, _("The preview could not be read back: upload the file again."))
                payload = ""
            else:
                try:
                    choices, address = decisions(request.POST), client_ip(request)
                    plan = import_people(data, filename, by=request.user, decisions=choices, remote_addr=address)
                except ImportRefused as refused:
                    plan = refused.plan
                else:
                    self.message_user(request, plan.result(), messages.SUCCESS)
                    changelist = reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist")
                    return HttpResponseRedirect(f"{changelist}?visibility__exact=draft")
        elif request.method == "POST":
            form = ImportFileForm(request.POST, request.FILES)
            if form.is_valid():
                upload = form.cleaned_data["file"]
                data = upload.read()
                plan, payload = preview(data, upload.name), pack(upload.name, data)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Import people"),
            "opts": self.opts,
            "form": form,
            "plan": plan,
            "payload": payload,
            "different": DIFFERENT_PERSON,
            "same": SAME_PERSON,
        }
        return TemplateResponse(request, "admin/prisoners/prisoner/import.html", context)
