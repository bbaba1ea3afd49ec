"""The actions export's columns (api/exports.py) and their headings in a reader's language: the English
file names its columns by these keys; a Russian or Kazakh file by the heading in its language."""

from django.utils.translation import pgettext_lazy

# Every column of the actions export, in its order.
HEADINGS = {
    "address": pgettext_lazy("export column", "Address on the site"),
    "title": pgettext_lazy("export column", "Title"),
    "kind": pgettext_lazy("export column", "Kind (code)"),
    "kind_label": pgettext_lazy("export column", "Kind"),
    "status": pgettext_lazy("export column", "Status (code)"),
    "status_label": pgettext_lazy("export column", "Status"),
    "summary": pgettext_lazy("export column", "Summary"),
    "campaign": pgettext_lazy("export column", "Campaign (address)"),
    "starts_on": pgettext_lazy("export column", "Starts on"),
    "deadline": pgettext_lazy("export column", "Deadline"),
    "deadline_at": pgettext_lazy("export column", "Deadline (date, time and UTC offset)"),
    "addressees": pgettext_lazy("export column", "Addressed to"),
    "people": pgettext_lazy("export column", "People concerned"),
    "people_count": pgettext_lazy("export column", "Number of people concerned"),
    "demands": pgettext_lazy("export column", "Demands"),
    "participants": pgettext_lazy("export column", "Took part"),
    "outcome": pgettext_lazy("export column", "Outcome"),
    "outcome_on": pgettext_lazy("export column", "Outcome date"),
    "url": pgettext_lazy("export column", "Page"),
}
