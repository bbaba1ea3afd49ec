"""Importing people from a spreadsheet: the people export's own CSV (api/exports.py), or the same columns
in XLSX. The admin's "Import" page and `manage.py import_people` only call this (docs/import.md). The
Russian and Kazakh exports are read too: their headings (columns.py) name the same columns, their text
columns being that language's.

Read first, then write. `preview()` reads the file and the record and says what an import would do with
each row (add, change, leave as it is), which rows may name someone already on the record or earlier in
the file (namesakes: names and aliases folded as the name search folds them, in any script), and what is
wrong with each bad row. It writes nothing, not even in a transaction rolled back: a preview never holds
the database's write lock while the public site is running. `import_people()` makes the same plan and
writes it in one transaction, or writes nothing at all when a row is bad or a namesake undecided, and
then names every such line.

What an import adds is a draft, and what it changes keeps its visibility: an import never publishes.
A status goes through the status service (core/status.py) with the row's date, source and note. Every
entry an import leaves in the audit trail carries one correlation id and the file's name.

An empty cell says nothing: it never erases what the record holds. Aliases and campaigns are added, never
removed (the export lists only the public ones).
"""

import csv
import datetime
import io
import re
import uuid
import zipfile
from dataclasses import dataclass, field

from anyascii import anyascii
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from core.audit import recorded_as
from core.dates import Precision, period_start
from core.languages import in_every_language
from core.models import Campaign, Organisation
from core.publishing import Visibility
from core.status import (
    Grade,
    complete_current_status,
    current_status_change,
    gaps_filled,
    require_after_current,
    require_evidence,
    require_past,
    save_with_history,
)
from core.text import in_latin_letters, search_words, without_marks

from .columns import HEADINGS
from .models import ANONYMOUS_SLUG, Alias, Prisoner, Status
from .search import NameWord

MAX_FILE_BYTES = 10 * 1024 * 1024  # an XLSX is a zip: its size once read is many times this
# What the export prefixes with an apostrophe so that a spreadsheet never runs a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
LIST_SEPARATOR = ";"  # the export joins a list's items with "; "

TRANSLATED = ("name", "summary", "biography", "occupation", "country", "region")
MARKED = ("summary", "biography")  # may hold [[identifying]] marks, which the export leaves out
TEXT_FIELDS = ("native_name", *(column for name in TRANSLATED for column in in_every_language(name)))
DATES = ("arrested_on", "released_on", "died_on")
NOTE_COLUMNS = in_every_language("status_note")
EVIDENCE_COLUMNS = ("status_happened_on", "status_happened_on_precision", "status_source_url", "status_grade")
READ = {
    "address",
    "status",
    "organisation",
    "campaigns",
    "aliases",
    *TEXT_FIELDS,
    *DATES,
    *(f"{name}_precision" for name in DATES),
    *EVIDENCE_COLUMNS,
    *NOTE_COLUMNS,
}
# The column that feeds a field, where their names differ.
COLUMN_OF = {"affiliation": "organisation", "slug": "address", **{f"{name}_en": name for name in TRANSLATED}}
# What a completed status change's fields are called in the file.
EVIDENCE_COLUMN_OF = {
    "happened_on": "status_happened_on",
    "happened_on_precision": "status_happened_on_precision",
    "source_url": "status_source_url",
    "grade": "status_grade",
    **{f"note_{code}": f"status_note_{code}" for code, _name in settings.LANGUAGES},
}
_NAME_COLUMNS = ("aliases", "native_name", *in_every_language("name"))
COARSENESS = {Precision.DAY: 0, Precision.MONTH: 1, Precision.YEAR: 2}

ADD, CHANGE, UNCHANGED, SKIP = "add", "change", "unchanged", "skip"
# An editor's decision about a row that may name someone already on the record.
DIFFERENT_PERSON, SAME_PERSON = "different", "same"


class Unreadable(Exception):
    """The file as a whole cannot be read."""


@dataclass
class Problem:
    line: int | None  # None: the file as a whole
    message: str
    undecided: bool = False  # a namesake the editor has not decided about (the file itself is fine)

    def __str__(self):
        if self.line is None:
            return self.message
        return _("Line %(line)d: %(problem)s") % {"line": self.line, "problem": self.message}


@dataclass
class Row:
    line: int
    person: Prisoner | None  # unsaved (added), or as stored with the row's changes (changed)
    label: str  # how the row names the person
    action: str = ADD
    fields: set = field(default_factory=set)  # the model fields the row changes
    columns: list = field(default_factory=list)  # the same, and what the status history takes, as columns
    aliases: list = field(default_factory=list)  # to add
    campaigns: list = field(default_factory=list)  # to add
    evidence: dict = field(default_factory=dict)  # of the status it opens or changes to
    previous_status: str = ""  # set when the row changes the status
    completion: dict = field(default_factory=dict)  # what the unchanged current status takes where it has a gap
    namesakes: list = field(default_factory=list)  # people on the record with one of the row's names
    namesake_lines: list = field(default_factory=list)  # earlier lines of the file with one of them
    decision: str = ""
    note: str = ""
    problems: list = field(default_factory=list)

    @property
    def flagged(self):
        return bool(self.namesakes or self.namesake_lines)

    @property
    def changes(self):
        """What the row changes, as the file's columns."""
        added = ["aliases"] * bool(self.aliases) + ["campaigns"] * bool(self.campaigns)
        return list(dict.fromkeys([*self.columns, *added]))


@dataclass
class Plan:
    filename: str
    rows: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    ignored: list = field(default_factory=list)  # columns the import does not read
    import_id: str = ""

    def count(self, action):
        return sum(row.action == action for row in self.rows)

    @property
    def added(self):
        return self.count(ADD)

    @property
    def changed(self):
        return self.count(CHANGE)

    @property
    def unchanged(self):
        return self.count(UNCHANGED)

    @property
    def skipped(self):
        return self.count(SKIP)

    @property
    def flagged(self):
        return [row for row in self.rows if row.flagged]

    @property
    def undecided(self):
        return [row for row in self.flagged if row.decision not in (DIFFERENT_PERSON, SAME_PERSON)]

    @property
    def to_write(self):
        return [row for row in self.rows if row.action in (ADD, CHANGE)]

    @property
    def notes(self):
        """What the plan says of a row it leaves alone, as "Line 5: ..."."""
        return [Problem(row.line, row.note) for row in self.rows if row.note]

    @property
    def importable(self):
        """Whether the file can be imported as it is (once each namesake is decided)."""
        return bool(self.rows) and all(problem.undecided for problem in self.problems)

    def summary(self):
        counts = {"added": self.added, "changed": self.changed, "unchanged": self.unchanged, "skipped": self.skipped}
        return (
            _("To add (as drafts): %(added)d. To change: %(changed)d. Unchanged: %(unchanged)d. Skipped: %(skipped)d.")
            % counts
        )

    def result(self):
        counts = {"added": self.added, "changed": self.changed, "unchanged": self.unchanged, "skipped": self.skipped}
        return _(
            "Imported %(file)s. Added as drafts: %(added)d. Changed: %(changed)d. Unchanged: %(unchanged)d. "
            "Skipped: %(skipped)d. The audit log lists every change under %(import)s."
        ) % {**counts, "file": self.filename, "import": self.import_id}


class ImportRefused(Exception):
    """Nothing was written; `plan.problems` names every bad line and undecided namesake."""

    def __init__(self, plan):
        super().__init__(f"{len(plan.problems)} problems")
        self.plan = plan


def preview(data, filename, decisions=None):
    """What importing `data` (the file's bytes) would do, row by row, with the namesakes to decide
    about and every bad row; writes nothing. `decisions`: {line: DIFFERENT_PERSON or SAME_PERSON}."""
    return _plan(data, filename, decisions or {})


def import_people(data, filename, *, by=None, decisions=None, remote_addr=None):
    """Import the file as one transaction, audited as one import by `by`. Raises ImportRefused, having
    written nothing, when a row is bad or a namesake has no decision; returns the plan carried out."""
    import_id = f"import-{uuid.uuid4().hex[:12]}"
    staff_note = f"Imported from {filename} ({import_id})."
    with (
        recorded_as(f"{import_id}: {filename}", actor=by, cid=import_id, remote_addr=remote_addr),
        transaction.atomic(),
    ):
        plan = _plan(data, filename, decisions or {}, deciding=True)
        plan.import_id = import_id
        if plan.problems:
            raise ImportRefused(plan)
        for row in plan.to_write:
            try:
                with transaction.atomic():
                    _write(row, by, staff_note)
            except ValidationError as error:
                plan.problems += [Problem(row.line, message) for message in _messages(error)]
            except IntegrityError:
                # Someone else saved the same address since the plan was made.
                plan.problems.append(Problem(row.line, _("Another record took this address meanwhile.")))
        if plan.problems:
            raise ImportRefused(plan)  # rolls back every row written before
    return plan


def _write(row, by, staff_note):
    person = row.person
    if row.action == ADD:
        save_with_history(person, by=by, staff_note=staff_note, **row.evidence)
    elif row.previous_status:
        save_with_history(person, previous_status=row.previous_status, by=by, staff_note=staff_note, **row.evidence)
    else:
        if row.fields:
            person.save()
        if row.completion:
            complete_current_status(person, **row.completion)
    if row.campaigns:
        person.campaigns.add(*row.campaigns)
    for name in row.aliases:
        kind = Alias.Kind.TRANSLITERATION if in_latin_letters(name) else Alias.Kind.NATIVE
        Alias.objects.create(prisoner=person, name=name, kind=kind)


def _messages(error):
    """A ValidationError's messages, each with the column it concerns."""
    if not hasattr(error, "error_dict"):
        return list(error.messages)
    return [
        message if name == NON_FIELD_ERRORS else f"{COLUMN_OF.get(name, name)}: {message}"
        for name, messages in error.message_dict.items()
        for message in messages
    ]


# Reading the file.


def read_table(data):
    """[(line, cells)] of a CSV or XLSX file (an XLSX is a zip), the header first."""
    if len(data) > MAX_FILE_BYTES:
        raise Unreadable(
            _("The file is larger than %(size)d MB: split it, or import it with manage.py import_people.")
            % {"size": MAX_FILE_BYTES // (1024 * 1024)}
        )
    if zipfile.is_zipfile(io.BytesIO(data)):
        return _xlsx_rows(data)
    return _csv_rows(data)


def _csv_rows(data):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Unreadable(_("The file is not UTF-8 text: save it as “CSV UTF-8” or as XLSX, and try again.")) from None
    first_line = text.split("\n", 1)[0]
    # A spreadsheet set to a language with a decimal comma (Russian, Kazakh) separates cells with ";".
    delimiter = max((",", ";", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows, line = [], 1
    try:
        for cells in reader:
            rows.append((line, cells))
            line = reader.line_num + 1  # a quoted cell may span lines: the next row starts after it
    except csv.Error:
        raise Unreadable(_("Line %(line)d could not be read as CSV.") % {"line": line}) from None
    return rows


def _xlsx_rows(data):
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sheet = workbook.worksheets[0]
            # Read-only mode trusts the size the file declares, which some programs write wrong.
            sheet.reset_dimensions()
            return [(line, list(cells)) for line, cells in enumerate(sheet.iter_rows(values_only=True), start=1)]
        finally:
            workbook.close()
    except Exception as error:  # openpyxl raises many kinds on a damaged file or a zip that is no workbook
        raise Unreadable(_("The file could not be read as a spreadsheet (CSV or XLSX).")) from error


def _key(text):
    return re.sub(r"[\s-]+", "_", text.lower())


def _exported_headings():
    """{a heading of the Russian or Kazakh export, as a key: the column it names}. That export writes the
    record's text in its own language (the English where there is none), so its text columns are that
    language's: "Регион" is region_ru, never the English region."""
    found = {}
    for code, _name in settings.LANGUAGES:
        if code == settings.LANGUAGE_CODE:
            continue  # the English export names its columns by their keys
        with translation.override(code):
            for column, heading in HEADINGS.items():
                found[_key(str(heading))] = f"{column}_{code}" if column in TRANSLATED else column
    return found


def _column(cell, headings):
    """A header cell as the column it names: "Name" and "name" are "name_en", the English column; a
    heading of the Russian or Kazakh export is its column (`headings`)."""
    column = _key(_text(cell))
    if column in headings:
        return headings[column]
    return f"{column}_en" if column in (*TRANSLATED, "status_note") else column


def _text(value):
    """A cell as text, with the apostrophe the export puts before a would-be formula taken off."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime):
        value = value.date()
    text = str(value).strip()
    return text[1:] if text.startswith("'") and text[1:2] and text[1] in FORMULA_STARTS else text


def _items(text):
    return [item.strip() for item in text.split(LIST_SEPARATOR) if item.strip()]


def _partial_date(value):
    """(date, precision) of a cell: a date cell, or 2011-12-16, 2011-12 or 2011 (as the export and the API
    write dates), or 16.12.2011 or 12.2011 (as Russian and Kazakh spreadsheets do). Raises ValueError."""
    if isinstance(value, datetime.datetime):
        return value.date(), Precision.DAY
    if isinstance(value, datetime.date):
        return value, Precision.DAY
    text = _text(value)
    if match := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text):
        year, month, day = match.groups()
    elif match := re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text):
        day, month, year = match.groups()
    elif match := re.fullmatch(r"(\d{4})-(\d{1,2})", text):
        return datetime.date(int(match[1]), int(match[2]), 1), Precision.MONTH
    elif match := re.fullmatch(r"(\d{1,2})\.(\d{4})", text):
        return datetime.date(int(match[2]), int(match[1]), 1), Precision.MONTH
    elif re.fullmatch(r"\d{4}", text):
        return datetime.date(int(text), 1, 1), Precision.YEAR
    else:
        raise ValueError(text)
    return datetime.date(int(year), int(month), int(day)), Precision.DAY


def _choices(choices):
    """{code or label in any language, in lower case: code}: a status may be written as the export
    writes it ("imprisoned") or as a reader would ("Convicted and imprisoned", its Russian or Kazakh)."""
    known = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            known |= {str(label).lower(): value for value, label in choices.choices}
    return known | {value: value for value in choices.values}


# Planning.


def _plan(data, filename, decisions, deciding=False):
    plan = Plan(filename=filename)
    try:
        table = read_table(data)
    except Unreadable as error:
        plan.problems.append(Problem(None, str(error)))
        return plan
    headings = _exported_headings()
    header = [_column(cell, headings) for cell in table[0][1]] if table else []
    named = [column for column in header if column]
    if twice := sorted({column for column in named if named.count(column) > 1}):
        plan.problems.append(Problem(None, _("The column “%(column)s” appears twice.") % {"column": twice[0]}))
        return plan
    if not READ & set(named):
        plan.problems.append(
            Problem(
                None,
                _(
                    "The first row must name the columns, and none of them is one the import reads "
                    "(name, native_name, status, address…)."
                ),
            )
        )
        return plan
    plan.ignored = [column for column in named if column not in READ]
    rows = [(line, cells) for line, cells in table[1:] if any(_text(cell) for cell in cells)]
    if not rows:
        plan.problems.append(Problem(None, _("The file has no rows to import.")))
        return plan
    planner = _Planner([dict(zip(header, cells, strict=False)) for _line, cells in rows])
    for line, cells in rows:
        row = planner.row(line, dict(zip(header, cells, strict=False)))
        if len(cells) > len(header) and any(_text(cell) for cell in cells[len(header) :]):
            row.problems.append(_("This row has more cells than the first row names columns."))
        plan.rows.append(row)
        if row.flagged:
            row.decision = decisions.get(line, "")
            if row.decision == SAME_PERSON:
                row.action = SKIP
                continue  # whatever else is wrong with the row no longer matters
            if row.decision != DIFFERENT_PERSON and deciding:
                plan.problems.append(Problem(line, _undecided(row), undecided=True))
        plan.problems += [Problem(line, message) for message in row.problems]
    return plan


def _undecided(row):
    others = [str(person) for person in row.namesakes]
    others += [_("line %(line)d") % {"line": line} for line in row.namesake_lines]
    return _(
        "%(name)s may already be on the record (%(others)s): say whether this is a different person or the same one."
    ) % {"name": row.label, "others": "; ".join(others)}


class _Planner:
    """Reads rows against the record, loaded once for the whole file, and against the rows read before."""

    def __init__(self, rows):
        addresses = {_text(cells.get("address")) for cells in rows} - {""}
        self.people = {
            person.slug: person
            for person in Prisoner.objects.filter(slug__in=addresses).prefetch_related("aliases", "campaigns")
        }
        self.campaigns = self._by_name(Campaign.objects.all(), "slug")
        self.organisations = self._by_name(Organisation.objects.all())
        self.statuses, self.precisions, self.grades = _choices(Status), _choices(Precision), _choices(Grade)
        self.taken = set(addresses)  # addresses a new row's own must not take
        # The file's words that some name on the record has: a name with a word no one has has no namesake,
        # and needs no look-up of its own (most of a file of people new to the record).
        names = [_text(cells.get(column)) for cells in rows for column in _NAME_COLUMNS]
        words = sorted({word for name in names for word in search_words(name)})
        self.known_words = set()
        for start in range(0, len(words), 900):  # under SQLite's limit of parameters in a query
            found = NameWord.objects.filter(word__in=words[start : start + 900]).values_list("word", flat=True)
            self.known_words.update(found.distinct())
        self.lines = {}  # address: the line that names it
        self.names = {}  # folded name: the first line with it

    @staticmethod
    def _by_name(records, *fields):
        """{slug or name in any language, in lower case: record}."""
        found = {}
        for record in records:
            for column in (*fields, *in_every_language("name")):
                if key := getattr(record, column):
                    found.setdefault(key.strip().lower(), record)
        return found

    def row(self, line, cells):
        address = _text(cells.get("address"))
        if ANONYMOUS_SLUG.match(address):
            # The export's row of an anonymised person: initials for a name, and nothing else of theirs.
            note = _("Anonymised: the export withholds their details, so nothing is read from this row.")
            return Row(line, None, address, action=SKIP, note=note)
        existing = self.people.get(address)
        person = existing or Prisoner(visibility=Visibility.DRAFT)
        row = Row(line, person, address, action=CHANGE if existing else ADD)
        if address in self.lines:
            row.problems.append(
                _("The address “%(address)s” is already on line %(line)d.")
                % {"address": address, "line": self.lines[address]}
            )
        elif address:
            self.lines[address] = line
        reader = _Cells(self, row, cells)
        reader.read()
        if row.action == ADD:
            self._name_the_new(row, address)
        row.label = person.name_en or person.native_name or person.slug
        reader.validate()
        self._namesakes(row, existing)
        if existing and not (row.fields or row.completion or row.aliases or row.campaigns):
            row.action = UNCHANGED
        return row

    def _name_the_new(self, row, address):
        person = row.person
        if not person.name_en:
            row.problems.append(_("The name is missing: a new person needs one."))
        if address:
            person.slug = address
            return
        # Names in Cyrillic get a Latin address, as a typed one would be.
        base = slugify(anyascii(person.name_en or person.native_name or ""))[:180] or "person"
        slug, n = base, 1
        while slug in self.taken or Prisoner.objects.filter(slug=slug).exists():
            n += 1
            slug = f"{base}-{n}"
        self.taken.add(slug)
        person.slug = slug

    def _namesakes(self, row, existing):
        """People on the record, and earlier rows, with one of the names this row adds (every name of a
        new person; a changed one's new names and aliases), by the name search's folding."""
        person = row.person
        columns = [*in_every_language("name"), "native_name"]
        names = [getattr(person, column) for column in columns if not existing or column in row.fields]
        # One look-up per name as folded: a name and its Cyrillic often fold alike.
        keys = {tuple(sorted(search_words(name))): name for name in (*names, *row.aliases) if name}
        keys.pop((), None)
        for key, name in keys.items():
            if not self.known_words.issuperset(key):
                continue
            found = Prisoner.objects.matching_name(name)
            for other in found.exclude(pk=existing.pk) if existing else found:
                if other not in row.namesakes:
                    row.namesakes.append(other)
        for key in keys:
            earlier = self.names.setdefault(key, row.line)
            if earlier != row.line and earlier not in row.namesake_lines:
                row.namesake_lines.append(earlier)


class _Cells:
    """One row's cells read into its person, with a problem for each cell that cannot be."""

    def __init__(self, planner, row, cells):
        self.planner, self.row, self.cells = planner, row, cells
        self.person, self.existing = row.person, row.action == CHANGE

    def text(self, column):
        return _text(self.cells.get(column))

    def problem(self, message):
        self.row.problems.append(message)

    def set(self, name, value):
        setattr(self.person, name, value)
        self.row.fields.add(name)
        self.row.columns.append(COLUMN_OF.get(name, name))

    def read(self):
        previous_status = self.person.status
        self.read_text()
        self.read_status()
        self.read_organisation()
        for name in DATES:
            self.read_date(name)
        self.read_campaigns()
        self.read_aliases()
        evidence = self.read_evidence()
        if self.row.action == ADD:
            self.row.evidence = evidence
            if evidence.get("happened_on"):
                self.check(require_past, evidence["happened_on"], evidence["happened_on_precision"])
        elif self.person.status != previous_status:
            self.row.previous_status, self.row.evidence = previous_status, evidence
            self.check(require_evidence, None, evidence.get("source_url"))
            if evidence.get("happened_on"):
                self.check(require_past, evidence["happened_on"], evidence["happened_on_precision"])
                # The history as stored: the new change must follow the current one.
                stored = Prisoner(pk=self.person.pk, status=previous_status)
                self.check(require_after_current, stored, evidence["happened_on"], evidence["happened_on_precision"])
        elif evidence:
            self.complete(evidence)

    def read_text(self):
        country = self.person.country_en
        for name in TEXT_FIELDS:
            value = self.text(name)
            if value and not (self.existing and value in self.shown(name)):
                self.set(name, value)
        if self.person.country_en != country:
            # Another country: its old rendering in Russian or Kazakh would name the old one, so the
            # reader's page falls back to the English until someone translates it.
            for column in in_every_language("country")[1:]:
                if column not in self.row.fields and getattr(self.person, column):
                    self.set(column, None)

    def shown(self, column):
        """What an export may have written of a stored person's column: its text, without the marks the
        export leaves out; and where a Russian or Kazakh column is empty, the English the export showed
        in its place (modeltranslation's fallback), which is no rendering to store."""
        stored = getattr(self.person, column) or ""
        field, _sep, language = column.rpartition("_")
        texts = [stored]
        if field in TRANSLATED and language != settings.LANGUAGE_CODE and not stored:
            texts.append(getattr(self.person, f"{field}_{settings.LANGUAGE_CODE}") or "")
        if field in MARKED:
            texts += [without_marks(text) for text in texts]
        return texts

    def read_status(self):
        value = self.text("status")
        if not value:
            return
        status = self.planner.statuses.get(value.lower())
        if status is None:
            self.not_one_of("status", value, Status)
        elif status != self.person.status or not self.existing:
            self.set("status", status)

    def read_organisation(self):
        value = self.text("organisation")
        if not value:
            return
        organisation = self.planner.organisations.get(value.lower())
        if organisation is None:
            self.problem(
                _("organisation: no organisation is called “%(value)s”; add it in the admin first.") % {"value": value}
            )
        elif organisation.pk != self.person.affiliation_id:
            self.set("affiliation", organisation)

    def read_date(self, name):
        given = self.partial_date(name)
        stored = (getattr(self.person, name), getattr(self.person, f"{name}_precision"))
        if given and (not self.existing or given != stored):
            self.set(name, given[0])
            setattr(self.person, f"{name}_precision", given[1])
            self.row.fields.add(f"{name}_precision")

    def partial_date(self, name):
        """(first day, precision) of a date and its precision column, or None (empty or bad)."""
        value = self.cells.get(name)
        if not _text(value):
            return None
        try:
            day, precision = _partial_date(value)
        except ValueError:
            self.problem(
                _("%(column)s: “%(value)s” is not a date; write it as 2011-12-16, 2011-12 or 2011.")
                % {"column": name, "value": _text(value)}
            )
            return None
        if stated := self.text(f"{name}_precision"):
            if (precision_stated := self.planner.precisions.get(stated.lower())) is None:
                self.not_one_of(f"{name}_precision", stated, Precision)
                return None
            if COARSENESS[precision_stated] < COARSENESS[precision]:
                self.problem(
                    _("%(column)s: “%(value)s” is less precise than “%(precision)s”.")
                    % {"column": name, "value": _text(value), "precision": stated}
                )
                return None
            precision = precision_stated
        return period_start(day, precision), precision

    def read_campaigns(self):
        linked = set(self.person.campaigns.all()) if self.existing else set()
        for value in _items(self.text("campaigns")):
            campaign = self.planner.campaigns.get(value.lower())
            if campaign is None:
                self.problem(_("campaigns: no campaign has the address or name “%(value)s”.") % {"value": value})
            elif campaign not in linked and campaign not in self.row.campaigns:
                self.row.campaigns.append(campaign)

    def read_aliases(self):
        known = {alias.name for alias in self.person.aliases.all()} if self.existing else set()
        for name in _items(self.text("aliases")):
            try:
                Alias._meta.get_field("name").clean(name, None)
            except ValidationError as error:
                self.problem(f"aliases: {' '.join(error.messages)}")
            else:
                if name not in known and name not in self.row.aliases:
                    self.row.aliases.append(name)

    def read_evidence(self):
        """What the row says of its status, as the status service takes it."""
        evidence = {}
        if given := self.partial_date("status_happened_on"):
            evidence["happened_on"], evidence["happened_on_precision"] = given
        if url := self.text("status_source_url"):
            try:
                URLValidator()(url)
            except ValidationError:
                self.problem(_("status_source_url: “%(value)s” is not a web address.") % {"value": url})
            else:
                evidence["source_url"] = url
        for column in NOTE_COLUMNS:
            if note := self.text(column):
                evidence[column.removeprefix("status_")] = note
        if grade := self.text("status_grade"):
            if grade.lower() in self.planner.grades:
                evidence["grade"] = self.planner.grades[grade.lower()]
            else:
                self.not_one_of("status_grade", grade, Grade)
        return evidence

    def complete(self, evidence):
        """The status stays: what the row says of it fills the current change's gaps, or is refused
        (core/status.py, as in the admin), so that importing a file twice adds nothing the second time."""
        current = current_status_change(self.person)
        try:
            filled = gaps_filled(current, **evidence) if current else evidence
        except ValidationError as error:
            self.problem(" ".join(error.messages))
            return
        if filled:
            self.row.completion = evidence
            self.row.columns += [EVIDENCE_COLUMN_OF[name] for name in filled if name in EVIDENCE_COLUMN_OF]

    def validate(self):
        """The model's own checks (lengths, dates in order, a free address) on what the row sets: all of a
        new person, the changed fields of a stored one (what it held before is not the file's doing)."""
        self.person.namesake_confirmed = True  # asked about by the import itself, with the file's lines
        fields = Prisoner._meta.fields
        exclude = [model_field.name for model_field in fields if not model_field.editable]
        if self.existing:
            exclude += [model_field.name for model_field in fields if model_field.name not in self.row.fields]
        elif not self.person.name_en:
            exclude += ["name", *in_every_language("name")]  # already said: the name is missing
        try:
            self.person.full_clean(exclude=exclude)
        except ValidationError as error:
            for message in _messages(error):
                self.problem(message)

    def check(self, rule, *args):
        try:
            rule(*args)
        except ValidationError as error:
            self.problem(" ".join(error.messages))

    def not_one_of(self, column, value, choices):
        self.problem(
            _("%(column)s: “%(value)s” is not one of: %(choices)s.")
            % {"column": column, "value": value, "choices": ", ".join(choices.values)}
        )
