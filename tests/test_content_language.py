"""The record's own text in Russian and Kazakh (django-modeltranslation): shown in the reader's
language, English where it is missing and marked as such, and never a way around anonymity."""

import pytest
from auditlog.models import LogEntry
from django.test import Client

from campaigns.demo import load_demo
from prisoners.models import Consent, Prisoner

from .admin_forms import admin_form_data
from .factories import make_campaign, make_demand, make_person

pytestmark = pytest.mark.django_db


def page(path):
    return Client().get(path).content.decode()


def test_a_person_is_shown_in_the_readers_language():
    make_person(name="Erzhan Elshibayev", name_ru="Ержан Ельшибаев", name_kk="Ержан Елшібаев", slug="erzhan",
                summary="Jailed for five years.", summary_ru="Осуждён на пять лет.")
    assert "<h1>Ержан Ельшибаев</h1>" in page("/ru/prisoners/erzhan/")
    assert "Осуждён на пять лет." in page("/ru/prisoners/erzhan/")
    assert "<h1>Ержан Елшібаев</h1>" in page("/kk/prisoners/erzhan/")
    assert "<h1>Erzhan Elshibayev</h1>" in page("/prisoners/erzhan/")


def test_english_shown_for_a_missing_translation_says_so():
    make_person(slug="p", summary="Jailed for five years.")
    kazakh = page("/kk/prisoners/p/")
    assert '<span lang="en">Jailed for five years.</span> <small class="untranslated">(ағылшынша)</small>' in kazakh
    assert "untranslated" not in page("/prisoners/p/")


def test_a_demand_and_its_campaign_in_russian():
    campaign = make_campaign(name="Justice for Zhanaozen", name_ru="Справедливость для Жанаозена", slug="justice")
    make_demand(campaign=campaign, title="Exhumations", title_ru="Эксгумации", slug="exhumations")
    assert "<h1>Эксгумации</h1>" in page("/ru/demands/exhumations/")
    assert "Справедливость для Жанаозена" in page("/ru/campaigns/justice/")


@pytest.fixture
def anonymised():
    return make_person(
        name="Roza Tuletaeva", name_ru="Роза Тулетаева", name_kk="Роза Түлетаева", slug="roza",
        consent=Consent.ANONYMISED, summary="An activist, [[sister of Marat]].",
        summary_ru="Активистка, [[сестра Марата]].", summary_kk="Белсенді, [[Маратның қарындасы]].",
    )


@pytest.mark.parametrize("language", ["", "/ru", "/kk"])
def test_an_anonymised_person_has_no_name_and_no_marked_passage_in_any_language(anonymised, language):
    shown = page(f"{language}/prisoners/anonymous-{anonymised.pk}/") + page(f"{language}/prisoners/")
    shown += page(f"{language}/feed/") + page("/api/people/")
    for secret in ("Roza", "Tuletaeva", "Роза", "Тулетаева", "Түлетаева", "Marat", "Марат"):
        assert secret not in shown, secret
    assert "R. T." in shown


def test_every_language_of_a_public_face_is_withheld(anonymised):
    face = Prisoner.objects.published().get(pk=anonymised.pk)
    for column in ("name_en", "name_ru", "name_kk", "summary_en", "summary_ru", "summary_kk"):
        assert "Roza" not in getattr(face, column) and "Марат" not in getattr(face, column), column


def test_a_name_in_russian_is_searchable():
    person = make_person(name="Rayisa Kh.", name_ru="Раиса Хамитова")
    assert list(Prisoner.objects.search("Хамитова")) == [person]


def test_an_editor_writes_the_russian_name_and_the_change_is_recorded(editor_client):
    person = make_person(name="Erzhan Elshibayev", slug="erzhan")
    url = f"/admin/prisoners/prisoner/{person.pk}/change/"
    data = admin_form_data(editor_client.get(url))
    data["name_ru"] = "Ержан Ельшибаев"
    assert editor_client.post(url, data).status_code == 302
    assert "<h1>Ержан Ельшибаев</h1>" in page("/ru/prisoners/erzhan/")
    entry = LogEntry.objects.get_for_object(person).latest("timestamp")
    assert entry.changes_dict["name_ru"] == ["None", "Ержан Ельшибаев"]


def test_the_demo_speaks_russian_and_kazakh():
    load_demo()
    person = Prisoner.objects.get(slug="erzhan-elshibayev")
    assert (person.name_ru, person.name_kk) == ("Ержан Ельшибаев", "Ержан Елшібаев")
    assert "Ержан Ельшибаев" in page("/ru/prisoners/")
    assert "Жаңаөзенге әділдік" in page("/kk/")
    assert not any(load_demo().values())
