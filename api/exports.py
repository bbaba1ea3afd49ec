"""CSV and JSON exports of the people, demands and actions lists: every row the list's filter shows, all
pages, in the list's order, streamed and read from the database in chunks.

Each list's export has an address in each language, beside the list (/prisoners/export.csv,
/ru/prisoners/export.csv), and is in that language: the record's text as the reader's page shows it
(modeltranslation falls back to the English), labels translated. The JSON keeps its keys and codes in
every language, so a program reads any of them alike. The English CSV keeps its keys as headings and
its codes as values, as it always has: spreadsheets fetch it, and the import reads it back. A Russian
or Kazakh CSV is for reading: its headings and date precisions are in its language too.

CSV is for spreadsheets: UTF-8 with a byte-order mark (Excel reads it as UTF-8 then), CRLF line
ends, and a cell that a spreadsheet would read as a formula (starting with = + - @, a tab or a
carriage return) is prefixed with an apostrophe, so a hostile name cannot run anything.
"""

import csv
import json
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.http import JsonResponse, StreamingHttpResponse
from django.utils import translation
from django.utils.translation import pgettext

from actions import columns as action_columns
from actions.filters import ActionFilter
from core.dates import Precision
from core.languages import never_redirected
from core.listing import filtered
from demands import columns as demand_columns
from demands.filters import DemandFilter
from prisoners import columns as people_columns
from prisoners.filters import PrisonerFilter

from . import schemas
from .limits import export_limited

CHUNK_SIZE = 500
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Export:
    filterset: type
    rows: object  # () -> the QuerySet of public rows
    schema: type
    headings: dict  # column: its heading in a Russian or Kazakh CSV
    # Columns holding a code with no label column beside it (status and kind have theirs), written as
    # the label in a Russian or Kazakh CSV: {column: its choices}.
    coded: dict


EXPORTS = {
    "people": Export(
        PrisonerFilter,
        schemas.people,
        schemas.Person,
        people_columns.HEADINGS,
        {f"{date}_precision": Precision for date in ("arrested_on", "released_on", "died_on", "expected_release")},
    ),
    # An export names every person of a row, not the API's first PEOPLE_SHOWN.
    "demands": Export(
        DemandFilter, partial(schemas.demands, every_person=True), schemas.DemandOut, demand_columns.HEADINGS, {}
    ),
    "actions": Export(
        ActionFilter, partial(schemas.actions, every_person=True), schemas.ActionOut, action_columns.HEADINGS, {}
    ),
}


def safe_cell(value):
    """A value as one spreadsheet cell: lists joined, references by name, formulas neutralised."""
    if value is None:
        text = ""
    elif isinstance(value, list):
        text = "; ".join(safe_cell(item) for item in value)
    elif isinstance(value, dict):
        text = str(value.get("name") or value.get("title") or value.get("address") or "")
    elif isinstance(value, bool):
        text = pgettext("a spreadsheet cell", "yes") if value else pgettext("a spreadsheet cell", "no")
    else:
        text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class _Line:
    """A file-like object for csv.writer that hands back each line instead of storing it."""

    def write(self, value):
        return value


def csv_lines(export, rows, language):
    writer = csv.writer(_Line(), lineterminator="\r\n")
    fields = list(export.schema.model_fields)
    # The English file names its columns by their keys and writes codes, as it always has: spreadsheets
    # that fetch it, and the import, read it so.
    in_english = language == settings.LANGUAGE_CODE
    header = fields if in_english else [str(export.headings[field]) for field in fields]
    yield "\ufeff" + writer.writerow(header)
    for record in rows:
        row = schemas.public_row(export.schema, record)
        if not in_english:
            row |= {field: str(choices(row[field]).label) for field, choices in export.coded.items() if row[field]}
        yield writer.writerow([safe_cell(row[field]) for field in fields])


def json_lines(export, rows):
    yield "["
    for index, record in enumerate(rows):
        row = schemas.public_row(export.schema, record)
        yield ("," if index else "") + "\n" + json.dumps(row, ensure_ascii=False)
    yield "\n]\n"


def in_language(language, lines):
    """The lines, made in `language`: a streamed answer is written after the view has returned, when
    the request's language may no longer be the active one."""
    with translation.override(language):
        yield from lines


def filter_errors(filterset):
    return {"errors": {field: [str(message) for message in messages] for field, messages in filterset.errors.items()}}


@never_redirected
@export_limited
def export(request, name, fmt):
    spec = EXPORTS[name]
    filterset, rows, status = filtered(request, spec.filterset, spec.rows())
    if status != 200:
        return JsonResponse(filter_errors(filterset), status=status)
    rows = rows.iterator(chunk_size=CHUNK_SIZE)
    language = translation.get_language()  # the address's: /ru/prisoners/export.csv is Russian
    if fmt == "csv":
        lines = in_language(language, csv_lines(spec, rows, language))
        response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    else:
        lines = in_language(language, json_lines(spec, rows))
        response = StreamingHttpResponse(lines, content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response
