"""No address or form on this site sends a reader to another site."""

import pytest
from django.test import Client

from .factories import make_person

pytestmark = pytest.mark.django_db

CRAFTED = [
    "//evil.example/prisoners/",
    "//evil.example/",
    "/\\evil.example/prisoners/",
    "/\\/evil.example/prisoners/",
    "///evil.example/prisoners/",
    "//evil.example/prisoners/?q=x",
    "/%2F%2Fevil.example/prisoners/",
]


def _stays_here(response):
    location = response.get("Location", "")
    return response.status_code not in (301, 302, 303, 307, 308) or (
        location.startswith("/") and not location.startswith(("//", "/\\"))
    )


@pytest.mark.parametrize("address", CRAFTED)
@pytest.mark.parametrize(
    "reader",
    [{"HTTP_ACCEPT_LANGUAGE": "ru"}, {"HTTP_ACCEPT_LANGUAGE": "kk,ru;q=0.5"}, {"HTTP_COOKIE": "django_language=kk"}],
)
def test_a_crafted_address_never_redirects_off_the_site(address, reader):
    make_person(slug="p")
    path, _question, query = address.partition("?")
    # As a server passes it on: the test client would read "//evil.example" as a host, not a path.
    response = Client().get("/", PATH_INFO=path, QUERY_STRING=query, HTTP_ACCEPT="text/html", **reader)
    assert _stays_here(response), (address, response.status_code, response.get("Location"))


def test_a_reader_of_russian_is_still_taken_to_the_russian_page():
    response = Client().get("/prisoners/?status=imprisoned", HTTP_ACCEPT="text/html", HTTP_ACCEPT_LANGUAGE="ru")
    assert (response.status_code, response["Location"]) == (302, "/ru/prisoners/?status=imprisoned")


@pytest.mark.parametrize(
    "target", ["//evil.example/", "https://evil.example/", "/\\evil.example/", "javascript:alert(1)"]
)
def test_the_language_switcher_never_leaves_the_site(target):
    response = Client().post("/i18n/setlang/", {"language": "ru", "next": target})
    assert _stays_here(response) and "evil" not in response.get("Location", "")
