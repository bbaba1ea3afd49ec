"""Search as readers type names and places: Kazakh and Russian Cyrillic, Kazakh Latin, any word order,
one wrong letter."""

import io
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from campaigns.models import KeyDate
from core.publishing import Visibility
from core.tasks import refresh_planner_statistics
from core.text import search_words, within_one_edit
from demands.models import Demand
from demo.synthetic import synthetic_name
from prisoners.models import Alias, Consent, Prisoner
from prisoners.search import with_word_near

from .factories import make_campaign, make_demand, make_key_date, make_person


@pytest.mark.parametrize("spelling", ["Жаңаөзен", "Жанаозен", "Zhanaozen", "Janaozen", "zhanaozen"])
def test_every_spelling_of_zhanaozen_folds_alike(spelling):
    assert search_words(spelling) == ["janaozen"]


@pytest.mark.parametrize(
    ("typed", "record"),
    [
        ("Қайрат", "Kairat"),
        ("Qairat", "Kairat"),
        ("Ержан Елшібаев", "Erzhan Elshibayev"),
        ("Эльшибаев", "Elshibayev"),
        ("Şynar", "Шынар"),
        ("Ğalym", "Galym"),
        ("Балтабай", "Baltabay"),
        ("Наталья", "Natalia"),
        ("Халмурзаева", "Khalmurzaeva"),
        ("Yerlan", "Erlan"),
    ],
)
def test_kazakh_russian_and_latin_spellings_meet(typed, record):
    assert search_words(typed) == search_words(record)


@pytest.mark.parametrize("query", ["Ержан Елшібаев", "Elshibayev Erzhan", "elshib erzh", "Эльшибаев", "Elshibaiev"])
def test_a_person_is_found_in_any_script_word_order_or_with_one_wrong_letter(db, query):
    person = make_person(name="Erzhan Elshibayev")
    make_person(name="Yerlan Baltabai")
    assert list(Prisoner.objects.published().search(query).values_list("pk", flat=True)) == [person.pk]


def test_kazakh_cyrillic_finds_the_latin_record(db):
    person = make_person(name="Kairat Kuspanov")
    assert [p.pk for p in Prisoner.objects.search("Қайрат")] == [person.pk]


def test_whole_word_matches_come_before_the_starts_of_words(db):
    longer = make_person(name="Aaron Erlanov")
    exact = make_person(name="Zoe Erlan")
    assert [p.pk for p in Prisoner.objects.published().search("Erlan")] == [exact.pk, longer.pk]


def test_one_wrong_letter_is_forgiven_only_when_nothing_matches_exactly(db):
    make_person(name="Erlan Kaliev")
    exact = make_person(name="Erlan Kalev")
    assert [p.pk for p in Prisoner.objects.search("Kalev")] == [exact.pk]


def test_two_wrong_letters_find_nobody(db):
    make_person(name="Erzhan Elshibayev")
    assert not Prisoner.objects.search("Elshobaiov").exists()


def test_an_anonymised_person_is_not_found_by_their_name_even_misspelt(db):
    make_person(name="Roza Tuletaeva", consent=Consent.ANONYMISED)
    assert not Prisoner.objects.published().search("Roza Tuletaeva").exists()
    assert not Prisoner.objects.published().search("Roza Tuletaewa").exists()


def test_one_edit_means_one_letter():
    assert within_one_edit("elshbaev", "elshibaev") and within_one_edit("elshib", "elshibaev")
    assert not within_one_edit("elxxbaev", "elshibaev")


@pytest.mark.parametrize("spelling", ["Жаңаөзен", "Жанаозен", "Zhanaozen", "Janaozen"])
def test_every_spelling_finds_the_campaign_its_demands_and_key_dates(db, spelling):
    campaign = make_campaign(name="Justice for Zhanaozen")
    other = make_campaign(name="Justice for Almaty")
    demand = make_demand(campaign=campaign, title="An independent commission")
    make_demand(campaign=other, title="An independent court")
    key_date = make_key_date(campaign=campaign, title="Anniversary of the shootings")
    make_key_date(campaign=other, title="Anniversary of the shootings")
    assert list(type(campaign).objects.search(spelling)) == [campaign]
    assert list(Demand.objects.search(spelling)) == [demand]
    assert list(KeyDate.objects.search(spelling)) == [key_date]


def test_the_demand_list_searches(client, db):
    campaign = make_campaign(name="Justice for Zhanaozen")
    make_demand(campaign=campaign, title="Exhumations of the dead")
    make_demand(campaign=campaign, title="Release of political prisoners")
    page = client.get("/ru/demands/", {"q": "exhumation"}).content.decode()
    assert "Exhumations of the dead" in page and "Release of political prisoners" not in page


def test_the_calendar_searches(client, db):
    campaign = make_campaign(name="Justice for Zhanaozen")
    make_key_date(campaign=campaign, title="Day of the oil workers")
    make_key_date(campaign=campaign, title="Anniversary of the shootings", place="Жаңаөзен")
    page = client.get("/calendar/", {"q": "Zhanaozen shootings"}).content.decode()
    assert "Anniversary of the shootings" in page and "Day of the oil workers" not in page


def test_a_renamed_person_is_found_by_the_new_name_only(db):
    person = make_person(name="Erzhan Elshibayev")
    person.name = "Yerlan Baltabai"
    person.save()
    assert [p.pk for p in Prisoner.objects.search("Baltabai")] == [person.pk]
    assert not Prisoner.objects.search("Elshibayev").exists()


def test_an_alias_finds_its_person_until_it_is_removed(db):
    person = make_person(name="Natalia Sokolova", visibility=Visibility.DRAFT)  # a public record's parts stay
    alias = Alias.objects.create(prisoner=person, name="Наталья Соколова-Ким")
    assert [p.pk for p in Prisoner.objects.search("Kim Natalia")] == [person.pk]
    alias.delete()
    assert not Prisoner.objects.search("Kim").exists()
    assert [p.pk for p in Prisoner.objects.search("Sokolova")] == [person.pk]


# Words whose first letters differ in every way one edit allows, and some that differ by two.
VOCABULARY = [
    "elshibaev",
    "lshibaev",
    "alshibaev",
    "eelshibaev",
    "eshibaev",
    "exlshibaev",
    "ecshibaev",
    "lesh",
    "baltabai",
    "altabai",
    "ebaltabai",
    "kaliev",
    "kalev",
    "kalyev",
    "akliev",
    "eslhibaev",
    "sokolova",
]
TYPED = [
    "elshib",
    "lshib",
    "elshibaev",
    "xlshibaev",
    "ellshibaev",
    "ealtab",
    "baltab",
    "kaliev",
    "aklie",
    "kalie",
    "sokolv",
    "okolova",
    "sookolova",
    "elsh",
    "else",
    "eshi",
    "elxhib",  # the third letter wrong
    "elxshib",  # an extra letter typed third
    "elhib",  # the third letter missing
    "soxolova",  # the third letter wrong, past a shared start
    "soqkolova",  # an extra letter typed third
]


def test_the_index_forgives_exactly_what_one_edit_forgives(db):
    people = {word: make_person(name=f"Word {word}") for word in VOCABULARY}
    for typed in TYPED:
        [folded] = search_words(typed)
        expected = {people[word].pk for word in VOCABULARY if within_one_edit(folded, search_words(word)[0])}
        assert set(Prisoner.objects.filter(pk__in=with_word_near(folded)).values_list("pk", flat=True)) == expected, (
            typed
        )


def test_a_long_query_reads_the_index_a_bounded_number_of_times(db, django_assert_max_num_queries):
    make_person(name="Erzhan Elshibayev")
    with django_assert_max_num_queries(2):
        found = list(Prisoner.objects.search(" ".join(["elshibaev"] * 6 + ["nobody"] * 50)))
    assert len(found) == 1


@pytest.mark.parametrize(("typed", "found"), [("az", {"az", "azat"}), ("a9", {"a9x"}), ("zz", {"zz"}), ("9", {"9a"})])
def test_a_prefix_ending_in_the_last_letter_or_digit_finds_exactly_its_words(db, typed, found):
    people = {word: make_person(name=f"Q {word}") for word in ["az", "azat", "b", "a9x", "aa", "zz", "9a", "a"]}
    assert {p.name[2:] for p in Prisoner.objects.search(typed)} == found
    assert {people[word].pk for word in found} == set(Prisoner.objects.search(typed).values_list("pk", flat=True))


def test_searches_are_rate_limited_per_visitor_with_a_clear_message(client, db, settings):
    settings.SEARCH_RATE_PER_IP = "2/m"
    make_person(name="Erzhan Elshibayev")
    assert client.get("/prisoners/", {"q": "Erzhan"}).status_code == 200
    assert client.get("/prisoners/", {"q": "Elshibayev"}).status_code == 200
    limited = client.get("/ru/prisoners/", {"q": "Baltabai"})
    assert limited.status_code == 429 and "Слишком много" in limited.content.decode()
    assert client.get("/prisoners/").status_code == 200  # browsing without a search is not counted
    assert client.get("/prisoners/", {"q": "Erzhan"}, REMOTE_ADDR="10.0.0.7").status_code == 200


def test_a_search_longer_than_100_letters_is_refused_with_a_message(client, db):
    response = client.get("/prisoners/", {"q": "a" * 101})
    assert response.status_code == 400 and "100" in response.content.decode()


def test_once_the_statistics_are_fresh_a_search_reads_only_the_people_it_found(db):
    if connection.vendor != "sqlite":
        pytest.skip("the plan read here is SQLite's; PostgreSQL's autovacuum keeps its statistics")
    call_command("make_synthetic_people", "300", stdout=io.StringIO())
    refresh_planner_statistics()
    found = Prisoner.objects.published().search(synthetic_name(7).split()[1])
    with CaptureQueriesContext(connection) as counted:
        assert found.count() == 1
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {counted.captured_queries[0]['sql']}")
        plan = " / ".join(row[-1] for row in cursor.fetchall())
    # Not "SEARCH prisoners_prisoner USING COVERING INDEX prisoner_public (visibility=?)": every person.
    assert re.search(r"SEARCH prisoners_prisoner USING .*(rowid=\?|INTEGER PRIMARY KEY)", plan), plan
