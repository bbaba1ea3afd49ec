"""The demands export's columns (api/exports.py) and their headings in a reader's language: the
English file names its columns by these keys, as it always has; a Russian or Kazakh file by the
heading in its language."""

from django.utils.translation import pgettext_lazy

# Every column of the demands export, in its order.
HEADINGS = {
    "address": pgettext_lazy("export column", "Address on the site"),
    "title": pgettext_lazy("export column", "Title"),
    "kind": pgettext_lazy("export column", "Kind (code)"),
    "kind_label": pgettext_lazy("export column", "Kind"),
    "status": pgettext_lazy("export column", "Status (code)"),
    "status_label": pgettext_lazy("export column", "Status"),
    "summary": pgettext_lazy("export column", "Summary"),
    "campaign": pgettext_lazy("export column", "Campaign (address)"),
    "addressees": pgettext_lazy("export column", "Addressed to"),
    "people": pgettext_lazy("export column", "People concerned"),
    "people_count": pgettext_lazy("export column", "Number of people concerned"),
    "first_raised_on": pgettext_lazy("export column", "First raised on"),
    "url": pgettext_lazy("export column", "Page"),
}
