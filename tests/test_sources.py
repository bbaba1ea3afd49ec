"""Every public fact cites a source, whatever path wrote it; a record is published only when all its facts do."""

import pytest
from django.core.exceptions import ValidationError

from accountability.models import Responsibility
from core.models import Source
from core.publishing import Visibility
from core.status import record_status_change
from demands.models import Demand, DemandStatusChange
from demo.loader import load_demo
from prisoners.models import Charge, Consent, Prisoner, PrisonerStatusChange, Sentence, Status, TimelineEvent

from .admin_forms import admin_form_data
from .factories import cited_source, make_demand, make_event, make_person, make_sentence

pytestmark = pytest.mark.django_db


def test_every_public_fact_of_the_demo_cites_its_source(client):
    load_demo()
    walked = 0
    for address in Prisoner.objects.published().values_list("slug", flat=True):
        person = client.get(f"/api/people/{address}/").json()
        for change in person["status_history"]:
            assert change["source"] or change["source_url"], (address, change)
        for fact in (*person["events"], *person["charges"], *person["sentences"]):
            assert fact["sources"], (address, fact)
        walked += len(person["status_history"]) + len(person["events"]) + len(person["charges"])
    for address in Demand.objects.published().values_list("slug", flat=True):
        for change in client.get(f"/api/demands/{address}/").json()["status_history"]:
            assert change["source"] or change["source_url"], (address, change)
            walked += 1
    for link in Responsibility.objects.published().prefetch_related("sources"):
        assert link.sources.exists()
        walked += 1
    assert walked > 40
    # And through the database itself: nothing public lacks a source.
    assert not PrisonerStatusChange.objects.filter(prisoner__in=Prisoner.objects.published()).unsourced().exists()
    assert not DemandStatusChange.objects.filter(demand__in=Demand.objects.published()).unsourced().exists()
    people = Prisoner.objects.published()
    assert not TimelineEvent.objects.filter(prisoner__in=people, is_public=True).unsourced().exists()
    assert not Charge.objects.filter(prisoner__in=people).unsourced().exists()
    assert not Sentence.objects.filter(prisoner__in=people).unsourced().exists()


def test_a_fact_written_without_a_source_is_never_shown(client):
    person = make_person(slug="p", status=Status.IMPRISONED)
    make_event(person, title="Moved to a punishment cell", sources=[])
    Charge.objects.create(prisoner=person, description="Hooliganism")
    make_sentence(person, years=3, sources=[])
    for address in ("/prisoners/p/", "/prisoners/p/feed/", "/api/people/p/", "/feed/"):
        answer = client.get(address).content.decode()
        assert "punishment cell" not in answer and "Hooliganism" not in answer and "3 years" not in answer
    assert client.get("/api/people/p/").json()["sentences"] == []

    for fact in (person.events.get(), person.charges.get(), person.sentences.get()):
        fact.sources.add(cited_source())
    profile = client.get("/prisoners/p/").content.decode()
    assert "punishment cell" in profile and "Hooliganism" in profile and "3 years" in profile


def test_a_published_records_status_cannot_change_without_a_source():
    person = make_person(status=Status.DETAINED)
    with pytest.raises(ValidationError):
        record_status_change(person, Status.RELEASED, note="Freed, we hear")
    person.refresh_from_db()
    assert person.status == Status.DETAINED and person.status_changes.count() == 1
    draft = make_person(status=Status.DETAINED, visibility=Visibility.DRAFT)
    record_status_change(draft, Status.RELEASED)  # a draft may be worked on before its sources are found
    assert Prisoner.objects.filter(pk=draft.pk).publish() == 0  # but it is not published so


def test_publishing_waits_for_every_fact_to_cite_a_source(editor_client):
    person = make_person(name="Aigul Test", status=Status.DETAINED, visibility=Visibility.DRAFT)
    event = make_event(person, title="Transferred", sources=[])
    response = editor_client.post(
        "/admin/prisoners/prisoner/", {"action": "publish", "_selected_action": [person.pk]}, follow=True
    )
    assert (
        "Not published, because a fact on it cites no source: Aigul Test (timeline event" in response.content.decode()
    )
    assert Prisoner.objects.get(pk=person.pk).visibility == Visibility.DRAFT
    event.is_public = False  # kept in the admin only: no longer a public fact
    event.save()
    assert Prisoner.objects.filter(pk=person.pk).publish() == 1


def test_the_admin_refuses_a_public_event_without_a_source_on_a_published_person(editor_client):
    person = make_person(slug="p", status=Status.DETAINED)
    data = admin_form_data(editor_client.get(f"/admin/prisoners/prisoner/{person.pk}/change/"))
    data |= {
        "events-TOTAL_FORMS": "1",
        "events-0-date": "2020-02-02",
        "events-0-date_precision": "day",
        "events-0-kind": "transfer",
        "events-0-grade": "reported",
        "events-0-is_public": "on",
        "events-0-title_en": "Transferred to Astana",
    }
    response = editor_client.post(f"/admin/prisoners/prisoner/{person.pk}/change/", data)
    assert response.status_code == 200
    assert "Cite a source: this record is public" in response.content.decode()
    assert not person.events.exists()
    data["events-0-sources"] = [str(cited_source().pk)]
    assert editor_client.post(f"/admin/prisoners/prisoner/{person.pk}/change/", data).status_code == 302
    assert person.events.get().title == "Transferred to Astana"


def test_a_new_record_published_at_once_cites_the_source_of_its_status(editor_client):
    data = {
        "title_en": "Free them all",
        "slug": "free-them",
        "kind": "release",
        "summary_en": "Everyone.",
        "campaign": make_demand().campaign.pk,
        "status": "outstanding",
        "visibility": "published",
        "status_happened_on_precision": "day",
        "status_changes-TOTAL_FORMS": "0",
        "status_changes-INITIAL_FORMS": "0",
    }
    response = editor_client.post("/admin/demands/demand/add/", data)
    assert response.status_code == 200 and not Demand.objects.filter(slug="free-them").exists()
    assert "Say where the change of status is documented" in response.content.decode()
    data["status_source"] = cited_source().pk
    assert editor_client.post("/admin/demands/demand/add/", data).status_code == 302
    assert Demand.objects.get(slug="free-them").status_changes.get().source == cited_source()


def test_first_hand_documentation_is_a_source_and_says_so(client):
    ours = Source.objects.create(title="Our monitor at the trial", kind=Source.Kind.FIRST_HAND)
    make_demand(slug="d").sources.add(ours)
    assert "Our own documentation (first-hand)" in client.get("/demands/d/").content.decode()
    assert client.get("/api/demands/d/").json()["sources"][0]["kind"] == "first_hand"


def test_the_api_gives_a_demands_status_history_with_its_dates_and_sources(client):
    demand = make_demand(slug="d", status="outstanding")
    source = cited_source()
    record_status_change(demand, "met", happened_on=demand.created_at.date(), source=source, note="Won")
    answer = client.get("/api/demands/d/").json()
    newest = answer["status_history"][0]
    assert (newest["new_status"], newest["happened_on_precision"], newest["source"]["title"]) == (
        "met",
        "day",
        source.title,
    )
    assert client.get("/api/demands/nope/").status_code == 404


def test_a_demand_concerning_someone_anonymised_shows_no_source_and_withholds_marked_passages(client):
    hidden = make_person(name="Hidden Person", consent=Consent.ANONYMISED)
    demand = make_demand(slug="d", status="outstanding", people=[hidden])
    demand.sources.add(Source.objects.create(title="Hidden Person detained in Aktau"))
    record_status_change(
        demand, "partial", note="[[Hidden Person]] moved to a colony", source_url="https://example.org/hidden-person"
    )
    page, answer = client.get("/demands/d/").content.decode(), client.get("/api/demands/d/").content.decode()
    for shown in (page, answer):
        assert "Hidden Person" not in shown and "hidden-person" not in shown
    assert "[…] moved to a colony" in page
    named = make_demand(slug="n", status="outstanding")
    record_status_change(named, "partial", note="[[Aigul]] moved", source_url="https://example.org/a")
    assert "Aigul moved" in client.get("/demands/n/").content.decode()  # the marks dropped, nothing withheld
