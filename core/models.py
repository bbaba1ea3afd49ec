"""The records every app points at: a campaign, the organisations around it, the sources of facts.

They keep the tables they had before the core existed (`db_table`): the move changed no data.
"""

import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from .audit import audited
from .dates import local_today
from .encryption import EncryptedTextField
from .figures import Figure  # noqa: F401 (a model of this app, kept beside the service it serves)
from .gone import ShownAddress  # noqa: F401 (a model of this app, kept beside the 410 it serves)
from .protection import Protected, ProtectedQuerySet, in_use_protection
from .publishing import Publishable, public_relation


class InUseProtected(Protected):
    """Sources and organisations: deleted by an editor only while nothing points at them."""

    objects = ProtectedQuerySet.as_manager()

    class Meta:
        abstract = True

    def protection(self):
        return in_use_protection(self)


class Source(InUseProtected):
    class Kind(models.TextChoices):
        COURT = "court", _("Court document")
        OFFICIAL = "official", _("Official statement")
        MEDIA = "media", _("Media report")
        NGO = "ngo", _("NGO report")
        FAMILY = "family", _("Family")
        WITNESS = "witness", _("Witness")
        SOCIAL = "social", _("Social media")
        # What the campaign saw or documented itself: allowed as a source, and said to be one.
        FIRST_HAND = "first_hand", _("Our own documentation (first-hand)")
        OTHER = "other", _("Other")

    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.MEDIA, db_index=True)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    url = models.URLField(_("URL"), max_length=500, blank=True)
    archive_url = models.URLField(
        _("archived copy"),
        max_length=500,
        blank=True,
        help_text=_("A copy that cannot be taken down (web.archive.org, archive.today): pages about cases vanish."),
    )

    class Meta:
        db_table = "prisoners_source"
        ordering = ["-published_on", "title"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        # In the reader's language: the status history shows a source by this text.
        parts = [self.title, self.publisher, self.published_on and date_format(self.published_on, "DATE_FORMAT")]
        return ", ".join(str(part) for part in parts if part)


class Organisation(InUseProtected):
    class Kind(models.TextChoices):
        NGO = "ngo", _("NGO / human rights group")
        UNION = "union", _("Trade union")
        UN_BODY = "un_body", _("UN body")
        GOVERNMENT = "government", _("Government or authority")
        COMPANY = "company", _("Company")
        MEDIA = "media", _("Media")
        POLITICAL = "political", _("Political organisation")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    country = models.CharField(_("country"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        db_table = "campaigns_organisation"
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name


def validate_timezone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("%(value)s is not a known time zone (for example Asia/Almaty)."), params={"value": value}
        )


class Campaign(Publishable):
    name = models.CharField(_("name"), max_length=200)
    searched_fields = tuple(f"{field}_{code}" for field in ("name", "summary") for code, _name in settings.LANGUAGES)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    summary = models.CharField(
        _("summary"), max_length=300, help_text=_("One sentence, shown in lists and shared links.")
    )
    description = models.TextField(_("description"), blank=True)
    starts_on = models.DateField(_("started on"), null=True, blank=True)
    ends_on = models.DateField(_("ended on"), null=True, blank=True)
    timezone = models.CharField(
        _("time zone"),
        max_length=64,
        default=settings.DEFAULT_CAMPAIGN_TIMEZONE,
        validators=[validate_timezone],
        help_text=_("Dates and reminders are computed in this time zone."),
    )
    organisations = models.ManyToManyField(
        Organisation, verbose_name=_("organisations"), blank=True, related_name="campaigns"
    )
    sources = models.ManyToManyField(Source, verbose_name=_("sources"), blank=True, related_name="+")
    internal_notes = EncryptedTextField(_("internal notes"), blank=True, help_text=_("Never shown publicly."))

    class Meta:
        db_table = "campaigns_campaign"
        ordering = ["name"]
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("campaigns:detail", args=[self.slug])

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("A campaign cannot end before it starts.")})

    def today(self):
        return local_today(self.timezone)


public_relation(Campaign, "organisations", "organisations", Organisation.objects.all)
public_relation(Campaign, "sources", "sources", Source.objects.all)


for _model in (Source, Organisation, Campaign):
    audited(_model)
