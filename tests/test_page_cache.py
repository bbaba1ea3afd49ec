"""The public page cache: shared pages right for every visitor, fresh after every public change."""

import gzip

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from core import public_cache
from core.public_cache import PublicPageCacheMiddleware
from core.publishing import Visibility
from core.status import record_status_change
from prisoners.models import Prisoner, Status

from .factories import make_person

pytestmark = pytest.mark.django_db(transaction=True)  # the version is bumped on commit: commit for real


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 600


def queries_for(address, client=None):
    with CaptureQueriesContext(connection) as queries:
        response = (client or Client()).get(address)
    assert response.status_code == 200
    return len(queries), response


def test_a_second_visitor_gets_the_page_without_a_query_and_the_same_etag():
    make_person(name="Erzhan Elshibayev", slug="erzhan")
    first_count, first = queries_for("/prisoners/erzhan/")
    again_count, again = queries_for("/prisoners/erzhan/")
    assert first_count > 0 and again_count == 0
    assert again.content == first.content and again["ETag"] == first["ETag"]
    assert "public" in again["Cache-Control"] and again["Content-Security-Policy"]


def test_an_unchanged_page_answers_304():
    make_person(slug="p")
    etag = Client().get("/prisoners/p/")["ETag"]
    assert Client().get("/prisoners/p/", HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_any_public_change_is_seen_at_once():
    person = make_person(name="Natalia Sokolova", slug="natalia", occupation="Lawyer")
    assert "Lawyer" in Client().get("/prisoners/natalia/").content.decode()
    assert "Natalia Sokolova" in Client().get("/prisoners/").content.decode()
    person.occupation = "Union lawyer"
    person.save()
    assert "Union lawyer" in Client().get("/prisoners/natalia/").content.decode()
    Prisoner.objects.filter(pk=person.pk).unpublish("A fact in doubt")
    gone = Client().get("/prisoners/natalia/")
    assert gone.status_code == 410 and "Natalia" not in gone.content.decode()
    assert "Natalia Sokolova" not in Client().get("/prisoners/").content.decode()


def test_languages_are_cached_apart():
    make_person(slug="p")
    english = Client().get("/prisoners/p/").content.decode()
    russian = Client().get("/ru/prisoners/p/").content.decode()
    assert '<html lang="en">' in english and '<html lang="ru">' in russian
    # The cached English page is never what a reader whose browser asks for Russian gets.
    assert (
        Client(HTTP_ACCEPT_LANGUAGE="ru", HTTP_ACCEPT="text/html").get("/prisoners/p/")["Location"]
        == "/ru/prisoners/p/"
    )


def test_someone_signed_in_is_never_served_or_stored_a_shared_page(campaigner):
    make_person(slug="p", visibility=Visibility.DRAFT)
    signed_in = Client()
    signed_in.force_login(campaigner)
    queries_for("/", signed_in)
    assert queries_for("/", signed_in)[0] > 3  # rendered again for a session, not read from the cache
    assert queries_for("/")[0] > 0  # and nothing of it was stored for visitors


def test_pages_with_a_form_token_are_never_shared():
    make_person(slug="p")
    Client().get("/report/")
    page = Client().get("/report/")
    assert "csrfmiddlewaretoken" in page.content.decode() and "csrftoken" in page.cookies
    assert "csrfmiddlewaretoken" not in Client().get("/prisoners/p/").content.decode()
    for address in ("/", "/prisoners/", "/prisoners/p/", "/calendar/", "/feed/"):
        response = Client().get(address)
        assert not response.cookies, address


def test_synthetic_people_are_marked_and_refuse_a_real_database(capsys):
    call_command("make_synthetic_people", "3")
    names = list(Prisoner.objects.order_by("pk").values_list("name", flat=True))
    assert names == ["Aigerim Daov (synthetic)", "Aizhan Kaova (synthetic)", "Akzhol Laov (synthetic)"]
    assert [p.name for p in Prisoner.objects.published().search("Kaova")] == ["Aizhan Kaova (synthetic)"]
    assert Prisoner.objects.published().filter(campaigns__slug="synthetic-campaign").count() == 3
    make_person(name="Erzhan Elshibayev")
    with pytest.raises(CommandError, match="real people"):
        call_command("make_synthetic_people", "3")


def test_a_publish_and_a_status_change_are_seen_at_once():
    draft = make_person(name="Yerlan Baltabai", slug="yerlan", visibility=Visibility.DRAFT, status=Status.DETAINED)
    assert "Yerlan Baltabai" not in Client().get("/prisoners/").content.decode()
    Prisoner.objects.filter(pk=draft.pk).publish()
    assert "Yerlan Baltabai" in Client().get("/prisoners/").content.decode()
    assert "Detained awaiting trial" in Client().get("/prisoners/yerlan/").content.decode()
    record_status_change(draft, Status.RELEASED, source_url="https://example.org/release")
    page = Client().get("/prisoners/yerlan/").content.decode()
    assert "Released" in page and "Detained awaiting trial</span>" not in page.split("status-line", 1)[1][:200]


def _page_key(address):
    request = RequestFactory().get(address)
    request.LANGUAGE_CODE = "en"
    return PublicPageCacheMiddleware._key(request)


def test_while_one_request_renders_a_changed_page_the_others_get_the_previous_version():
    person = make_person(slug="p", occupation="Lawyer")
    Client().get("/prisoners/p/")
    person.occupation = "Union lawyer"
    person.save()
    cache.add(f"{_page_key('/prisoners/p/')}:rendering", 1, 10)  # another worker is rendering it
    assert "Lawyer" in Client().get("/prisoners/p/").content.decode()
    cache.delete(f"{_page_key('/prisoners/p/')}:rendering")  # it has finished, or died
    assert "Union lawyer" in Client().get("/prisoners/p/").content.decode()
    assert "Union lawyer" in Client().get("/prisoners/p/").content.decode()


def test_a_page_taken_down_is_never_served_from_its_old_copy():
    make_person(slug="p")
    Client().get("/prisoners/p/")
    Prisoner.objects.filter(slug="p").unpublish("A fact in doubt")
    assert Client().get("/prisoners/p/").status_code == 410
    cache.add(f"{_page_key('/prisoners/p/')}:rendering", 1, 10)
    assert Client().get("/prisoners/p/").status_code == 410


def test_a_cache_hit_is_one_round_trip_to_the_cache_and_none_where_it_was_served_last(monkeypatch):
    make_person(slug="p")
    Client().get("/prisoners/p/")
    public_cache._local.clear()  # another process: the page is in the shared cache only
    calls = []
    real = public_cache.cache

    class Counting:
        def __getattr__(self, name):
            calls.append(name)
            return getattr(real, name)

    monkeypatch.setattr(public_cache, "cache", Counting())
    assert Client().get("/prisoners/p/").status_code == 200
    assert calls == ["get"]
    assert Client().get("/prisoners/p/").status_code == 200
    assert calls == ["get"]  # this process kept it, as of the version it reads


@pytest.mark.parametrize("cache_seconds", [600, 0])
def test_public_pages_are_gzipped_for_clients_that_ask(settings, cache_seconds):
    settings.PUBLIC_PAGE_CACHE_SECONDS = cache_seconds
    make_person(name="Erzhan Elshibayev", slug="p")
    for _visit in range(2):
        plain = Client().get("/prisoners/p/")
        packed = Client().get("/prisoners/p/", HTTP_ACCEPT_ENCODING="br, gzip;q=0.9")
        assert packed["Content-Encoding"] == "gzip" and "Accept-Encoding" in packed["Vary"]
        assert gzip.decompress(packed.content) == plain.content and len(packed.content) < len(plain.content) / 2
        assert "Content-Encoding" not in plain and "Accept-Encoding" in plain["Vary"]
        assert packed["ETag"] == f"W/{plain['ETag']}"


def test_pages_with_a_form_token_are_never_compressed():
    page = Client().get("/report/", HTTP_ACCEPT_ENCODING="gzip")
    assert "csrfmiddlewaretoken" in page.content.decode() and "Content-Encoding" not in page
