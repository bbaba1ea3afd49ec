from modeltranslation.translator import TranslationOptions, register

from .models import Campaign, Organisation, Source


@register(Campaign)
class CampaignTranslation(TranslationOptions):
    fields = ("name", "summary", "description")


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("name", "description")
    # The name is unique in each language: an untranslated one is NULL, never a second "".
    empty_values = {"name": None}


@register(Source)
class SourceTranslation(TranslationOptions):
    # A cited article's title and publisher, translated for the reader; the English column keeps the
    # title as published, and the page links to the original.
    fields = ("title", "publisher")
