"""Rules that live in the domain: public relations, the status workflow, addresses, deleting."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string

from campaigns.models import KeyDate
from core.models import Campaign
from core.publishing import Visibility, public_relation_names
from core.status import save_with_history
from demands.models import Demand
from prisoners.models import Prisoner, Status

from .factories import make_campaign, make_demand, make_event, make_key_date, make_person, make_source

pytestmark = pytest.mark.django_db
D = datetime.date


def test_with_public_attaches_only_what_the_public_may_see():
    person = make_person()
    make_demand(people=[person], title="Public demand")
    make_demand(people=[person], title="Draft demand", visibility=Visibility.DRAFT)
    make_demand(
        people=[person], title="Demand of a draft campaign", campaign=make_campaign(visibility=Visibility.DRAFT)
    )
    make_event(person, title="Public event")
    make_event(person, title="Hidden event", is_public=False)

    attached = Prisoner.objects.with_public("demands", "events").get(pk=person.pk)

    assert [demand.title for demand in attached.public_demands] == ["Public demand"]
    assert [event.title for event in attached.public_events] == ["Public event"]


def test_a_page_that_forgot_a_relation_shows_nothing_rather_than_a_draft():
    person = make_person()
    make_demand(people=[person], title="Draft demand", visibility=Visibility.DRAFT)
    make_event(person, title="Hidden event", is_public=False)

    html = render_to_string("prisoners/detail.html", {"person": Prisoner.objects.get(pk=person.pk)})

    assert "Draft demand" not in html and "Hidden event" not in html


def test_each_app_registers_the_relations_it_can_see():
    # A person's demands and key dates come from the apps above prisoners, which registered them.
    assert {"campaigns", "demands", "key_dates", "events", "sources"} <= set(public_relation_names(Prisoner))
    assert {"people", "demands", "key_dates", "organisations"} <= set(public_relation_names(Campaign))
    assert {"people", "key_dates"} <= set(public_relation_names(Demand))
    assert {"people", "demands"} <= set(public_relation_names(KeyDate))


def test_having_public_counts_only_public_related_rows():
    with_open = make_person(name="Has Open")
    only_draft = make_person(name="Only Draft")
    make_demand(people=[with_open])
    make_demand(people=[only_draft], visibility=Visibility.DRAFT)

    assert list(Prisoner.objects.having_public("outstanding_demands")) == [with_open]
    assert list(Prisoner.objects.having_public("outstanding_demands", present=False)) == [only_draft]


def test_a_new_record_opens_its_history(campaigner):
    person = Prisoner(name="New Person", slug="new-person", status=Status.DETAINED)

    save_with_history(person, by=campaigner, note="Arrested at the protest")

    change = person.status_changes.get()
    assert (change.old_status, change.new_status, change.changed_by) == ("", Status.DETAINED, campaigner)


def test_a_hand_made_change_of_status_needs_evidence_and_is_recorded(campaigner):
    person = make_person(status=Status.DETAINED)
    person.status = Status.RELEASED

    with pytest.raises(ValidationError):
        save_with_history(person, previous_status=Status.DETAINED, by=campaigner)
    assert Prisoner.objects.get(pk=person.pk).status == Status.DETAINED

    change = save_with_history(person, previous_status=Status.DETAINED, by=campaigner, source=make_source())
    assert (change.old_status, change.new_status) == (Status.DETAINED, Status.RELEASED)
    assert Prisoner.objects.get(pk=person.pk).status == Status.RELEASED


def test_an_edit_that_keeps_the_status_records_nothing(campaigner):
    person = make_person(status=Status.DETAINED)
    person.summary = "Now with a summary"

    assert save_with_history(person, previous_status=Status.DETAINED, by=campaigner) is None
    assert person.status_changes.count() == 1  # only the opening entry


@pytest.mark.parametrize(("status", "published"), [(Status.IMPRISONED, True), (Status.RELEASED, False)])
def test_the_address_for_letters_is_published_only_while_the_person_is_held(status, published):
    person = make_person(status=status, postal_address="Colony 12, Box 5")
    assert (person.address_for_letters == "Colony 12, Box 5") is published


def test_only_an_administrator_may_delete_what_the_public_has_seen(campaigner, editor):
    published, draft = make_person(), make_person(visibility=Visibility.DRAFT)
    withdrawn = make_person()
    Prisoner.objects.filter(pk=withdrawn.pk).unpublish("A fact in doubt")
    withdrawn.refresh_from_db()
    assert not withdrawn.deletable_by(editor)
    assert published.deletable_by(campaigner) and not published.deletable_by(editor)
    assert draft.deletable_by(editor)


def test_one_off_and_yearly_dates_list_their_occurrences():
    once = make_key_date(date=D(2026, 5, 1), recurrence=KeyDate.Recurrence.ONCE)
    yearly = make_key_date(date=D(2011, 12, 16))
    assert once.occurrences_between(D(2026, 1, 1), D(2027, 12, 31)) == [D(2026, 5, 1)]
    assert yearly.occurrences_between(D(2026, 1, 1), D(2027, 12, 31)) == [D(2026, 12, 16), D(2027, 12, 16)]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("campaigns/campaign/", "core/campaign/"),
        ("prisoners/source/3/change/", "core/source/3/change/"),
        ("campaigns/delivery/?status__exact=failed", "outreach/delivery/?status__exact=failed"),
    ],
)
def test_admin_pages_that_moved_redirect_old_bookmarks(campaigner_client, old, new):
    response = campaigner_client.get(f"/admin/{old}")
    assert response.status_code == 301 and response["Location"] == f"/admin/{new}"
