"""The record's own text in Russian and Kazakh (django-modeltranslation): shown in the reader's
language, English where it is missing and marked as such, and never a way around anonymity."""

import pytest
from auditlog.models import LogEntry
from django.test import Client
from django.utils import translation

from accountability.models import Certainty, Role
from core.models import Organisation
from demo.loader import load_demo
from prisoners.models import Charge, Consent, Prisoner, Status, TimelineEvent

from .admin_forms import admin_form_data
from .factories import cited_source, make_campaign, make_demand, make_event, make_organisation, make_person, make_source
from .test_accountability import make_link

pytestmark = pytest.mark.django_db


def page(path):
    return Client().get(path).content.decode()


@pytest.mark.parametrize(
    ("native_name", "lang"),
    [("Ержан Елшібаев", "kk"), ("Қайрат Әлиев", "kk"), ("Наталья Соколова", "ru"), ("Erzhan Elshibayev", "")],
)
def test_a_native_spelling_is_marked_with_its_own_language(native_name, lang):
    """Kazakh when it has a letter only Kazakh Cyrillic has, else Russian if Cyrillic; on every page language."""
    person = make_person(name="Someone", slug="someone", native_name=native_name)
    assert person.native_name_language == lang
    marked = f' lang="{lang}">{native_name}<' if lang else f'">{native_name}<'
    for language in ("", "/ru", "/kk"):
        for path in (f"{language}/prisoners/someone/", f"{language}/prisoners/"):
            assert marked in page(path), path


def test_a_person_is_shown_in_the_readers_language():
    make_person(
        name="Erzhan Elshibayev",
        name_ru="Ержан Ельшибаев",
        name_kk="Ержан Елшібаев",
        slug="erzhan",
        summary="Jailed for five years.",
        summary_ru="Осуждён на пять лет.",
    )
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
        name="Roza Tuletaeva",
        name_ru="Роза Тулетаева",
        name_kk="Роза Түлетаева",
        slug="roza",
        consent=Consent.ANONYMISED,
        summary="An activist, [[sister of Marat]].",
        summary_ru="Активистка, [[сестра Марата]].",
        summary_kk="Белсенді, [[Маратның қарындасы]].",
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


def test_a_marked_passage_of_an_event_is_withheld_in_every_language(anonymised):
    make_event(
        anonymised,
        title="Arrested",
        title_ru="Арестована",
        description="With [[Marat]].",
        description_ru="Вместе с [[Маратом]].",
        description_kk="[[Маратпен]] бірге.",
    )
    event = TimelineEvent.objects.public().get()
    for column in ("description_en", "description_ru", "description_kk"):
        assert "Marat" not in getattr(event, column) and "Марат" not in getattr(event, column), column


def test_the_people_list_in_russian_sorts_an_untranslated_name_by_its_english():
    make_person(name="Bolat", name_ru="Болат")
    make_person(name="Zarina")  # no Russian name: sorted as "Zarina", after the Cyrillic names
    make_person(name="Aigerim", name_ru="Айгерим")
    with translation.override("ru"):
        assert [p.name for p in Prisoner.objects.published()] == ["Zarina", "Айгерим", "Болат"]
    with translation.override("en"):
        assert [p.name for p in Prisoner.objects.published()] == ["Aigerim", "Bolat", "Zarina"]


def test_the_region_filter_shows_the_readers_words_and_keeps_one_address():
    make_person(name="Held", slug="held", region="Mangistau", region_ru="Мангистауская область")
    make_person(name="Elsewhere", slug="elsewhere", region="Almaty")
    russian = page("/ru/prisoners/?region=Mangistau")
    assert '<option value="Mangistau" selected>Мангистауская область</option>' in russian
    assert "/ru/prisoners/held/" in russian and "/ru/prisoners/elsewhere/" not in russian


def test_a_profile_in_kazakh_shows_its_country_region_and_charges():
    person = make_person(name="Held", slug="held", region="Mangistau", region_kk="Маңғыстау облысы")
    charge = Charge.objects.create(
        prisoner=person, description="Inciting discord", description_kk="Алауыздықты қоздыру"
    )
    charge.sources.add(cited_source())
    kazakh = page("/kk/prisoners/held/")
    assert "Қазақстан, Маңғыстау облысы" in kazakh and "Алауыздықты қоздыру" in kazakh
    assert "Kazakhstan, Mangistau" in page("/prisoners/held/")


def test_sources_and_organisations_are_shown_in_the_readers_language():
    source = make_source(title="Ten years on", title_ru="Десять лет спустя")
    government = make_organisation(name="Government of Kazakhstan", name_ru="Правительство Казахстана")
    demand = make_demand(slug="inquiry", addressees=[government])
    demand.sources.add(source)
    russian = page("/ru/demands/inquiry/")
    assert "Десять лет спустя" in russian and "Правительство Казахстана" in russian
    assert "Правительство Казахстана" in page("/ru/statistics/")


def test_two_organisations_may_both_lack_a_russian_name():
    make_organisation(name="First union")
    make_organisation(name="Second union")  # two NULLs, not two "" against the unique constraint
    assert Organisation.objects.filter(name_ru=None).count() == 2


def test_a_status_note_is_written_in_each_language_through_the_admin(editor_client):
    person = make_person(slug="held", status=Status.DETAINED)
    url = f"/admin/prisoners/prisoner/{person.pk}/change/"
    data = admin_form_data(editor_client.get(url))
    data.update(
        status=Status.RELEASED,
        status_source_url="https://example.org/release",
        status_note="Freed",
        status_note_ru="Освобождён",
        status_note_kk="Босатылды",
    )
    assert editor_client.post(url, data).status_code == 302
    assert "Освобождён</p>" in page("/ru/prisoners/held/") and "Босатылды</p>" in page("/kk/prisoners/held/")
    assert "Freed</p>" in page("/prisoners/held/")


def test_in_kazakh_what_an_actor_did_comes_before_the_verb():
    link = make_link(
        role=Role.SENTENCED,
        grade=Certainty.COURT,
        what="him to five years in prison",
        what_kk="оған бес жылға бас бостандығынан айыру туралы",
        what_ru="ему: пять лет лишения свободы",
    )
    link.actor.name_kk, link.actor.name_ru = "Қазақстан соттары", "Суды Казахстана"
    link.actor.save()
    kazakh, russian = page("/kk/responsibility/"), page("/ru/responsibility/")
    assert "Қазақстан соттары" in kazakh and "оған бес жылға бас бостандығынан айыру туралы үкім шығарды" in kazakh
    assert "Суды Казахстана" in russian and "вынес приговор ему: пять лет лишения свободы" in russian
