"""The record tells its staff where it contradicts itself, and offers what to update when a status changes."""

import datetime

import pytest
import time_machine

from core.dates import local_today
from demands.models import Demand
from prisoners.models import Prisoner, Status
from reports.models import Report

from .admin_forms import admin_form_data
from .factories import cited_source, make_demand, make_event, make_person

pytestmark = pytest.mark.django_db


def _panel(client):
    page = client.get("/admin/").content.decode()
    start = page.index('id="needs-attention"')
    return page[start : page.index("</div>", start)]


def test_releasing_a_person_offers_their_open_demands_at_once_and_the_index_keeps_asking(editor_client):
    person = make_person(name="Yerlan Baltabai", slug="yerlan", status=Status.IMPRISONED)
    release = make_demand(title="Release Yerlan Baltabai", kind=Demand.Kind.RELEASE, people=[person])
    make_demand(title="Won already", kind=Demand.Kind.RELEASE, status="met", people=[person])
    Prisoner.objects.filter(pk=person.pk).mark_verified(local_today())
    assert "Nothing: the record agrees with itself." in _panel(editor_client)

    data = admin_form_data(editor_client.get(f"/admin/prisoners/prisoner/{person.pk}/change/"))
    data |= {"status": Status.RELEASED, "status_source": cited_source().pk}
    page = editor_client.post(f"/admin/prisoners/prisoner/{person.pk}/change/", data, follow=True).content.decode()
    assert "Yerlan Baltabai is now Released. Check whether these need updating too:" in page
    assert f'<a href="/admin/demands/demand/{release.pk}/change/">Release Yerlan Baltabai</a>' in page
    assert "Won already" not in page  # only what is still open

    panel = _panel(editor_client)
    assert "1 release demand still open though the person is free or dead" in panel
    listed = editor_client.get("/admin/demands/demand/?attention=overtaken").content.decode()
    assert "Release Yerlan Baltabai" in listed and "Won already" not in listed


def test_the_index_counts_stale_profiles_waiting_reports_and_unsourced_facts(editor_client, settings):
    settings.RECORD_STALE_DAYS = 30
    with time_machine.travel(datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)):
        Prisoner.objects.filter(pk=make_person().pk).mark_verified(datetime.date(2026, 1, 1))
    make_person(last_verified_on=None)
    make_event(make_person(), title="Unsourced", sources=[])
    Report.objects.create(kind=Report.Kind.CASE, text="Arrested yesterday")
    panel = _panel(editor_client)
    assert "3 published profiles not checked against their sources for the last 30 days" in panel
    assert "1 report or correction waiting" in panel
    assert "1 person with a fact that cites no source" in panel
    assert "/admin/prisoners/prisoner/?sourcing=missing" in panel


def test_a_dead_persons_page_invites_relatives_not_the_person(client):
    make_person(slug="killed", status=Status.KILLED)
    make_person(slug="held", status=Status.IMPRISONED)
    killed, held = (client.get(f"/prisoners/{slug}/").content.decode() for slug in ("killed", "held"))
    assert "Are you a relative or friend of the person who died" in killed and "Are you this person" not in killed
    assert "Are you this person" in held


def test_a_grade_reads_the_same_on_the_profile_the_home_page_and_the_feed(client):
    person = make_person(slug="p")
    make_event(person, title="Beaten in custody", grade="alleged")
    profile, home = client.get("/prisoners/p/").content.decode(), client.get("/").content.decode()
    feed = client.get("/prisoners/p/feed/").content.decode()
    assert '<span class="grade grade-alleged">Alleged</span>' in profile
    assert '<span class="grade grade-alleged">Alleged</span>' in home
    assert "Beaten in custody (Alleged)</summary>" in feed


def test_a_release_demand_for_several_is_flagged_until_its_status_follows_the_people():
    held, freed = make_person(status=Status.IMPRISONED), make_person(status=Status.RELEASED)
    for_all = make_demand(kind=Demand.Kind.RELEASE, people=[held, freed])
    assert list(Demand.objects.overtaken()) == [for_all]  # outstanding, though one is free: met in part
    Demand.objects.filter(pk=for_all.pk).update(status="partial")
    assert not Demand.objects.overtaken().exists()  # right while one is still held
    Prisoner.objects.filter(pk=held.pk).update(status=Status.DECEASED)
    assert list(Demand.objects.overtaken()) == [for_all]  # nobody left to free
