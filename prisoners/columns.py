"""The people export's columns (api/exports.py) and their headings in a reader's language.

The English file names its columns by these keys, as it always has; a Russian or Kazakh file by the
heading in its language. The import (imports.py) reads both back, so the headings live here, below
the export and beside the import.
"""

from django.utils.translation import pgettext_lazy

# Every column of the people export, in its order.
HEADINGS = {
    "address": pgettext_lazy("export column", "Address on the site"),
    "name": pgettext_lazy("export column", "Name"),
    "native_name": pgettext_lazy("export column", "Name in Cyrillic"),
    "status": pgettext_lazy("export column", "Status (code)"),
    "status_label": pgettext_lazy("export column", "Status"),
    "summary": pgettext_lazy("export column", "Summary"),
    "country": pgettext_lazy("export column", "Country"),
    "region": pgettext_lazy("export column", "Region"),
    "occupation": pgettext_lazy("export column", "Occupation"),
    "organisation": pgettext_lazy("export column", "Organisation"),
    "arrested_on": pgettext_lazy("export column", "Arrested on"),
    "arrested_on_precision": pgettext_lazy("export column", "Arrest date known to"),
    "released_on": pgettext_lazy("export column", "Released on"),
    "released_on_precision": pgettext_lazy("export column", "Release date known to"),
    "died_on": pgettext_lazy("export column", "Died on"),
    "died_on_precision": pgettext_lazy("export column", "Date of death known to"),
    "expected_release": pgettext_lazy("export column", "Expected release"),
    "expected_release_precision": pgettext_lazy("export column", "Expected release known to"),
    "campaigns": pgettext_lazy("export column", "Campaigns (addresses)"),
    "last_verified_on": pgettext_lazy("export column", "Last verified on"),
    "url": pgettext_lazy("export column", "Page"),
}
