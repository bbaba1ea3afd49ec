from modeltranslation.translator import TranslationOptions, register

from .models import KeyDate


@register(KeyDate)
class KeyDateTranslation(TranslationOptions):
    fields = ("title", "description", "place")
