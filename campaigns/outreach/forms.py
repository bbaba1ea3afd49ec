from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from campaigns.core.models import Campaign
from prisoners.models import Prisoner

from .models import DEFAULT_LEAD_DAYS, LEAD_DAY_CHOICES


class PreferencesForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the emails"), choices=settings.LANGUAGES)
    campaigns = forms.ModelMultipleChoiceField(
        label=_("Whole campaigns"), queryset=Campaign.objects.published(), to_field_name="slug", required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    prisoners = forms.ModelMultipleChoiceField(
        label=_("Particular people"), queryset=Prisoner.objects.published(), to_field_name="slug", required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    lead_days = forms.TypedMultipleChoiceField(
        label=_("Remind me"), choices=LEAD_DAY_CHOICES, coerce=int, required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_("If you tick nothing, you get a reminder 7 days and 1 day before."),
    )

    def clean_lead_days(self):
        return self.cleaned_data["lead_days"] or list(DEFAULT_LEAD_DAYS)

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("campaigns") and not cleaned.get("prisoners"):
            raise forms.ValidationError(_("Choose at least one campaign or person to follow."))
        return cleaned


class SubscribeForm(PreferencesForm):
    email = forms.EmailField(label=_("Your email address"), max_length=254)
    field_order = ["email", "language", "campaigns", "prisoners", "lead_days"]
