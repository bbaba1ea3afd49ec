from modeltranslation.translator import TranslationOptions, register

from .models import Demand


@register(Demand)
class DemandTranslation(TranslationOptions):
    fields = ("title", "summary", "description")
