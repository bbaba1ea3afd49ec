from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.models import Campaign
from demands.models import Demand
from prisoners.models import Prisoner

from .models import DEFAULT_LEAD_DAYS, LEAD_DAY_CHOICES


class PeopleField(forms.ModelMultipleChoiceField):
    """People named by their public address: the slug, or "anonymous-<id>" for an anonymised
    person, whose real slug (their name) must not appear in the form."""

    def __init__(self, **kwargs):
        super().__init__(queryset=Prisoner.objects.published(), to_field_name="slug", **kwargs)

    def _check_values(self, value):
        people = []
        for address in dict.fromkeys(str(item) for item in value):
            person = self.queryset.at_public_address(address).first()
            if person is None:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice", params={"value": address}
                )
            people.append(person)
        return people


class PreferencesForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the emails"), choices=settings.LANGUAGES)
    campaigns = forms.ModelMultipleChoiceField(
        label=_("Whole campaigns"),
        queryset=Campaign.objects.published(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    prisoners = PeopleField(label=_("Particular people"), required=False, widget=forms.CheckboxSelectMultiple)
    demands = forms.ModelMultipleChoiceField(
        label=_("Particular demands"),
        queryset=Demand.objects.published(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    lead_days = forms.TypedMultipleChoiceField(
        label=_("Remind me"),
        choices=LEAD_DAY_CHOICES,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("If you tick nothing, you get a reminder 7 days and 1 day before."),
    )
    action_alerts = forms.BooleanField(
        label=_("Tell me when there is something to do"),
        required=False,
        help_text=_(
            "An email when an action opens (a letter to write, an event to join), and one before its deadline."
        ),
    )

    def clean_lead_days(self):
        return self.cleaned_data["lead_days"] or list(DEFAULT_LEAD_DAYS)

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not any(cleaned.get(name) for name in ("campaigns", "prisoners", "demands")):
            raise forms.ValidationError(_("Choose at least one campaign, person or demand to follow."))
        return cleaned


class SubscribeForm(PreferencesForm):
    email = forms.EmailField(label=_("Your email address"), max_length=254)
    field_order = ["email", "language", "campaigns", "prisoners", "demands", "lead_days", "action_alerts"]
