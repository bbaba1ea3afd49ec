"""CSV and JSON exports of the people and demands lists: every row the list's filter shows, all
pages, in the list's order, streamed and read from the database in chunks.

CSV is for spreadsheets: UTF-8 with a byte-order mark (Excel reads it as UTF-8 then), CRLF line
ends, and a cell that a spreadsheet would read as a formula (starting with = + - @, a tab or a
carriage return) is prefixed with an apostrophe, so a hostile name cannot run anything.
"""

import csv
import json

from django.http import JsonResponse, StreamingHttpResponse

from core.listing import filtered
from demands.filters import DemandFilter
from prisoners.filters import PrisonerFilter

from . import schemas
from .limits import export_limited

CHUNK_SIZE = 500
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# What each list exports: its filter, its rows, its public schema, the file's name.
EXPORTS = {
    "people": (PrisonerFilter, schemas.people, schemas.Person),
    "demands": (DemandFilter, schemas.demands, schemas.DemandOut),
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
        text = "yes" if value else "no"
    else:
        text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class _Line:
    """A file-like object for csv.writer that hands back each line instead of storing it."""

    def write(self, value):
        return value


def csv_lines(schema, rows):
    writer = csv.writer(_Line(), lineterminator="\r\n")
    fields = list(schema.model_fields)
    yield "\ufeff" + writer.writerow(fields)
    for record in rows:
        row = schemas.public_row(schema, record)
        yield writer.writerow([safe_cell(row[field]) for field in fields])


def json_lines(schema, rows):
    yield "["
    for index, record in enumerate(rows):
        yield ("," if index else "") + "\n" + json.dumps(schemas.public_row(schema, record), ensure_ascii=False)
    yield "\n]\n"


def filter_errors(filterset):
    return {"errors": {field: [str(message) for message in messages] for field, messages in filterset.errors.items()}}


@export_limited
def export(request, name, fmt):
    filterset_class, queryset, schema = EXPORTS[name]
    filterset, rows, status = filtered(request, filterset_class, queryset())
    if status != 200:
        return JsonResponse(filter_errors(filterset), status=status)
    rows = rows.iterator(chunk_size=CHUNK_SIZE)
    if fmt == "csv":
        response = StreamingHttpResponse(csv_lines(schema, rows), content_type="text/csv; charset=utf-8")
    else:
        response = StreamingHttpResponse(json_lines(schema, rows), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response
