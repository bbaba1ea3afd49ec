import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import translation

from campaigns.models import KeyDate
from core.status import Grade, StatusUnchanged, record_status_change
from core.text import search_key
from demands.models import Demand, DemandStatusChange
from prisoners.models import Alias, Prisoner, PrisonerStatusChange, Sentence, Status

from .factories import make_demand, make_key_date, make_person, make_sentence, make_source

pytestmark = pytest.mark.django_db
D = datetime.date


# Choices put into words ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "language, status, grade",
    [
        ("en", "Convicted and imprisoned", "Confirmed"),
        ("ru", "В заключении по приговору", "Подтверждено"),
        ("kk", "Сотталған, бас бостандығынан айырылған", "Расталған"),
    ],
)
def test_a_choice_is_named_in_the_readers_language_each_time_it_is_asked(language, status, grade):
    person = Prisoner(status=Status.IMPRISONED)
    # The same field, inherited by two models: each model's copy has its labels.
    changes = [PrisonerStatusChange(grade=Grade.CONFIRMED), DemandStatusChange(grade=Grade.CONFIRMED)]
    with translation.override("en"):  # the labels, read once, stay lazy
        assert [person.get_status_display(), *(change.get_grade_display() for change in changes)] == [
            "Convicted and imprisoned",
            "Confirmed",
            "Confirmed",
        ]
    with translation.override(language):
        assert [person.get_status_display(), *(change.get_grade_display() for change in changes)] == [
            status,
            grade,
            grade,
        ]


def test_a_value_that_is_no_choice_is_shown_as_stored():
    assert Prisoner(status="vanished").get_status_display() == "vanished"
    assert Prisoner(status=None).get_status_display() is None


# Expected release and days in detention ---------------------------------------------------------


def test_expected_release_counts_from_arrest():
    person = make_person(status=Status.IMPRISONED, arrested_on=D(2019, 3, 10))
    make_sentence(person, years=5)
    assert Prisoner.objects.get(pk=person.pk).expected_release == D(2024, 3, 10)


def test_expected_release_counts_from_given_start_with_months_and_days():
    person = make_person(status=Status.IMPRISONED, arrested_on=D(2019, 3, 10))
    make_sentence(person, years=1, months=6, days=10, starts_on=D(2020, 1, 31))
    assert person.expected_release == D(2021, 8, 10)


def test_expected_release_uses_the_latest_prison_sentence():
    person = make_person(status=Status.IMPRISONED, arrested_on=D(2019, 3, 10))
    make_sentence(person, years=2, handed_down_on=D(2019, 9, 1))
    make_sentence(person, years=7, handed_down_on=D(2020, 2, 1))
    make_sentence(person, kind=Sentence.Kind.SUSPENDED, years=1, handed_down_on=D(2021, 1, 1))
    assert person.expected_release == D(2026, 3, 10)


def test_no_expected_release_once_released():
    person = make_person(status=Status.RELEASED, arrested_on=D(2019, 3, 10), released_on=D(2021, 1, 1))
    make_sentence(person, years=5)
    assert person.expected_release is None


def test_explicit_end_date_wins_over_computed_one():
    person = make_person(status=Status.IMPRISONED, arrested_on=D(2019, 3, 10))
    make_sentence(person, years=5, ends_on=D(2023, 12, 31))
    assert person.expected_release == D(2023, 12, 31)


@time_machine.travel(datetime.datetime(2026, 11, 21, 12, tzinfo=datetime.UTC))
def test_days_in_detention_and_since_release():
    detained = make_person(status=Status.IMPRISONED, arrested_on=D(2026, 11, 1))
    released = make_person(status=Status.RELEASED, arrested_on=D(2020, 1, 1), released_on=D(2026, 11, 11))
    assert detained.days_in_detention() == 20
    assert released.days_in_detention() is None
    assert released.days_since_release() == 10


@time_machine.travel(datetime.datetime(2026, 11, 21, 20, tzinfo=datetime.UTC))
def test_days_are_counted_in_almaty_where_it_is_already_tomorrow():
    person = make_person(status=Status.DETAINED, arrested_on=D(2026, 11, 21))
    assert person.days_in_detention() == 1


# Validation --------------------------------------------------------------------------------------


def errors_of(record):
    with pytest.raises(ValidationError) as caught:
        record.full_clean()
    return caught.value.message_dict


def test_release_before_arrest_is_refused():
    person = Prisoner(name="A Person", slug="a", arrested_on=D(2020, 5, 1), released_on=D(2020, 4, 1))
    assert "release date is before the arrest" in errors_of(person)["released_on"][0]


@time_machine.travel(datetime.datetime(2026, 11, 21, 12, tzinfo=datetime.UTC))
def test_arrest_in_the_future_is_refused():
    person = Prisoner(name="A Person", slug="a", arrested_on=D(2026, 12, 1))
    assert "future" in errors_of(person)["arrested_on"][0]


def test_second_record_with_the_same_name_is_refused_whatever_the_spelling():
    make_person(name="Yerzhan Yelshibaev")
    duplicate = Prisoner(name="erzhan ELSHIBAYEV", slug="other")
    assert "already a record for Yerzhan Yelshibaev" in errors_of(duplicate)["name_en"][0]


def test_second_record_matching_an_alias_is_refused():
    make_person(name="Erzhan Elshibayev", aliases=["Ержан Елшибаев"])
    duplicate = Prisoner(name="Ержан Елшибаев", slug="other")
    assert "name_en" in errors_of(duplicate)


def test_alias_belonging_to_another_person_is_refused():
    make_person(name="Yerlan Baltabai")
    other = make_person(name="Someone Else")
    assert "belongs to Yerlan Baltabai" in errors_of(Alias(prisoner=other, name="Erlan Baltabai"))["name"][0]


def test_an_alias_confirmed_as_a_namesake_is_accepted():
    make_person(name="Yerlan Baltabai")
    alias = Alias(prisoner=make_person(name="Someone Else"), name="Erlan Baltabai")
    alias.namesake_confirmed = True
    alias.full_clean(exclude=["search_key"])  # raises on a refusal


def test_sentence_ending_before_it_starts_is_refused():
    person = make_person(arrested_on=D(2020, 1, 1))
    sentence = Sentence(prisoner=person, years=2, starts_on=D(2020, 1, 1), ends_on=D(2019, 1, 1))
    assert "ends before it starts" in errors_of(sentence)["ends_on"][0]


def test_absurd_sentence_is_refused():
    person = make_person()
    assert "years" in errors_of(Sentence(prisoner=person, years=300))


def test_sentence_with_no_length_is_refused():
    person = make_person()
    assert "length" in errors_of(Sentence(prisoner=person))["years"][0]


def test_sentence_before_arrest_is_refused():
    person = make_person(arrested_on=D(2020, 1, 1))
    sentence = Sentence(prisoner=person, years=2, handed_down_on=D(2019, 6, 1))
    assert "before the arrest" in errors_of(sentence)["handed_down_on"][0]


# Search ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["Elshibayev", "yelshibaev", "YERZHAN", "Ержан", "elshibáyev", "Yerzhan Yelshibaev"])
def test_search_finds_a_person_by_any_spelling(query):
    person = make_person(name="Erzhan Elshibayev", aliases=["Yerzhan Yelshibaev"])
    make_person(name="Yerlan Baltabai")
    assert list(Prisoner.objects.search(query)) == [person]


def test_search_key_folds_script_case_and_accents():
    assert search_key("  Ержан  ЕЛШИБАЕВ ") == search_key("Erzhan Elshibaev") == " erjan elshibaev "


# Status changes ----------------------------------------------------------------------------------


@time_machine.travel(datetime.datetime(2026, 1, 2, 3, tzinfo=datetime.UTC), tick=False)
def test_status_change_is_recorded_with_who_when_and_source(campaigner):
    person = make_person(status=Status.DETAINED)
    source = make_source()
    change = record_status_change(person, Status.IMPRISONED, by=campaigner, note="Sentenced", source=source)
    person.refresh_from_db()
    assert person.status == Status.IMPRISONED
    assert (change.old_status, change.new_status) == (Status.DETAINED, Status.IMPRISONED)
    assert change.changed_by == campaigner and change.changed_by_name == "campaigner"
    assert change.changed_at == datetime.datetime(2026, 1, 2, 3, tzinfo=datetime.UTC)
    assert change.source == source
    assert list(person.status_changes.values_list("new_status", flat=True)) == [Status.IMPRISONED, Status.DETAINED]


def test_status_change_reads_the_old_status_from_the_database_not_a_stale_copy():
    person = make_person(status=Status.DETAINED)
    stale = Prisoner.objects.get(pk=person.pk)
    record_status_change(person, Status.IMPRISONED, source_url="https://example.org/a")
    change = record_status_change(stale, Status.RELEASED, source_url="https://example.org/b")
    assert change.old_status == Status.IMPRISONED


def test_unchanged_status_is_not_recorded():
    person = make_person(status=Status.DETAINED)
    with pytest.raises(StatusUnchanged):
        record_status_change(person, Status.DETAINED)
    assert person.status_changes.count() == 1


def test_demand_status_change_is_recorded(campaigner):
    demand = make_demand()
    record_status_change(
        demand, "partial", by=campaigner, note="Some officers tried", source_url="https://example.org/t"
    )
    assert Demand.objects.get(pk=demand.pk).status == "partial"
    assert demand.status_changes.first().get_new_status_display() == "Partially met"


def test_outstanding_means_not_yet_won():
    open_ids = {make_demand(status=s).pk for s in ("outstanding", "partial")}
    for status in ("met", "rejected", "withdrawn"):
        make_demand(status=status)
    assert set(Demand.objects.outstanding().values_list("pk", flat=True)) == open_ids


# Key dates ---------------------------------------------------------------------------------------


def test_yearly_date_next_occurrence_crosses_the_year_end():
    key_date = make_key_date(date=D(2011, 12, 16))
    assert key_date.next_occurrence(D(2026, 12, 16)) == D(2026, 12, 16)
    assert key_date.next_occurrence(D(2026, 12, 17)) == D(2027, 12, 16)
    assert key_date.anniversary_number(D(2026, 12, 16)) == 15


@pytest.mark.parametrize(("rule", "expected"), [("feb28", D(2027, 2, 28)), ("mar1", D(2027, 3, 1))])
def test_29_february_in_a_common_year_follows_its_rule(rule, expected):
    key_date = make_key_date(date=D(2024, 2, 29), leap_day_rule=rule)
    assert key_date.occurrence_in(2027) == expected
    assert key_date.occurrence_in(2028) == D(2028, 2, 29)


def test_one_off_date_does_not_repeat():
    key_date = make_key_date(date=D(2026, 12, 1), recurrence=KeyDate.Recurrence.ONCE)
    assert key_date.next_occurrence(D(2026, 11, 1)) == D(2026, 12, 1)
    assert key_date.next_occurrence(D(2026, 12, 2)) is None


def test_yearly_date_does_not_occur_before_it_first_happened():
    key_date = make_key_date(date=D(2011, 12, 16))
    assert key_date.occurrences_between(D(2009, 1, 1), D(2012, 12, 31)) == [D(2011, 12, 16), D(2012, 12, 16)]
