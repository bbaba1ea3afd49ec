"""The audit trail: every change to the record, with who, when, from which address and through
what (the admin, the public site, a command), kept by django-auditlog (docs/architecture.md says why that one).

Each app registers its own models with `audited()` at the end of its models module. Entries are
for staff only: the admin shows them per record ("Audit log" on a record's page) and as one
filterable log (Admin → Audit log → Log entries); no public page, feed or export reads them. Both
show an entry's changes in words (`changes_in_words`), in the staff member's language.
"""

import datetime
from contextlib import contextmanager
from typing import NamedTuple

from auditlog.context import set_extra_data
from auditlog.middleware import AuditlogMiddleware
from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.template.defaultfilters import yesno
from django.utils import formats, timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.functional import Promise
from django.utils.text import capfirst
from django.utils.translation import gettext, gettext_noop, ngettext_lazy
from modeltranslation.fields import TranslationField

from .client_ip import client_ip
from .encryption import EncryptedTextField

# What the trail keeps of an encrypted field's value that was set (`withheld`); shown translated.
WITHHELD = gettext_noop("[private, encrypted]")
# django-auditlog ships no Russian or Kazakh catalog. Its strings that the admin shows are marked here,
# so that ours (LOCALE_PATHS, which Django reads before any app's) carries their translations.
AUDITLOG_MESSAGES = (
    gettext_noop("Audit log"),
    gettext_noop("Audit log: %s"),
    gettext_noop("No log entries found."),
    gettext_noop("No field changes"),
    gettext_noop("system"),
    gettext_noop("Created"),
    gettext_noop("Resource"),
    gettext_noop("Changes"),
    gettext_noop("action"),
    gettext_noop("create"),
    gettext_noop("update"),
    gettext_noop("delete"),
    gettext_noop("access"),
    gettext_noop("View"),
    ngettext_lazy("entry", "entries"),  # the count under a long "Audit log" page
)


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
    """What the audit trail keeps of an encrypted field's value: whether there was one. auditlog hands
    over a missing value as "None", which is no value either."""
    return WITHHELD if value and value != "None" else ""


class Line(NamedTuple):
    """One change of an entry, in words: the field's label, and its value before and after ("" for none)."""

    label: str
    before: str
    after: str


def changed_fields(entry):
    """[(name, model field or None, before, after)] of the changes worth reading in `entry`.

    Left out: a field that went from empty to empty ("" and None both say "nothing": a form writes one,
    a nullable column the other); a relation seen from the other side (auditlog records a related
    manager's name, never a value); and the plain column of a translated field, which repeats its
    English column. A new record had nothing before, and a deleted one has nothing after, whatever
    auditlog wrote there (a masked field used to read "[private, encrypted]" before its creation). Nor
    the record's id, or the columns the code derives for itself (a search key, a sort order), which have
    no label: they change with what they are derived from, which is shown."""
    model = entry.content_type.model_class()
    found = []
    for name, change in (entry.changes_dict or {}).items():
        field = _field(model, name)
        if field is not None and _not_for_reading(model, field):
            continue
        if isinstance(field, models.ManyToManyField) and not isinstance(change, dict):
            continue  # a new record's links as auditlog first writes them: the manager's name ("core.Source.None")
        if isinstance(change, dict):  # a many-to-many link: {"type": "m2m", "operation": ..., "objects": [...]}
            objects = ", ".join(str(obj) for obj in change.get("objects", ()))
            before, after = ("", objects) if change.get("operation") == "add" else (objects, "")
        else:
            before, after = (_blank(value) for value in change)
        if entry.action == LogEntry.Action.CREATE:
            before = ""
        elif entry.action == LogEntry.Action.DELETE:
            after = ""
        if before or after:
            found.append((name, field, before, after))
    # In the order of the record's fields (each language's column where its field is), not the order
    # auditlog happened to write them in.
    order = {field.name: n for n, field in enumerate(model._meta.get_fields())} if model is not None else {}
    languages = [code for code, _name in settings.LANGUAGES]

    def place(change):
        name, field = change[0], change[1]
        if isinstance(field, TranslationField):
            return order.get(field.translated_field.name, len(order)), languages.index(field.language)
        return order.get(name, len(order)), -1

    return sorted(found, key=place)


def field_label(field, name):
    """A field's label in the reader's language; a translated field's names its language: "Region (Russian)"."""
    if field is None:
        return capfirst(name)
    if isinstance(field, TranslationField):
        language = dict(settings.LANGUAGES).get(field.language, field.language)
        return gettext("%(field)s (%(language)s)") % {
            "field": capfirst(field.translated_field.verbose_name),
            "language": language,
        }
    if field.is_relation and field.related_model is not None and not _labelled(field):
        # A link without a label of its own ("prisoner") is named by what it links to ("Person").
        return capfirst(field.related_model._meta.verbose_name)
    return capfirst(getattr(field, "verbose_name", name))


def changes_in_words(entry):
    """[Line] of `entry`, each field by its label and each value as the admin would show it: a choice by
    its label, a linked record by its name, a date the reader's way."""
    return [
        Line(field_label(field, name), _shown(field, before), _shown(field, after))
        for name, field, before, after in changed_fields(entry)
    ]


def _field(model, name):
    try:
        return model._meta.get_field(name) if model is not None else None
    except FieldDoesNotExist:
        return None


def _not_for_reading(model, field):
    if field.auto_created and (not field.concrete or field.primary_key):
        return True  # the id; a relation seen from the other side
    if not field.editable and not _labelled(field):
        return True  # a derived column
    return isinstance(_field(model, f"{field.name}_{settings.LANGUAGE_CODE}"), TranslationField)


def _labelled(field):
    """Given a label in the code (marked for translation), not the one Django makes of its name."""
    return isinstance(getattr(field, "verbose_name", None), Promise)


def _blank(value):
    return "" if value is None or value == "None" else str(value)


def _shown(field, value):
    if not value or field is None or isinstance(field, models.ManyToManyField):
        return value
    if value == WITHHELD:
        return gettext(WITHHELD)
    if field.choices:
        return str({str(key): label for key, label in field.flatchoices}.get(value, value))
    if (field.many_to_one or field.one_to_one) and field.related_model is not None:
        try:
            related = field.related_model._base_manager.filter(pk=value).first()
        except (ValueError, ValidationError):  # an entry older than the field's type
            related = None
        return str(related) if related is not None else value
    if isinstance(field, models.BooleanField):
        return yesno(value == "True")
    if isinstance(field, models.DateTimeField) and (moment := parse_datetime(value)):
        # auditlog keeps the time in UTC without saying so.
        moment = timezone.make_aware(moment, datetime.UTC) if timezone.is_naive(moment) else moment
        return formats.localize(timezone.localtime(moment))
    if isinstance(field, models.DateField) and (day := parse_date(value)):
        return formats.localize(day)
    return value


@contextmanager
def recorded_as(source, actor=None, **entry):
    """Changes made inside are recorded as coming from `source` (say "command load_demo"), by `actor`.
    `entry` sets other fields of every entry: `cid` gives the entries of one operation (an import) one
    correlation id, which the staff log filters by; `remote_addr` keeps a staff request's address."""
    with set_extra_data(context_data={"actor": actor, "additional_data": {"source": source}, **entry}):
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
