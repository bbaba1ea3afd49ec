from modeltranslation.translator import TranslationOptions, register

from .models import Action, Addressee


@register(Action)
class ActionTranslation(TranslationOptions):
    fields = ("title", "summary", "steps", "message_subject", "salutation", "message", "outcome")


@register(Addressee)
class AddresseeTranslation(TranslationOptions):
    fields = ("name", "postal_address")
