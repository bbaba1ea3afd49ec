from modeltranslation.translator import TranslationOptions, register

from .models import Actor, OpenQuestion, Responsibility


@register(Actor)
class ActorTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Responsibility)
class ResponsibilityTranslation(TranslationOptions):
    fields = ("what", "description")


@register(OpenQuestion)
class OpenQuestionTranslation(TranslationOptions):
    fields = ("question", "description")
