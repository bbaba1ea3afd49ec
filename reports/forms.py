from django import forms
from django.utils.translation import gettext_lazy as _

CONTACT_HELP = _(
    "Optional, and never published: an email address, a phone or messenger name, if you want an answer. "
    "Leave it empty to stay anonymous to us too."
)


class HoneypotForm(forms.Form):
    # Hidden from people by the stylesheet (no script: the strict CSP stays); a bot that fills every
    # field fills this one, and its report is dropped without telling it so.
    website = forms.CharField(
        label=_("Leave this empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def is_bot(self):
        return bool(self.data.get("website"))


class CaseReportForm(HoneypotForm):
    name_given = forms.CharField(label=_("Who is it about? (optional)"), max_length=200, required=False)
    where_and_when = forms.CharField(label=_("Where and when (optional)"), max_length=200, required=False)
    text = forms.CharField(
        label=_("What happened"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What you know, and how you know it (saw it, were told, read it: where?)."),
    )
    contact = forms.CharField(label=_("How to reach you"), max_length=254, required=False, help_text=CONTACT_HELP)
    field_order = ["name_given", "where_and_when", "text", "contact", "website"]


class CorrectionForm(HoneypotForm):
    text = forms.CharField(
        label=_("What is wrong, and what is right"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Say where the right information can be checked, if you can. To ask for "
            "the page to be taken down, say so here."
        ),
    )
    contact = forms.CharField(label=_("How to reach you"), max_length=254, required=False, help_text=CONTACT_HELP)
    field_order = ["text", "contact", "website"]
