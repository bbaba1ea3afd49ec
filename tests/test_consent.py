"""Consent and anonymity: what the public sees of a person on every surface, and of their photo."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from core.publishing import Visibility
from outreach.models import Subscriber
from outreach.reminders import run_reminders
from prisoners.models import Consent, Prisoner, PrisonerStatusChange, Status

from .admin_forms import admin_form_data
from .factories import make_campaign, make_demand, make_event, make_key_date, make_person, make_sentence, make_source
from .test_admin import change_url
from .test_reminders import at, make_subscriber

pytestmark = pytest.mark.django_db
D = datetime.date
NAME, SLUG = "Roza Tuletayeva", "roza-tuletayeva"
SECRETS = ("Roza", "Tuletayeva", "Туletaeva", "Розa", "Aktau street 5", "her brother Marat", "interview-roza")


def png():
    out = io.BytesIO()
    Image.new("RGB", (10, 10), "blue").save(out, format="PNG")
    return SimpleUploadedFile("x.png", out.getvalue(), content_type="image/png")


@pytest.fixture
def anonymised():
    campaign = make_campaign(name="Justice for Zhanaozen", slug="zhanaozen")
    person = make_person(
        name=NAME,
        slug=SLUG,
        native_name="Роза Тулетаева",
        aliases=["Rosa Tuletaeva"],
        campaign=campaign,
        consent=Consent.ANONYMISED,
        status=Status.IMPRISONED,
        arrested_on=D(2019, 12, 20),
        summary="A union activist, [[her brother Marat]] also detained.",
        biography="Lives at [[Aktau street 5]].",
        postal_address="Colony 12",
        photo=png(),
    )
    person.sources.add(make_source(title="Interview", url="https://example.org/interview-roza"))
    make_event(person, title="Moved to [[Aktau street 5]]", description="Told by [[her brother Marat]].")
    make_sentence(person, years=7)
    make_demand(campaign=campaign, people=[person], title="Free the strikers", slug="free")
    make_key_date(campaign=campaign, title="Day of memory").prisoners.add(person)
    return person


def assert_hidden(text):
    for secret in SECRETS:
        assert secret not in text, secret


def test_an_anonymised_person_is_initials_and_withheld_passages_on_every_page(anonymised):
    visitor = Client()
    profile = visitor.get(f"/prisoners/anonymous-{anonymised.pk}/")
    assert profile.status_code == 200
    page = profile.content.decode()
    assert "R. T." in page and "[…]" in page and "A union activist" in page
    assert_hidden(page)
    assert "<img" not in page.split("<main", 1)[1].split("</main>", 1)[0]
    for address in (
        "/prisoners/",
        "/demands/free/",
        "/campaigns/zhanaozen/",
        "/",
        "/sitemap-people-1.xml",
        "/sitemap-demands-1.xml",
        f"/prisoners/anonymous-{anonymised.pk}/calendar.ics",
        "/campaigns/zhanaozen/calendar.ics",
    ):
        response = visitor.get(address)
        assert response.status_code == 200, address
        assert_hidden(response.content.decode())


@pytest.mark.parametrize(
    ("language", "initials"), [("", "U. S."), ("/ru", "У. С."), ("/kk", "Ұ. С."), ("/kk", "R. T.")]
)
def test_an_anonymised_persons_initials_are_in_the_readers_script(language, initials):
    """Each language's initials from the name in that language (Cyrillic on /ru/ and /kk/), else from the
    English name it falls back to, as the record's text does."""
    names = {"name": "Ulan Sarsenov", "name_ru": "Улан Сарсенов", "name_kk": "Ұлан Сәрсенов"}
    if initials == "R. T.":
        names = {"name": NAME, "name_ru": "Роза Тулетаева"}  # no Kazakh spelling: English's initials
    person = make_person(consent=Consent.ANONYMISED, **names)
    profile = Client().get(f"{language}/prisoners/anonymous-{person.pk}/").content.decode()
    listed = Client().get(f"{language}/prisoners/").content.decode()
    for page in (profile, listed):
        assert initials in page
        assert not any(name in page for name in ("Ulan", "Улан", "Ұлан", "Sarsenov", "Roza", "Роза"))
    assert f"<h1>{initials}</h1>" in profile
    others = {"U. S.", "У. С.", "Ұ. С.", "R. T."} - {initials}
    assert not any(other in profile for other in others)


def test_an_anonymised_persons_reminder_is_in_the_readers_script(anonymised, smtp_server):
    Prisoner.objects.filter(pk=anonymised.pk).update(name_ru="Роза Тулетаева", name_kk="Роза Төлетаева")
    for language in ("en", "ru", "kk"):
        make_subscriber(email=f"{language}@example.org", people=[anonymised], lead_days=[7], language=language)
    run_reminders(at("2026-12-13T04:00:00"))
    texts = {
        message["To"]: message.get_body(("plain",)).get_content() + message.get_body(("html",)).get_content()
        for _to, message in smtp_server.messages
    }
    assert "R. T." in texts["en@example.org"]
    for language in ("ru", "kk"):
        text = texts[f"{language}@example.org"]
        assert "Р. Т." in text and "R. T." not in text and "Роза" not in text, language
        assert_hidden(text)


def test_an_anonymised_persons_named_address_and_name_search_lead_nowhere(anonymised):
    visitor = Client()
    assert visitor.get(f"/prisoners/{SLUG}/").status_code == 404
    assert visitor.get(f"/prisoners/{SLUG}/calendar.ics").status_code == 404
    assert "R. T." not in visitor.get("/prisoners/?q=Tuletayeva").content.decode()
    assert not Prisoner.objects.published().search("Rosa Tuletaeva").exists()


def test_an_anonymised_persons_photo_is_not_served_to_the_public(anonymised, editor_client):
    address = f"/media/{anonymised.photo.name}"
    assert Client().get(address).status_code == 404
    assert editor_client.get(address).status_code == 200  # staff still see it in the admin


def test_reminders_about_an_anonymised_person_use_their_initials(anonymised, smtp_server):
    make_subscriber(people=[anonymised], lead_days=[7])
    run_reminders(at("2026-12-13T04:00:00"))
    messages = [message.as_string() for _to, message in smtp_server.messages]
    assert messages and all("R. T." in message for message in messages)
    for message in messages:
        assert_hidden(message)


def test_the_admin_keeps_the_real_record(anonymised, editor_client):
    page = editor_client.get(change_url(anonymised)).content.decode()
    assert NAME in page and "[[her brother Marat]]" in page


def test_a_person_read_for_the_public_is_never_saved_back(anonymised):
    public = Prisoner.objects.published().get(pk=anonymised.pk)
    with pytest.raises(ValueError):
        public.save()
    assert Prisoner.objects.get(pk=anonymised.pk).name == NAME


def test_a_named_persons_marks_are_removed_not_shown(client):
    make_person(name="Erzhan Elshibayev", slug="erzhan", biography="Born in [[Zhanaozen]].")
    page = client.get("/prisoners/erzhan/").content.decode()
    assert "Born in Zhanaozen." in page and "[[" not in page


def test_a_withdrawn_person_is_not_public_anywhere(client):
    campaign = make_campaign(slug="zh")
    person = make_person(name="Withdrawn Person", slug="withdrawn", consent=Consent.WITHDRAWN, campaign=campaign)
    make_demand(campaign=campaign, people=[person], slug="d")
    assert client.get("/prisoners/withdrawn/").status_code == 404
    for address in ("/prisoners/", "/demands/d/", "/campaigns/zh/", "/sitemap-people-1.xml"):
        assert "Withdrawn Person" not in client.get(address).content.decode(), address


def test_private_status_notes_stay_in_the_admin(editor_client):
    person = make_person(slug="p", status=Status.DETAINED)
    data = admin_form_data(editor_client.get(change_url(person)))
    data.update(
        status=Status.IMPRISONED,
        status_note="Sentenced on appeal",
        status_staff_note="Lawyer says: call Marat",
        status_source_url="https://example.org/verdict",
    )
    assert editor_client.post(change_url(person), data).status_code == 302
    change = PrisonerStatusChange.objects.filter(prisoner=person).first()
    assert change.staff_note == "Lawyer says: call Marat"
    page = Client().get("/prisoners/p/").content.decode()
    assert "Sentenced on appeal" in page and "call Marat" not in page


def test_public_pages_say_how_to_ask_for_a_correction_or_removal(client, settings):
    settings.CORRECTIONS_EMAIL = "fix@example.org"
    make_person(slug="p")
    make_demand(slug="d")
    for address in ("/prisoners/p/", "/demands/d/"):
        assert "mailto:fix@example.org" in client.get(address).content.decode()


# Photo files ----------------------------------------------------------------------------------------


def upload_photo(editor_client, person):
    data = admin_form_data(editor_client.get(change_url(person)))
    data["photo"] = png()
    assert editor_client.post(change_url(person), data).status_code == 302
    person.refresh_from_db()
    return person.photo.name, person.photo.path


def test_a_cleared_photo_is_deleted_and_its_address_answers_404(editor_client, django_capture_on_commit_callbacks):
    person = make_person(name="Photo Person", slug="photo")
    name, path = upload_photo(editor_client, person)
    assert Client().get(f"/media/{name}").status_code == 200
    data = admin_form_data(editor_client.get(change_url(person)))
    data["photo-clear"] = "on"
    with django_capture_on_commit_callbacks(execute=True):
        assert editor_client.post(change_url(person), data).status_code == 302
    assert Client().get(f"/media/{name}").status_code == 404
    assert not person.photo.storage.exists(name)


def test_a_replaced_photo_is_deleted(editor_client, django_capture_on_commit_callbacks):
    person = make_person(slug="photo")
    old, _path = upload_photo(editor_client, person)
    with django_capture_on_commit_callbacks(execute=True):
        new, _path = upload_photo(editor_client, person)
    assert new != old and not person.photo.storage.exists(old)
    assert Client().get(f"/media/{old}").status_code == 404


@pytest.mark.parametrize(
    "change",
    [
        {"visibility": Visibility.DRAFT},
        {"consent": Consent.ANONYMISED},
        {"consent": Consent.WITHDRAWN},
        {"visibility": Visibility.ARCHIVED, "archive_reason": "Safety"},
    ],
)
def test_a_photo_is_unreachable_once_its_person_is_not_shown(editor_client, change):
    person = make_person(slug="photo")
    name, _path = upload_photo(editor_client, person)
    Prisoner.objects.filter(pk=person.pk).update(**change)
    assert Client().get(f"/media/{name}").status_code == 404


def test_nothing_else_under_media_is_served(client):
    assert client.get("/media/../config/settings.py").status_code == 404
    assert client.get("/media/other/file.txt").status_code == 404


def test_a_reader_follows_an_anonymised_person_by_their_public_address(anonymised, subscribe, client):
    form = client.get("/subscribe/").content.decode()
    assert f'value="anonymous-{anonymised.pk}"' in form
    assert_hidden(form)
    response = subscribe(campaigns=[], prisoners=[f"anonymous-{anonymised.pk}"])
    assert response.status_code == 302
    assert list(Subscriber.objects.get().prisoners.all()) == [anonymised]
    assert subscribe(email="b@example.org", campaigns=[], prisoners=[SLUG]).status_code == 400


def test_an_anonymised_persons_place_in_lists_says_nothing_of_their_name(client):
    for name in ("Marat Abilov", "Maxim Zhunusov"):
        make_person(name=name)
    make_person(name="Masha Murat", consent=Consent.ANONYMISED)
    assert [p.name for p in Prisoner.objects.published()] == ["Marat Abilov", "Maxim Zhunusov", "M. M."]
    page = client.get("/prisoners/").content.decode()
    assert page.index("Maxim Zhunusov") < page.index("M. M.")


def test_an_unclosed_mark_withholds_the_rest_and_the_admin_refuses_it(editor_client):
    person = make_person(slug="p", consent=Consent.ANONYMISED, biography="Worker. Her brother [[Marat is also held.")
    page = Client().get(f"/prisoners/anonymous-{person.pk}/").content.decode()
    assert "Worker. Her brother […]" in page and "Marat" not in page
    data = admin_form_data(editor_client.get(change_url(person)))
    response = editor_client.post(change_url(person), data)
    assert response.status_code == 200 and "Check the [[ ]] marks" in response.content.decode()
