"""Importing people from a spreadsheet (prisoners/imports.py): the people export's CSV and the same columns in
XLSX, a preview that writes nothing, namesakes flagged for a decision, all or nothing, drafts, one audited import."""

import csv
import datetime
import io
import time
import zipfile
from types import SimpleNamespace

import pytest
from anyascii import anyascii
from auditlog.models import LogEntry
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from openpyxl import Workbook

from api.schemas import Person
from core.protection import purging
from core.publishing import Visibility
from core.text import search_words
from prisoners.imports import DIFFERENT_PERSON, SAME_PERSON, ImportRefused, import_people, preview
from prisoners.models import Alias, Consent, Prisoner, PrisonerStatusChange, Status
from prisoners.search import NameWord

from .conftest import EDITOR_GROUP
from .factories import make_campaign, make_organisation, make_person

pytestmark = pytest.mark.django_db

IMPORT_URL = "/admin/prisoners/prisoner/import/"
EXPORT_COLUMNS = list(Person.model_fields)  # the people export's columns, in its order
EXTRA_COLUMNS = ["aliases", "status_happened_on", "status_source_url", "status_note"]

FIRST = [
    ("Askar", "Асқар"), ("Bolat", "Болат"), ("Daniyar", "Данияр"), ("Gulnara", "Гүлнара"), ("Marat", "Марат"),
    ("Nurlan", "Нұрлан"), ("Saule", "Сәуле"), ("Timur", "Тимур"), ("Aigerim", "Әйгерім"), ("Berik", "Берік"),
    ("Dinara", "Динара"), ("Erlan", "Ерлан"), ("Zhanar", "Жанар"), ("Kanat", "Қанат"), ("Lyazzat", "Ләззат"),
    ("Murat", "Мұрат"), ("Olzhas", "Олжас"), ("Rustam", "Рустам"), ("Serik", "Серік"), ("Talgat", "Талғат"),
]  # fmt: skip
LAST = [
    ("Abenov", "Әбенов"), ("Baimukhanov", "Баймұханов"), ("Dosanov", "Досанов"), ("Ermekov", "Ермеков"),
    ("Zhakupov", "Жақыпов"), ("Iskakov", "Ысқақов"), ("Kenzhebaev", "Кенжебаев"), ("Mukanov", "Мұқанов"),
    ("Nurpeisov", "Нұрпейісов"), ("Omarov", "Омаров"), ("Rakhimov", "Рахымов"), ("Sadykov", "Садықов"),
    ("Tokhtarov", "Тоқтаров"), ("Utepov", "Өтепов"), ("Khasenov", "Хасенов"), ("Shaikenov", "Шәйкенов"),
    ("Yesenov", "Есенов"), ("Zhumabekov", "Жұмабеков"), ("Amanov", "Аманов"), ("Beisenov", "Бейсенов"),
    ("Dauletov", "Дәулетов"), ("Galiev", "Ғалиев"), ("Kaliev", "Қалиев"), ("Mamyrov", "Мамыров"),
    ("Seitkali", "Сейітқали"),
]  # fmt: skip

# Lines of the 500-row file (the header is line 1): three namesakes, in Latin and Cyrillic, of people
# already on the record or of an earlier line, and two bad rows.
ERZHAN_AGAIN, NATALIA_AGAIN, KAIRAT, KAIRAT_AGAIN = 12, 22, 32, 302
NAMESAKES = {ERZHAN_AGAIN, NATALIA_AGAIN, KAIRAT_AGAIN}
UNKNOWN_STATUS, BAD_DATE = 102, 402
DECISIONS = dict.fromkeys(NAMESAKES, DIFFERENT_PERSON)
SPECIAL = {
    ERZHAN_AGAIN: {"name": "Yerzhan Yelshibaev"},  # Erzhan Elshibayev, spelt another way
    NATALIA_AGAIN: {"name": "Наталья Соколова"},  # the Cyrillic alias of Natalia Sokolova
    KAIRAT: {"name": "Kairat Zhumabaev", "native_name": "Қайрат Жұмабаев"},
    KAIRAT_AGAIN: {"name": "Qairat Jumabaev"},  # the Kazakh Latin alphabet: line 32's person?
}


@pytest.fixture
def record(campaign):
    """What is on the record before the import: a campaign, an organisation, two people."""
    return SimpleNamespace(
        campaign=campaign,
        other_campaign=make_campaign(slug="release-the-oil-workers", name="Release the oil workers"),
        union=make_organisation(name="Oil Workers' Union"),
        erzhan=make_person(name="Erzhan Elshibayev", campaign=campaign),
        natalia=make_person(name="Natalia Sokolova", aliases=["Наталья Соколова"]),
    )


def people_rows(bad=False):
    """500 people in the export's columns (and aliases, the status's date, source and note): every other
    one named in Latin with their name in Cyrillic beside it, the rest in Cyrillic alone."""
    with translation.override("ru"):
        imprisoned_in_russian = str(Status.IMPRISONED.label)
    rows = []
    for index in range(500):
        line = index + 2
        (first, first_cyrillic), (last, last_cyrillic) = FIRST[index % 20], LAST[index // 20]
        latin, cyrillic = f"{first} {last}", f"{first_cyrillic} {last_cyrillic}"
        names = {"name": latin, "native_name": cyrillic} if index % 2 else {"name": cyrillic, "native_name": ""}
        names = SPECIAL.get(line, names)
        day = datetime.date(2011, 12, 16) + datetime.timedelta(days=index)
        row = dict.fromkeys(EXPORT_COLUMNS + EXTRA_COLUMNS, "")
        row.update(
            names,
            address=slugify(anyascii(names["name"])),
            status=imprisoned_in_russian if index % 7 == 0 else ("imprisoned", "detained", "exile")[index % 3],
            summary="'+7 years for a strike" if index == 5 else "Arrested after the strike.",
            country="Kazakhstan",
            region=("Mangystau", "Almaty")[index % 2],
            organisation="Oil Workers' Union" if index % 5 == 0 else "",
            arrested_on=day.isoformat() if index % 4 else f"{day.year}-01-01",
            arrested_on_precision="day" if index % 4 else "year",
            campaigns="justice-for-zhanaozen" + ("; release-the-oil-workers" if index % 10 == 0 else ""),
            aliases=latin if index % 2 == 0 and line not in SPECIAL else "",
            status_happened_on=day.isoformat(),
            status_source_url=f"https://example.org/case-{index}",
            status_note="Held in the pre-trial centre." if index % 3 == 0 else "",
        )
        rows.append(row)
    if bad:
        rows[UNKNOWN_STATUS - 2]["status"] = "jailed"
        rows[BAD_DATE - 2]["arrested_on"] = "2011-13-45"
    return rows


def as_csv(rows):
    """As the export writes a CSV: a byte-order mark, CRLF line ends (api/exports.py)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(rows[0].keys())
    writer.writerows(row.values() for row in rows)
    return ("\ufeff" + out.getvalue()).encode()


def as_xlsx(rows):
    """The same columns in a workbook, with a spreadsheet's own date cells where a date is known to the day."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(rows[0].keys()))
    for row in rows:
        cells = dict(row)
        if cells["arrested_on_precision"] == "day":
            cells["arrested_on"] = datetime.date.fromisoformat(cells["arrested_on"])
        sheet.append(list(cells.values()))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def written():
    """How many rows of each kind an import could write, the audit trail included."""
    return [model.objects.count() for model in (Prisoner, Alias, PrisonerStatusChange, NameWord, LogEntry)]


def snapshot():
    """The imported people, every field an import sets, by address."""
    people = Prisoner.objects.filter(visibility=Visibility.DRAFT).prefetch_related("aliases", "campaigns")
    return {
        person.slug: (
            person.name_en,
            person.native_name,
            person.status,
            person.summary_en,
            person.country_en,
            person.country_ru,
            person.region_en,
            person.affiliation_id,
            (person.arrested_on, person.arrested_on_precision),
            sorted(campaign.slug for campaign in person.campaigns.all()),
            sorted((alias.name, alias.kind) for alias in person.aliases.all()),
            [
                (change.new_status, change.happened_on, change.happened_on_precision, change.source_url, change.note_en)
                for change in person.status_changes.all()
            ],
        )
        for person in people
    }


def test_the_test_file_has_no_namesakes_but_the_three_it_means():
    keys = {}
    for line, row in enumerate(people_rows(), start=2):
        for name in (row["name"], row["native_name"], row["aliases"]):
            if name:
                keys.setdefault(tuple(sorted(search_words(name))), set()).add(line)
    shared = [lines for lines in keys.values() if len(lines) > 1]
    assert shared == [{KAIRAT, KAIRAT_AGAIN}]


def test_the_preview_writes_nothing_and_names_the_namesakes(record):
    before = written()
    plan = preview(as_csv(people_rows(bad=True)), "people.csv")
    assert written() == before
    flagged = {row.line: row for row in plan.flagged}
    assert set(flagged) == NAMESAKES
    assert flagged[ERZHAN_AGAIN].namesakes == [record.erzhan]
    assert flagged[NATALIA_AGAIN].namesakes == [record.natalia]
    assert flagged[KAIRAT_AGAIN].namesake_lines == [KAIRAT]
    assert (plan.added, plan.changed) == (500, 0)
    # What the export carries but an import does not set (derived, or set by "Mark as verified").
    assert plan.ignored == ["status_label", "expected_release", "expected_release_precision", "last_verified_on", "url"]
    assert sorted({problem.line for problem in plan.problems}) == [UNKNOWN_STATUS, BAD_DATE]


def test_an_import_with_bad_rows_writes_nothing_and_names_each_bad_line(record):
    before = written()
    with pytest.raises(ImportRefused) as refused:
        import_people(as_csv(people_rows(bad=True)), "people.csv", decisions=DECISIONS)
    problems = [str(problem) for problem in refused.value.plan.problems]
    assert problems == [
        "Line 102: status: “jailed” is not one of: at_risk, detained, imprisoned, restricted, suspended, released, "
        "exile, killed, deceased, unknown.",
        "Line 402: arrested_on: “2011-13-45” is not a date; write it as 2011-12-16, 2011-12 or 2011.",
    ]
    assert written() == before


def test_an_undecided_namesake_stops_the_import_and_is_named(record):
    before = written()
    with pytest.raises(ImportRefused) as refused:
        import_people(as_csv(people_rows()), "people.csv", decisions={ERZHAN_AGAIN: DIFFERENT_PERSON})
    problems = refused.value.plan.problems
    assert [problem.line for problem in problems] == [NATALIA_AGAIN, KAIRAT_AGAIN]
    assert all(problem.undecided for problem in problems)
    assert "Natalia Sokolova" in str(problems[0]) and "line 32" in str(problems[1])
    assert written() == before


def test_the_fixed_file_imports_500_drafts_as_one_audited_import(record, tmp_path):
    rows = people_rows()
    path = tmp_path / "people.csv"
    path.write_bytes(as_csv(rows))
    out, since, started = io.StringIO(), timezone.now(), time.monotonic()
    call_command("import_people", str(path), "--different", ",".join(map(str, sorted(NAMESAKES))), stdout=out)
    print(f"\n500-row import: {time.monotonic() - started:.1f} s")  # reported, not asserted: the machine decides

    drafts = Prisoner.objects.filter(visibility=Visibility.DRAFT)
    assert drafts.count() == 500
    assert Prisoner.objects.count() == 502  # and the two people who were there
    changes = PrisonerStatusChange.objects.filter(prisoner__in=drafts)
    assert changes.count() == 500 and not changes.filter(source_url="").exists()
    kairat, row = Prisoner.objects.get(slug="kairat-zhumabaev"), rows[KAIRAT - 2]
    change = kairat.status_changes.get()
    assert (change.happened_on.isoformat(), change.happened_on_precision) == (row["status_happened_on"], "day")
    assert (change.source_url, change.old_status, change.new_status) == (row["status_source_url"], "", row["status"])
    assert change.staff_note.startswith("Imported from people.csv (import-")
    assert kairat.native_name == "Қайрат Жұмабаев"
    assert kairat in Prisoner.objects.search("Қайрат Жұмабаев")
    # A name in Cyrillic alone, its Latin alias, a Russian status label, two campaigns, an organisation.
    first = Prisoner.objects.get(slug="asqar-abenov")
    assert (first.name_en, first.status, first.affiliation) == ("Асқар Әбенов", Status.IMPRISONED, record.union)
    assert [(alias.name, alias.kind) for alias in first.aliases.all()] == [("Askar Abenov", Alias.Kind.TRANSLITERATION)]
    assert {campaign.slug for campaign in first.campaigns.all()} == {"justice-for-zhanaozen", "release-the-oil-workers"}
    assert (first.arrested_on, first.arrested_on_precision) == (datetime.date(2011, 1, 1), "year")
    assert Prisoner.objects.get(slug="nurlan-abenov").summary_en == "+7 years for a strike"  # the export's apostrophe
    assert Prisoner.objects.search("Askar Abenov").filter(pk=first.pk).exists()  # found by its alias

    # One import in the audit trail: one correlation id, the file named on every entry.
    entries = LogEntry.objects.filter(timestamp__gte=since)
    (cid,) = set(entries.values_list("cid", flat=True))
    assert cid.startswith("import-")
    assert {entry.additional_data["source"] for entry in entries} == {f"{cid}: people.csv"}
    assert entries.filter(content_type__model="prisoner", action=LogEntry.Action.CREATE).count() == 500
    assert (
        f"Added as drafts: 500. Changed: 0. Unchanged: 0. Skipped: 0. The audit log lists every change under {cid}."
        in (out.getvalue())
    )


def test_importing_the_same_file_again_changes_nothing(record):
    data = as_csv(people_rows())
    import_people(data, "people.csv", decisions=DECISIONS)
    before = written()
    plan = import_people(data, "people.csv")
    assert (plan.added, plan.changed, plan.unchanged, plan.flagged) == (0, 0, 500, [])
    assert written() == before


def test_an_xlsx_with_the_same_columns_imports_the_same(record):
    rows = people_rows()
    savepoint = transaction.savepoint()
    import_people(as_csv(rows), "people.csv", decisions=DECISIONS)
    from_csv = snapshot()
    transaction.savepoint_rollback(savepoint)
    assert not Prisoner.objects.filter(visibility=Visibility.DRAFT).exists()

    import_people(as_xlsx(rows), "people.xlsx", decisions=DECISIONS)
    assert len(from_csv) == 500 and snapshot() == from_csv


def test_the_export_comes_back_as_it_left(client, campaigner, record):
    union, campaign = record.union, record.campaign
    make_person(
        name="Roza Tuletaeva",
        native_name="Роза Тулетаева",
        summary="[[Mother of two]], sentenced after the strike.",
        region="Mangystau",
        occupation="Oil worker",
        affiliation=union,
        status=Status.IMPRISONED,
        arrested_on=datetime.date(2012, 1, 1),
        arrested_on_precision="month",
        campaign=campaign,
    )
    make_person(
        name="Maksat Dosmagambetov", status=Status.DECEASED, died_on=datetime.date(2019, 1, 1), died_on_precision="year"
    )
    make_person(name="=HYPERLINK(1)", country="Kyrgyzstan", occupation="-2+3", campaign=record.other_campaign)
    exported = b"".join(client.get("/prisoners/export.csv").streaming_content)

    before = written()
    plan = import_people(exported, "people.csv")
    assert (plan.unchanged, plan.added, plan.changed) == (5, 0, 0)
    assert written() == before

    # Into a record without them: as drafts, with every field the export carries; published, the
    # export reads the same.
    with purging(campaigner, "testing the import"):
        Prisoner.objects.all().delete()
    plan = import_people(exported, "people.csv")
    assert plan.added == 5
    assert set(Prisoner.objects.values_list("visibility", flat=True)) == {Visibility.DRAFT}
    Prisoner.objects.update(visibility=Visibility.PUBLISHED)
    assert b"".join(client.get("/prisoners/export.csv").streaming_content) == exported


@pytest.mark.parametrize(("language", "region_heading"), [("ru", "Регион"), ("kk", "Өңір")])
def test_a_russian_or_kazakh_export_is_read_back_into_its_language_s_columns(client, record, language, region_heading):
    make_person(
        name="Roza Tuletaeva",
        name_ru="Роза Тулетаева",
        name_kk="Роза Төлетаева",
        summary="[[Mother of two]], sentenced after the strike.",
        region="Mangystau",  # no rendering: the file shows the English in its place
        affiliation=record.union,
        status=Status.IMPRISONED,
        arrested_on=datetime.date(2012, 1, 1),
        arrested_on_precision="month",
        campaign=record.campaign,
    )
    make_person(name="Zhanna Secretova", consent=Consent.ANONYMISED)
    english = b"".join(client.get("/prisoners/export.csv").streaming_content)
    exported = b"".join(client.get(f"/{language}/prisoners/export.csv").streaming_content)
    header = exported.decode("utf-8-sig").split("\r\n", 1)[0]
    assert region_heading in header.split(",") and "region" not in header

    # Its headings name the export's columns: what the English export's import ignores, this one's does.
    before = written()
    plan = import_people(exported, "people.csv")
    assert (plan.unchanged, plan.skipped, plan.added, plan.changed) == (3, 1, 0, 0)
    assert (
        plan.ignored
        == preview(english, "people.csv").ignored
        == [
            "status_label",
            "expected_release",
            "expected_release_precision",
            "last_verified_on",
            "url",
        ]
    )
    assert written() == before

    # A cell changed in the file changes that language's column, never the English one.
    rows = list(csv.reader(io.StringIO(exported.decode("utf-8-sig"), newline="")))
    column = rows[0].index(region_heading)
    [roza] = [row for row in rows if "Mother of two" in ",".join(row)]
    roza[column] = "Маңғыстау облысы"
    changed = io.StringIO(newline="")
    csv.writer(changed, lineterminator="\r\n").writerows(rows)
    plan = import_people(changed.getvalue().encode(), "people.csv")
    assert (plan.unchanged, plan.changed) == (2, 1)
    assert [row.changes for row in plan.rows if row.action == "change"] == [[f"region_{language}"]]
    person = Prisoner.objects.get(name_en="Roza Tuletaeva")
    assert (person.region_en, getattr(person, f"region_{language}")) == ("Mangystau", "Маңғыстау облысы")
    assert person.summary_en == "[[Mother of two]], sentenced after the strike." and not person.summary_ru

    # It adds no one: a new person needs the English name, which it does not carry.
    roza[0] = "someone-new"  # the address
    unknown = io.StringIO(newline="")
    csv.writer(unknown, lineterminator="\r\n").writerows(rows)
    with translation.override("en"):
        plan = preview(unknown.getvalue().encode(), "people.csv")
    [new] = [row for row in plan.rows if row.action == "add"]
    assert new.problems == ["The name is missing: a new person needs one."] and not plan.importable


def test_an_anonymised_person_s_row_is_left_alone(client):
    person = make_person(name="Zhanna Secretova", consent=Consent.ANONYMISED, region="Mangystau")
    exported = b"".join(client.get("/prisoners/export.csv").streaming_content)
    assert f"anonymous-{person.pk}".encode() in exported
    before = written()
    plan = import_people(exported, "people.csv")
    assert (plan.skipped, plan.added, plan.changed) == (1, 0, 0)
    assert [str(note) for note in plan.notes] == [
        "Line 2: Anonymised: the export withholds their details, so nothing is read from this row."
    ]
    assert written() == before and Prisoner.objects.get().name_en == "Zhanna Secretova"


def test_a_csv_saved_by_a_russian_spreadsheet_is_read():
    with translation.override("ru"):
        detained = str(Status.DETAINED.label)
    data = f"Name;Status;Arrested on;Arrested on precision\r\nАйгүл Ахметова;{detained};16.12.2011;\r\n;;;\r\n"
    data += "Bolat Serikov;released;04.2012;month\r\n"
    plan = import_people(data.encode(), "люди.csv")
    assert [(row.line, row.action) for row in plan.rows] == [(2, "add"), (4, "add")]
    aigul, bolat = Prisoner.objects.get(name_en="Айгүл Ахметова"), Prisoner.objects.get(name_en="Bolat Serikov")
    assert aigul.status == Status.DETAINED
    assert (aigul.arrested_on, aigul.arrested_on_precision) == (datetime.date(2011, 12, 16), "day")
    assert (bolat.arrested_on, bolat.arrested_on_precision) == (datetime.date(2012, 4, 1), "month")


def test_a_file_that_is_no_spreadsheet_is_refused_whole():
    plan = preview("name\r\nЕржан\r\n".encode("cp1251"), "people.csv")
    assert [str(problem) for problem in plan.problems] == [
        "The file is not UTF-8 text: save it as “CSV UTF-8” or as XLSX, and try again."
    ]
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.writestr("people.txt", "name")
    plan = preview(zipped.getvalue(), "people.xlsx")
    assert [str(problem) for problem in plan.problems] == ["The file could not be read as a spreadsheet (CSV or XLSX)."]


def test_a_new_person_gets_a_latin_address_and_a_status_change_the_status_service_checks(record):
    data = "name,status,status_happened_on,aliases\r\nЖанар Қалиева,detained,2031-01,Zhanar Kalieva\r\n".encode()
    plan = preview(data, "new.csv")
    assert [str(problem) for problem in plan.problems] == [
        "Line 2: A change of status cannot have happened in the future."
    ]

    data = data.replace(b"2031-01", b"2021-03")
    import_people(data, "new.csv")
    person = Prisoner.objects.get(name_en="Жанар Қалиева")
    assert person.slug == "zhanar-qalieva" and person.visibility == Visibility.DRAFT
    assert person.status_changes.get().happened_on_precision == "month"

    # A published person's status changes only with its source, as in the admin.
    erzhan = record.erzhan
    row = f"address,status,status_happened_on\r\n{erzhan.slug},released,2016-12-16\r\n".encode()
    with pytest.raises(ImportRefused) as refused:
        import_people(row, "release.csv")
    assert "Say where the change of status is documented" in str(refused.value.plan.problems[0])
    row = f"address,status,status_happened_on,status_source_url\r\n{erzhan.slug},released,2016-12-16,https://example.org/r\r\n"
    plan = import_people(row.encode(), "release.csv")
    assert plan.to_write[0].changes == ["status"]
    erzhan.refresh_from_db()
    assert (erzhan.status, erzhan.visibility) == (Status.RELEASED, Visibility.PUBLISHED)  # never unpublished either
    assert erzhan.status_changes.order_by("-changed_at").first().source_url == "https://example.org/r"


def test_a_namesake_decided_to_be_the_same_person_is_skipped(record):
    data = b"name\r\nYerzhan Yelshibaev\r\nAinur Kurmanova\r\n"
    plan = import_people(data, "two.csv", decisions={2: SAME_PERSON})
    assert (plan.added, plan.skipped) == (1, 1)
    assert not Prisoner.objects.filter(name_en="Yerzhan Yelshibaev").exists()


# The admin's import page.


def _upload(rows, name="people.csv"):
    return SimpleUploadedFile(name, as_csv(rows), content_type="text/csv")


def test_the_import_page_needs_the_permission_to_add_people(editor_client):
    Group.objects.get(name=EDITOR_GROUP).permissions.remove(Permission.objects.get(codename="add_prisoner"))
    assert editor_client.get(IMPORT_URL).status_code == 403
    assert editor_client.post(IMPORT_URL, {"file": _upload(people_rows()[:3])}).status_code == 403
    assert IMPORT_URL not in editor_client.get("/admin/prisoners/prisoner/").content.decode()
    assert not Prisoner.objects.exists()


def test_the_import_page_previews_then_imports_once_each_namesake_is_decided(editor_client, editor, record):
    assert IMPORT_URL in editor_client.get("/admin/prisoners/prisoner/").content.decode()
    rows = people_rows()[8:13]  # lines 10 to 14 of the big file; Yerzhan Yelshibaev is the third
    before = written()
    page = editor_client.post(IMPORT_URL, {"file": _upload(rows)})
    assert page.status_code == 200
    content = page.content.decode()
    assert "To add (as drafts): 5. To change: 0. Unchanged: 0. Skipped: 0." in content
    assert "Yerzhan Yelshibaev" in content and f"/admin/prisoners/prisoner/{record.erzhan.pk}/change/" in content
    assert 'name="namesake-4"' in content
    assert written() == before

    payload = page.context["payload"]
    refused = editor_client.post(IMPORT_URL, {"payload": payload})
    assert "say whether this is a different person or the same one" in refused.content.decode()
    assert written() == before

    done = editor_client.post(IMPORT_URL, {"payload": payload, "namesake-4": DIFFERENT_PERSON})
    assert done.status_code == 302 and done["Location"] == "/admin/prisoners/prisoner/?visibility__exact=draft"
    drafts = Prisoner.objects.filter(visibility=Visibility.DRAFT)
    assert drafts.count() == 5
    entries = LogEntry.objects.get_for_objects(drafts)
    assert {entry.actor for entry in entries} == {editor} and len({entry.cid for entry in entries}) == 1
