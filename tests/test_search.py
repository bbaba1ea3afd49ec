"""Search as readers type names and places: Kazakh and Russian Cyrillic, Kazakh Latin, any word order,
one wrong letter."""

import pytest

from campaigns.models import KeyDate
from core.text import search_words, within_one_edit
from demands.models import Demand
from prisoners.models import Consent, Prisoner

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
