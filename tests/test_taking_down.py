"""Taking a public record down is deliberate: a reason, asked for and kept; its address then says 410 Gone."""

import pytest
from auditlog.models import LogEntry

from core.publishing import Visibility
from prisoners.models import Consent, Prisoner

from .admin_forms import admin_form_data
from .factories import make_campaign, make_demand, make_person

pytestmark = pytest.mark.django_db


def _change(client, record, **changes):
    address = f"/admin/{record._meta.app_label}/{record._meta.model_name}/{record.pk}/change/"
    return client.post(address, admin_form_data(client.get(address)) | changes)


def test_a_public_record_goes_back_to_draft_only_with_a_reason(editor_client):
    person = make_person(name="Aigul Sample")
    refused = _change(editor_client, person, visibility=Visibility.DRAFT)
    assert refused.status_code == 200 and "Say why this public record is taken offline." in refused.content.decode()
    assert Prisoner.objects.get(pk=person.pk).is_published
    assert (
        _change(editor_client, person, visibility=Visibility.DRAFT, archive_reason="Consent in doubt").status_code
        == 302
    )
    entry = LogEntry.objects.get_for_object(person).latest("timestamp")  # who, when and why, in the audit trail
    assert entry.changes_dict["archive_reason"][1] == "Consent in doubt" and entry.actor.username == "editor"


def test_withdrawing_a_public_persons_consent_needs_a_reason_too(editor_client):
    person = make_person()
    refused = _change(editor_client, person, consent=Consent.WITHDRAWN)
    assert refused.status_code == 200 and Prisoner.objects.get(pk=person.pk).consent != Consent.WITHDRAWN
    assert (
        _change(editor_client, person, consent=Consent.WITHDRAWN, archive_reason="Asked by the family").status_code
        == 302
    )


def test_the_bulk_action_lists_what_goes_offline_and_keeps_drafts_as_they_are(editor_client):
    public, draft = make_person(name="Public Person"), make_person(name="Draft Person", visibility=Visibility.DRAFT)
    action = {"action": "unpublish", "_selected_action": [public.pk, draft.pk]}
    asked = editor_client.post("/admin/prisoners/prisoner/", action).content.decode()
    assert "<li>Public Person</li>" in asked and "<li>Draft Person</li>" not in asked
    editor_client.post("/admin/prisoners/prisoner/", {**action, "confirmed": "yes", "reason": "Duplicates"})
    public.refresh_from_db()
    draft.refresh_from_db()
    assert (public.visibility, public.archive_reason, draft.archive_reason) == (Visibility.DRAFT, "Duplicates", "")


@pytest.mark.parametrize("language", ["", "/ru", "/kk"])
def test_a_taken_down_page_answers_410_and_names_no_one(client, language):
    person = make_person(name="Aigul Sample", slug="aigul-sample")
    demand = make_demand(title="Free Aigul Sample", slug="free-aigul")
    for address in (f"{language}/prisoners/aigul-sample/", f"{language}/demands/free-aigul/"):
        assert client.get(address).status_code == 200  # shown to the public once
    Prisoner.objects.filter(pk=person.pk).unpublish("A safety risk")
    type(demand).objects.filter(pk=demand.pk).unpublish("A safety risk")
    for address in (f"{language}/prisoners/aigul-sample/", f"{language}/demands/free-aigul/"):
        response = client.get(address)
        assert response.status_code == 410
        assert "Aigul" not in response.content.decode()


def test_what_was_never_public_stays_a_plain_404(client):
    make_person(slug="never-shown", visibility=Visibility.DRAFT)
    hidden_campaign = make_campaign(visibility=Visibility.DRAFT)
    make_demand(campaign=hidden_campaign, slug="never-seen")  # published, but its campaign never was
    assert client.get("/prisoners/never-shown/").status_code == 404
    assert client.get("/demands/never-seen/").status_code == 404


def test_only_an_address_that_showed_someone_says_they_were_taken_down(client):
    # Published only anonymised, taken down, then named: the named address never showed them.
    person = make_person(slug="aigerim-nurova", consent=Consent.ANONYMISED)
    assert client.get(f"/prisoners/anonymous-{person.pk}/").status_code == 200
    Prisoner.objects.filter(pk=person.pk).unpublish("A safety risk")
    Prisoner.objects.filter(pk=person.pk).update(consent=Consent.CONSENTED)
    assert client.get("/prisoners/aigerim-nurova/").status_code == 404
    assert client.get(f"/prisoners/anonymous-{person.pk}/").status_code == 410
    # A named person's "anonymous" address never showed them either: no id is confirmed.
    named = make_person(slug="named-person")
    assert client.get("/prisoners/named-person/").status_code == 200
    assert client.get(f"/prisoners/anonymous-{named.pk}/").status_code == 404


def test_a_withdrawn_or_anonymised_persons_named_address_is_as_if_it_never_existed(client):
    withdrawn = make_person(slug="withdrawn")
    anonymised = make_person(slug="named")
    for address in ("/prisoners/withdrawn/", "/prisoners/named/"):
        assert client.get(address).status_code == 200  # both shown named once
    Prisoner.objects.filter(pk=withdrawn.pk).update(consent=Consent.WITHDRAWN)
    Prisoner.objects.filter(pk=anonymised.pk).update(consent=Consent.ANONYMISED)
    assert client.get(f"/prisoners/anonymous-{anonymised.pk}/").status_code == 200
    Prisoner.objects.filter(pk=anonymised.pk).unpublish("A safety risk")
    # "Taken down" would tell a stranger that someone of that name was on the record.
    assert client.get("/prisoners/withdrawn/").status_code == 404
    assert client.get("/prisoners/named/").status_code == 404
    assert client.get(f"/prisoners/anonymous-{anonymised.pk}/").status_code == 410  # names no one


def test_a_campaign_taken_down_is_gone_too(client):
    campaign = make_campaign(slug="old-campaign")
    assert client.get("/campaigns/old-campaign/").status_code == 200
    type(campaign).objects.filter(pk=campaign.pk).unpublish("Merged into another")
    assert client.get("/campaigns/old-campaign/").status_code == 410


def test_each_takedown_gives_its_own_reason(editor_client):
    person = make_person()
    Prisoner.objects.filter(pk=person.pk).unpublish("A duplicate")
    Prisoner.objects.filter(pk=person.pk).publish()
    person.refresh_from_db()
    assert person.archive_reason == ""  # public again: the old reason is the audit trail's now
    refused = _change(editor_client, person, visibility=Visibility.DRAFT)
    assert refused.status_code == 200 and Prisoner.objects.get(pk=person.pk).is_published
