"""The audit trail: every change to the record, with who, when, from which address and through
what (the admin, the public site, a command), kept by django-auditlog (docs/architecture.md says why that one).

Each app registers its own models with `audited()` at the end of its models module. Entries are
for staff only: the admin shows them per record ("Audit log" on a record's page) and as one
filterable log (Admin → Audit log → Log entries); no public page, feed or export reads them.
"""

from contextlib import contextmanager

from auditlog.context import set_extra_data
from auditlog.middleware import AuditlogMiddleware
from auditlog.registry import auditlog
from django.conf import settings

from .client_ip import client_ip
from .encryption import EncryptedTextField


def audited(model, exclude_fields=(), include_fields=()):
    """Record every create, change and delete of this model, many-to-many links included; with
    `include_fields`, of those fields only (for models that hold secrets). An encrypted field's
    change is recorded, but not its values: the trail would otherwise keep them in plaintext."""
    encrypted = [field.name for field in model._meta.concrete_fields if isinstance(field, EncryptedTextField)]
    auditlog.register(
        model,
        m2m_fields={field.name for field in model._meta.many_to_many},
        exclude_fields=list(exclude_fields),
        include_fields=list(include_fields),
        mask_fields=encrypted,
        mask_callable="core.audit.withheld",
    )


def withheld(value):
    """What the audit trail keeps of an encrypted field's value: whether there was one."""
    return "[private, encrypted]" if value else ""


@contextmanager
def recorded_as(source, actor=None):
    """Changes made inside are recorded as coming from `source` (say "command load_demo"), by `actor`."""
    with set_extra_data(context_data={"actor": actor, "additional_data": {"source": source}}):
        yield


class AuditMiddleware(AuditlogMiddleware):
    """Stamps the changes a request makes with its user and the admin or the site. A staff change
    keeps the address our proxy saw (not the X-Forwarded-For claim auditlog would take); a change
    from the public site (a report, a correction, a subscription) keeps no address and no port: the
    forms promise that an anonymous sender stays anonymous, to us too."""

    @staticmethod
    def _get_remote_addr(request):
        return client_ip(request)

    def get_extra_data(self, request):
        staff = request.path.startswith(f"/{settings.ADMIN_URL}")
        data = super().get_extra_data(request) | {"additional_data": {"source": "admin" if staff else "site"}}
        if not staff:
            data |= {"remote_addr": None, "remote_port": None}
        return data
