"""The public text of people that is written per language (django-modeltranslation). Names in
Russian and Kazakh are renderings of the name, not sourced facts; contacts and notes stay single."""

from modeltranslation.translator import TranslationOptions, register

from .models import Prisoner, TimelineEvent


@register(Prisoner)
class PrisonerTranslation(TranslationOptions):
    fields = ("name", "summary", "biography", "occupation")


@register(TimelineEvent)
class TimelineEventTranslation(TranslationOptions):
    fields = ("title", "description")
