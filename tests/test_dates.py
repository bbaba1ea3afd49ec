"""Facts are dated when they happened, as precisely as the sources say, apart from when they were recorded."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import translation

from core.dates import ChangePrecision, partial_date
from core.status import record_status_change
from core.templatetags.dates import iso_moment, partial
from demo.loader import load_demo
from outreach.occasions import _of_person
from pages.statistics import statistics
from prisoners.models import Prisoner, PrisonerStatusChange, Status

from .admin_forms import admin_form_data
from .factories import make_event, make_person, make_sentence, make_source

pytestmark = pytest.mark.django_db
D = datetime.date
NOW = datetime.datetime(2026, 12, 7, 9, tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    ("language", "day", "month", "year"),
    [
        ("en", "16 December 2011", "April 2011", "2019"),
        ("ru", "16 декабря 2011 г.", "апрель 2011 г.", "2019"),
        ("kk", "2011 ж. 16 желтоқсан", "2011 ж. сәуір", "2019"),
    ],
)
def test_a_date_is_written_as_precisely_as_it_is_known_in_every_language(language, day, month, year):
    with translation.override(language):
        assert partial_date(D(2011, 12, 16), "day").lower() == day.lower()
        assert partial_date(D(2011, 4, 1), "month") == month
        assert partial_date(D(2019, 1, 1), "year") == year


def test_a_partial_date_is_stored_as_the_first_day_of_its_period():
    person = make_person(arrested_on=D(2011, 4, 17), arrested_on_precision="month")
    event = make_event(person, date=D(2019, 8, 30), date_precision="year")
    person.refresh_from_db()
    event.refresh_from_db()
    assert (person.arrested_on, event.date) == (D(2011, 4, 1), D(2019, 1, 1))


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_the_profile_shows_an_arrest_as_precisely_as_it_is_known(visitor, language):
    make_person(slug="known-to-month", arrested_on=D(2011, 4, 1), arrested_on_precision="month")
    prefix = "" if language == "en" else f"/{language}"
    page = visitor.get(f"{prefix}/prisoners/known-to-month/").content.decode()
    with translation.override(language):
        assert f'<time datetime="2011-04">{partial_date(D(2011, 4, 1), "month")}</time>' in page
    assert "2011-04-01" not in page


@time_machine.travel(NOW, tick=False)
def test_a_status_change_says_when_it_happened_apart_from_when_it_was_recorded(visitor):
    person = make_person(slug="p", status=Status.DETAINED)
    change = record_status_change(
        person, Status.IMPRISONED, happened_on=D(2019, 12, 20), happened_on_precision="month", source=make_source()
    )
    assert (change.happened_on, change.changed_at.date()) == (D(2019, 12, 1), D(2026, 12, 7))
    page = visitor.get("/prisoners/p/").content.decode()
    assert '<time datetime="2019-12">December 2019</time>:' in page
    first = person.status_changes.get(old_status="")
    assert first.happened_on_precision == "recorded"  # the factory said nothing of when: the day it was recorded
    assert '<time datetime="2026-12-07">recorded on 7 December 2026</time>:' in page


@time_machine.travel(NOW, tick=False)
def test_the_admin_asks_when_a_status_change_happened(editor_client):
    person = make_person(slug="p", status=Status.DETAINED)
    page = editor_client.get(f"/admin/prisoners/prisoner/{person.pk}/change/")
    assert page.context["adminform"].form["status_happened_on"].value() == D(2026, 12, 7)  # today by default
    data = admin_form_data(page)
    data |= {
        "status": Status.RELEASED,
        "status_happened_on": "2026-03-02",
        "status_happened_on_precision": "month",
        "status_source_url": "https://example.org/released",
    }
    response = editor_client.post(f"/admin/prisoners/prisoner/{person.pk}/change/", data)
    assert response.status_code == 302
    change = person.status_changes.get(new_status=Status.RELEASED)
    assert (change.happened_on, change.happened_on_precision) == (D(2026, 3, 1), "month")


@time_machine.travel(NOW, tick=False)
def test_a_change_cannot_be_dated_in_the_future(editor_client):
    person = make_person(slug="p", status=Status.DETAINED)
    data = admin_form_data(editor_client.get(f"/admin/prisoners/prisoner/{person.pk}/change/"))
    data |= {
        "status": Status.RELEASED,
        "status_happened_on": "2027-01-05",
        "status_source_url": "https://example.org/x",
    }
    response = editor_client.post(f"/admin/prisoners/prisoner/{person.pk}/change/", data)
    assert response.status_code == 200
    assert "cannot have happened in the future" in str(response.context["adminform"].form.errors)
    assert not person.status_changes.filter(new_status=Status.RELEASED).exists()


def test_custody_counts_an_arrest_known_to_the_month_from_its_end():
    make_person(status=Status.IMPRISONED, arrested_on=D(2024, 3, 1), arrested_on_precision="month")
    held = dict(statistics(D(2024, 5, 15))["custody"].held)
    assert (held[D(2024, 3, 31)], held[D(2024, 4, 30)]) == (1, 1)
    make_person(status=Status.IMPRISONED, arrested_on=D(2024, 1, 1), arrested_on_precision="year")
    held = dict(statistics(D(2024, 5, 15))["custody"].held)
    # "Arrested in 2024": not before the year is over, or today, whichever comes first.
    assert (held[D(2024, 4, 30)], held[D(2024, 5, 15)]) == (1, 2)


def test_an_arrest_known_only_to_the_month_has_no_anniversary_reminders():
    exact = make_person(status=Status.IMPRISONED, arrested_on=D(2020, 5, 10))
    vague = make_person(status=Status.IMPRISONED, arrested_on=D(2020, 5, 1), arrested_on_precision="month")
    span = (D(2025, 1, 1), D(2025, 12, 31))
    for person in (exact, vague):
        person.public_campaigns, person.public_sentences = [], []
    assert f"arrest:{exact.pk}" in [occasion.key for occasion in _of_person(exact, *span)]
    assert list(_of_person(vague, *span)) == []


@pytest.mark.django_db(transaction=True)
def test_existing_status_changes_keep_the_day_they_were_recorded_marked_as_such():
    before, after = (
        [("prisoners", "0012_charges_places_and_notes_in_other_languages")],
        [("prisoners", "0013_dates_as_they_happened")],
    )
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    person = old.get_model("prisoners", "Prisoner").objects.create(name="Old", slug="old", search_key=" old ")
    # 20:00 UTC on 1 March is already 2 March in Almaty, the campaign's time zone.
    recorded = datetime.datetime(2025, 3, 1, 20, tzinfo=datetime.UTC)
    old.get_model("prisoners", "PrisonerStatusChange").objects.create(
        prisoner=person, new_status="detained", changed_at=recorded
    )
    executor = MigrationExecutor(connection)
    executor.migrate(after)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    change = PrisonerStatusChange.objects.get(prisoner__slug="old")
    assert (change.happened_on, change.happened_on_precision, change.changed_at) == (
        D(2025, 3, 2),
        "recorded",
        recorded,
    )


@time_machine.travel(datetime.datetime(2030, 5, 5, 9, tzinfo=datetime.UTC), tick=False)
def test_the_demo_is_dated_as_its_articles_date_it(client):
    load_demo()
    answer = client.get("/api/people/erzhan-elshibayev/").json()
    assert (answer["arrested_on"], answer["arrested_on_precision"]) == ("2019-01-01", "year")
    for address in Prisoner.objects.values_list("slug", flat=True):
        person = client.get(f"/api/people/{address}/").json()
        for change in person["status_history"]:
            assert change["happened_on_precision"] != "recorded" and change["happened_on"] < "2022"
            assert change["source"] or change["source_url"]
        for event in person["events"]:
            assert event["date"] < "2022" and event["sources"]
    sokolova = client.get("/api/people/natalia-sokolova/").json()
    assert (sokolova["arrested_on"], sokolova["arrested_on_precision"]) == ("2011-04-01", "month")
    page = client.get("/statistics/").content.decode()
    assert 'id="chart-custody"' in page and "<td>1</td>" in page


@time_machine.travel(NOW, tick=False)
def test_updates_are_ordered_and_dated_by_when_they_happened_and_feeds_say_when_they_were_added(visitor):
    person = make_person(slug="p", name="Aigul Sample", status=Status.DETAINED)
    record_status_change(
        person, Status.IMPRISONED, happened_on=D(2019, 12, 1), happened_on_precision="month", source=make_source()
    )
    make_event(person, date=D(2021, 6, 1), date_precision="year", title="Moved to another prison")
    home = visitor.get("/").content.decode()
    assert home.index("Moved to another prison") < home.index("status now Convicted and imprisoned")
    assert '<time datetime="2019-12">December 2019</time>' in home
    feed = visitor.get("/prisoners/p/feed/").content.decode()
    assert '<summary type="html">December 2019: status now Convicted and imprisoned (Reported)</summary>' in feed
    assert "<updated>2026-12-07T09:00:00+00:00</updated>" in feed  # added today, though it happened in 2019


@pytest.mark.parametrize(
    ("arrested", "precision", "length", "expected"),
    [
        (D(2019, 1, 1), "year", {"years": 5}, (D(2024, 1, 1), "year")),
        (D(2011, 1, 1), "year", {"years": 5, "months": 6}, (None, "day")),  # 2016 or 2017: not said
        (D(2011, 4, 1), "month", {"years": 6}, (D(2017, 4, 1), "month")),
        (D(2011, 4, 1), "month", {"years": 2, "days": 15}, (D(2013, 1, 1), "year")),  # April or May 2013
        (D(2011, 4, 16), "day", {"years": 2}, (D(2013, 4, 16), "day")),
    ],
)
def test_an_end_counted_from_an_imprecise_arrest_is_no_more_precise_than_it_can_be(
    arrested, precision, length, expected
):
    person = make_person(status=Status.IMPRISONED, arrested_on=arrested, arrested_on_precision=precision)
    sentence = make_sentence(person, **length)
    assert (sentence.end_date, sentence.end_date_precision) == expected


def test_a_sentence_is_checked_against_the_first_day_the_arrest_may_have_been():
    from django.core.exceptions import ValidationError

    person = make_person(arrested_on=D(2011, 12, 16), arrested_on_precision="year")  # "any day in it will do"
    person.arrested_on = D(2011, 12, 16)  # as the admin's inline sees it, before the person is saved again
    sentence = make_sentence(person, years=2, handed_down_on=D(2011, 6, 1))
    sentence.prisoner = person
    try:
        sentence.clean()
    except ValidationError as error:
        assert "handed_down_on" not in error.message_dict


def test_a_change_cannot_be_dated_before_the_status_it_ends():
    from django.core.exceptions import ValidationError

    person = make_person(status=Status.DETAINED)
    record_status_change(person, Status.IMPRISONED, happened_on=D(2019, 6, 1), source=make_source())
    with pytest.raises(ValidationError):
        record_status_change(person, Status.RELEASED, happened_on=D(2018, 1, 1), source=make_source())
    record_status_change(person, Status.RELEASED, happened_on=D(2019, 6, 1), source=make_source())
    assert [change.new_status for change in person.status_changes.all()] == ["released", "imprisoned", "detained"]


def test_a_new_record_is_not_dated_today_unless_the_editor_says_so(editor_client):
    page = editor_client.get("/admin/prisoners/prisoner/add/")
    assert page.context["adminform"].form["status_happened_on"].value() is None


def test_publishing_from_code_refuses_a_status_without_a_source():
    from django.core.exceptions import ValidationError

    from core.publishing import Visibility

    person = make_person(status=Status.DETAINED, visibility=Visibility.DRAFT)
    record_status_change(person, Status.IMPRISONED)  # a draft's change, no source yet
    person.refresh_from_db()
    person.visibility = Visibility.PUBLISHED
    with pytest.raises(ValidationError):
        person.save()


def test_a_time_element_carries_no_microseconds():
    # The Nu checker refuses `<time datetime="2026-12-07T14:12:55.539938+00:00">`.
    moment = datetime.datetime(2026, 12, 7, 14, 12, 55, 539938, tzinfo=datetime.UTC)
    assert iso_moment(moment) == "2026-12-07T14:12:55+00:00"
    assert iso_moment(datetime.time(10, 30, 0, 5)) == "10:30:00"
    assert iso_moment(D(2026, 12, 7)) == "2026-12-07"
    assert 'datetime="2026-12-07T14:12:55+00:00"' in partial(moment, ChangePrecision.RECORDED)
    assert 'datetime="2026-12-07"' in partial(D(2026, 12, 7), ChangePrecision.RECORDED)
