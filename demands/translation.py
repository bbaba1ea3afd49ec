from modeltranslation.translator import TranslationOptions, register

from .models import Demand, DemandStatusChange


@register(Demand)
class DemandTranslation(TranslationOptions):
    fields = ("title", "summary", "description")


@register(DemandStatusChange)
class DemandStatusChangeTranslation(TranslationOptions):
    fields = ("note",)
