"""The public text of people that is written per language (django-modeltranslation). Names in
Russian and Kazakh are renderings of the name, not sourced facts; contacts and notes stay single."""

from modeltranslation.translator import TranslationOptions, register

from .models import Charge, Prisoner, PrisonerStatusChange, TimelineEvent


@register(Prisoner)
class PrisonerTranslation(TranslationOptions):
    fields = ("name", "summary", "biography", "occupation", "country", "region")
    # Each column would otherwise default to the English "Kazakhstan": a new person's country must
    # read as the reader's word for it on a Russian or Kazakh page.
    field_options = {"country": {"ru": {"default": "Казахстан"}, "kk": {"default": "Қазақстан"}}}


@register(TimelineEvent)
class TimelineEventTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Charge)
class ChargeTranslation(TranslationOptions):
    fields = ("description",)


@register(PrisonerStatusChange)
class PrisonerStatusChangeTranslation(TranslationOptions):
    fields = ("note",)
