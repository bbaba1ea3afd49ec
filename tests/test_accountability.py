"""Accountability: who is responsible, said carefully (grade first, sources beside), drafts never public."""

import itertools
import re

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from accountability.models import Actor, Certainty, OpenQuestion, Responsibility, Role
from core.protection import RecordProtected
from core.publishing import Visibility
from demo.loader import load_demo
from prisoners.models import Consent

from .factories import make_campaign, make_demand, make_event, make_person, make_source

pytestmark = pytest.mark.django_db
_n = itertools.count(1)


def make_actor(**fields):
    fields.setdefault("name", "Internal troops")
    fields.setdefault("slug", f"actor-{next(_n)}")
    fields.setdefault("kind", Actor.Kind.INTERNAL_TROOPS)
    fields.setdefault("visibility", Visibility.PUBLISHED)
    return Actor.objects.create(**fields)


def make_link(actor=None, campaign=None, sources=None, **fields):
    fields.setdefault("role", Role.ORDERED)
    fields.setdefault("grade", Certainty.ALLEGED)
    fields.setdefault("what", "the shooting on the square")
    fields.setdefault("visibility", Visibility.PUBLISHED)
    link = Responsibility.objects.create(actor=actor or make_actor(), campaign=campaign or make_campaign(), **fields)
    link.sources.set([make_source(title="Court record")] if sources is None else sources)
    return link


def public_pages(campaign, person=None, demand=None):
    pages = ["/responsibility/", campaign.get_absolute_url()]
    if demand:
        pages.append(demand.get_absolute_url())
    if person:
        pages.append(f"/prisoners/{person.slug}/")
    return pages


def text_of(client, url):
    response = client.get(url)
    return response.status_code, response.content.decode()


@pytest.fixture
def case():
    campaign = make_campaign(slug="zhanaozen")
    person = make_person(name="Natalia Sokolova", slug="natalia-sokolova", campaign=campaign)
    demand = make_demand(campaign=campaign, people=[person], slug="free-her")
    return campaign, person, demand


def test_a_link_shows_its_grade_first_and_its_sources_on_every_page(visitor, case):
    campaign, person, demand = case
    make_link(
        actor=make_actor(name="Courts of Kazakhstan", kind=Actor.Kind.COURTS),
        campaign=campaign,
        prisoner=person,
        demand=demand,
        role=Role.SENTENCED,
        grade=Certainty.COURT,
        what="her to six years",
        sources=[make_source(title="Eighth anniversary report")],
    )
    for url in public_pages(campaign, person, demand):
        status, page = text_of(visitor, url)
        assert status == 200, url
        # On the responsibility page the actor is the heading of its group; elsewhere it follows the grade.
        stated = re.search(
            r'grade-court">Established by a court</span>: (<a [^>]+>Courts of Kazakhstan</a> )?'
            r"sentenced her to six years",
            page,
        )
        assert stated, url
        assert "Eighth anniversary report" in page.split("Established by a court</span>", 1)[1], url


def test_an_allegation_is_worded_as_one(visitor, case):
    campaign, _, _ = case
    make_link(campaign=campaign, what="the shooting on the square")
    page = text_of(visitor, "/responsibility/")[1]
    assert 'grade-alleged">Alleged</span>: ordered the shooting on the square' in page
    assert str(make_link(campaign=campaign)).startswith("Alleged: Internal troops")


@pytest.mark.parametrize(
    "hide", ["draft link", "draft actor", "draft person", "withdrawn person", "no source", "archived link"]
)
def test_a_link_that_is_not_wholly_public_is_on_no_public_page(visitor, case, hide):
    campaign, person, demand = case
    link = make_link(
        campaign=campaign,
        prisoner=person,
        demand=demand,
        what="SECRET-CLAIM",
        sources=[] if hide == "no source" else None,
    )
    if hide == "draft link":
        Responsibility.objects.filter(pk=link.pk).update(visibility=Visibility.DRAFT)
    elif hide == "archived link":
        Responsibility.objects.filter(pk=link.pk).update(visibility=Visibility.ARCHIVED, archive_reason="duplicate")
    elif hide == "draft actor":
        Actor.objects.filter(pk=link.actor_id).update(visibility=Visibility.DRAFT)
    elif hide == "draft person":
        type(person).objects.filter(pk=person.pk).update(visibility=Visibility.DRAFT)
    elif hide == "withdrawn person":
        type(person).objects.filter(pk=person.pk).update(consent=Consent.WITHDRAWN)
    assert not Responsibility.objects.published().exists()
    for url in public_pages(campaign, person, demand):
        status, page = text_of(visitor, url)
        assert "SECRET-CLAIM" not in page and "Internal troops" not in page, url


def test_a_link_of_a_draft_campaign_is_not_public(visitor):
    link = make_link(campaign=make_campaign(visibility=Visibility.DRAFT), what="SECRET-CLAIM")
    assert not Responsibility.objects.published().exists()
    assert "SECRET-CLAIM" not in text_of(visitor, "/responsibility/")[1]
    assert visitor.get(link.campaign.get_absolute_url()).status_code == 404


def test_an_anonymised_persons_link_shows_initials_and_withholds_marked_passages(visitor, case):
    campaign, _, _ = case
    person = make_person(name="Roza Tuletayeva", slug="roza-tuletayeva", campaign=campaign, consent=Consent.ANONYMISED)
    demand = make_demand(campaign=campaign, people=[person], slug="investigate")
    make_event(person, title="Detained by [[Marat's]] unit")
    make_link(
        campaign=campaign,
        prisoner=person,
        demand=demand,
        role=Role.CARRIED_OUT,
        what="the beating of [[the Aktau street]] detainee",
        description="Seen by [[her brother]].",
        sources=[make_source(title="Interview with Roza", url="https://example.org/roza")],
        event=person.events.get(),
    )
    for url in [
        "/responsibility/",
        campaign.get_absolute_url(),
        demand.get_absolute_url(),
        f"/prisoners/anonymous-{person.pk}/",
    ]:
        status, page = text_of(visitor, url)
        assert status == 200, url
        assert "Alleged</span>: " in page and "[…]" in page, url
        for secret in ("Roza", "Tuletayeva", "Aktau street", "her brother", "Marat", "example.org/roza"):
            assert secret not in page, (url, secret)
    assert "R. T." in text_of(visitor, "/responsibility/")[1]


def test_what_is_not_known_is_said_plainly(visitor, case):
    campaign, _, _ = case
    OpenQuestion.objects.create(campaign=campaign, question="Who fired the shots?", visibility=Visibility.PUBLISHED)
    OpenQuestion.objects.create(campaign=campaign, question="DRAFT-QUESTION")
    for url in ("/responsibility/", campaign.get_absolute_url()):
        page = text_of(visitor, url)[1]
        assert "No court has established who gave the order." in page and "Who fired the shots?" in page, url
        assert "DRAFT-QUESTION" not in page
    make_link(campaign=campaign, role=Role.ORDERED, grade=Certainty.ALLEGED)
    assert "No court has established who gave the order." in text_of(visitor, "/responsibility/")[1]
    make_link(campaign=campaign, role=Role.ORDERED, grade=Certainty.COURT)
    assert "No court has established who gave the order." not in text_of(visitor, "/responsibility/")[1]


def test_the_page_is_in_the_navigation_and_has_one_h1(visitor):
    page = text_of(visitor, "/")[1]
    assert 'href="/responsibility/"' in page
    page = text_of(visitor, "/responsibility/")[1]
    assert page.count("<h1") == 1 and "<script" not in page and "style=" not in page


def test_the_responsibility_page_query_count_does_not_grow_with_links(visitor, django_assert_max_num_queries, case):
    campaign, person, demand = case
    for n in range(2):
        make_link(actor=make_actor(name=f"Unit {n}"), campaign=campaign, prisoner=person, demand=demand)
    with django_assert_max_num_queries(20) as few:
        visitor.get("/responsibility/")
    for n in range(2, 8):
        make_link(actor=make_actor(name=f"Unit {n}"), campaign=campaign, prisoner=person, demand=demand)
    with django_assert_max_num_queries(len(few)):
        visitor.get("/responsibility/")


# The rules of the record -------------------------------------------------------------------------


def test_an_event_of_another_person_or_a_demand_of_another_campaign_is_refused(case):
    campaign, person, _ = case
    other_event = make_event(make_person())
    link = Responsibility(
        actor=make_actor(),
        campaign=campaign,
        role=Role.ORDERED,
        what="x",
        prisoner=person,
        event=other_event,
        demand=make_demand(),
    )
    with pytest.raises(ValidationError) as refused:
        link.full_clean()
    assert set(refused.value.message_dict) >= {"event", "demand"}


def test_an_event_alone_sets_the_person(case):
    campaign, person, _ = case
    link = Responsibility(actor=make_actor(), campaign=campaign, role=Role.ORDERED, what="x", event=make_event(person))
    link.full_clean()
    assert link.prisoner_id == person.pk


def test_a_link_of_a_public_actor_is_kept(editor):
    link = make_link(visibility=Visibility.DRAFT)
    assert link.protection()
    with pytest.raises(RecordProtected):
        link.delete()
    assert Responsibility.objects.filter(pk=link.pk).exists()


# The admin ---------------------------------------------------------------------------------------


def link_form(actor, campaign, **changes):
    return {
        "actor": actor.pk,
        "role": Role.CARRIED_OUT,
        "grade": Certainty.ALLEGED,
        "what_en": "the shooting",
        "campaign": campaign.pk,
        "visibility": Visibility.PUBLISHED,
        **changes,
    }


def test_publishing_a_link_without_a_source_is_refused_with_a_form_error(editor_client):
    actor, campaign = make_actor(), make_campaign()
    response = editor_client.post("/admin/accountability/responsibility/add/", link_form(actor, campaign))
    assert response.status_code == 200
    assert "Cite at least one source before publishing this link." in response.content.decode()
    assert not Responsibility.objects.exists()
    source = make_source()
    response = editor_client.post(
        "/admin/accountability/responsibility/add/", link_form(actor, campaign, sources=[source.pk])
    )
    assert response.status_code == 302
    assert Responsibility.objects.published().get().sources.get() == source


def test_the_publish_action_leaves_a_link_without_a_source_a_draft(editor_client):
    sourced, unsourced = make_link(visibility=Visibility.DRAFT), make_link(visibility=Visibility.DRAFT, sources=[])
    response = editor_client.post(
        "/admin/accountability/responsibility/",
        {"action": "publish", "_selected_action": [sourced.pk, unsourced.pk]},
        follow=True,
    )
    assert "Not published, because a fact on it cites no source" in response.content.decode()
    assert "the link cites no source" in response.content.decode()
    assert list(Responsibility.objects.filter(visibility=Visibility.PUBLISHED)) == [sourced]


def test_an_editor_adds_an_actor_with_a_link(editor_client, case):
    campaign, person, demand = case
    source = make_source()
    prefix = "responsibilities"
    data = {
        "name_en": "Prosecutor's office",
        "slug": "prosecutors-office",
        "kind": Actor.Kind.PROSECUTORS,
        "visibility": Visibility.PUBLISHED,
        f"{prefix}-TOTAL_FORMS": "1",
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
        f"{prefix}-0-role": Role.PROSECUTED,
        f"{prefix}-0-grade": Certainty.ADMITTED,
        f"{prefix}-0-what_en": "her for inciting a strike",
        f"{prefix}-0-campaign": campaign.pk,
        f"{prefix}-0-prisoner": person.pk,
        f"{prefix}-0-demand": demand.pk,
        f"{prefix}-0-sources": [source.pk],
        f"{prefix}-0-visibility": Visibility.PUBLISHED,
    }
    response = editor_client.post("/admin/accountability/actor/add/", data)
    assert response.status_code == 302, response.context["errors"]
    link = Responsibility.objects.published().get()
    assert (link.actor.name, link.prisoner, link.demand) == ("Prosecutor's office", person, demand)
    assert "Admitted</span>: " in Client().get(person.get_absolute_url()).content.decode()
    for url in (
        "/admin/accountability/actor/",
        "/admin/accountability/responsibility/?grade=admitted&role=prosecuted",
        f"/admin/accountability/responsibility/{link.pk}/change/",
        "/admin/accountability/openquestion/",
    ):
        assert editor_client.get(url).status_code == 200, url


def test_an_editor_cannot_delete_the_link_of_a_published_actor_in_the_actor_page(editor_client):
    link = make_link()
    response = editor_client.get(f"/admin/accountability/actor/{link.actor_id}/change/")
    assert response.status_code == 200
    assert 'name="responsibilities-0-DELETE"' not in response.content.decode()


# The demo data -----------------------------------------------------------------------------------


def test_the_demo_loads_sourced_links_once(visitor):
    first = load_demo()
    assert first["actors"] >= 5 and first["responsibility links"] >= 8 and first["open questions"] >= 3
    counts = (Actor.objects.count(), Responsibility.objects.count(), OpenQuestion.objects.count())
    assert not any(load_demo().values())
    assert (Actor.objects.count(), Responsibility.objects.count(), OpenQuestion.objects.count()) == counts
    assert Responsibility.objects.published().count() == Responsibility.objects.count()
    assert {grade for grade in Responsibility.objects.values_list("grade", flat=True)} == set(Certainty.values)
    # The articles name no official: every actor is a unit or a body.
    assert set(Actor.objects.values_list("kind", flat=True)) >= {"police", "internal_troops", "prosecutors", "courts"}
    assert not Responsibility.objects.established_orders().exists()
    page = text_of(visitor, "/responsibility/")[1]
    assert "No court has established who gave the order." in page
    assert "Who gave the order to send armed internal ministry forces against an unarmed crowd?" in page
    assert "Erzhan Elshibayev" in text_of(visitor, "/responsibility/")[1]
    profile = text_of(visitor, "/prisoners/erzhan-elshibayev/")[1]
    assert re.search(
        r"Established by a court</span>: <a [^>]+>Courts of Kazakhstan</a> sentenced him to five years", profile
    )
