import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.publishing import Visibility
from prisoners.models import Status

from .factories import (
    make_campaign,
    make_demand,
    make_event,
    make_key_date,
    make_organisation,
    make_person,
    make_sentence,
    make_source,
)

pytestmark = pytest.mark.django_db
D = datetime.date

PRIVATE = {
    "family_contacts": "FAMILY-PHONE-+7700",
    "lawyer_contacts": "LAWYER-SECRET-EMAIL",
    "consent_notes": "CONSENT-ONLY-FIRST-NAME",
    "internal_notes": "INTERNAL-NOTE-DO-NOT-PUBLISH",
}


def html(response):
    return response.content.decode()


def test_draft_profile_is_404(visitor):
    make_person(slug="hidden", visibility=Visibility.DRAFT)
    assert visitor.get("/prisoners/hidden/").status_code == 404


def test_unknown_slug_is_404(visitor):
    assert visitor.get("/prisoners/nobody/").status_code == 404
    assert visitor.get("/demands/nothing/").status_code == 404
    assert visitor.get("/campaigns/none/").status_code == 404


def test_list_shows_published_people_only(visitor):
    make_person(name="Public Person")
    make_person(name="Draft Person", visibility=Visibility.DRAFT)
    page = html(visitor.get("/prisoners/"))
    assert "Public Person" in page and "Draft Person" not in page


def test_demand_of_a_draft_campaign_is_hidden(visitor):
    demand = make_demand(campaign=make_campaign(visibility=Visibility.DRAFT), title="Hidden demand")
    assert visitor.get(f"/demands/{demand.slug}/").status_code == 404
    assert "Hidden demand" not in html(visitor.get("/demands/"))


def test_profile_shows_the_record(visitor):
    with time_machine.travel(datetime.datetime(2026, 11, 21, 8, tzinfo=datetime.UTC)):
        person = make_person(
            name="Erzhan Elshibayev",
            aliases=["Yerzhan Yelshibaev"],
            status=Status.IMPRISONED,
            arrested_on=D(2026, 1, 1),
            postal_address="Colony 12, Box 5",
        )
        make_sentence(person, years=5)
        make_event(person, title="Put in solitary confinement", sources=[make_source(title="The report")])
        demand = make_demand(people=[person], title="Release Erzhan Elshibayev")
        page = html(visitor.get(person.get_absolute_url()))
    assert "Yerzhan Yelshibaev" in page
    assert "Convicted and imprisoned" in page
    assert "324 days in detention" in page
    assert "1 January 2031" in page  # expected release
    assert "Put in solitary confinement" in page and "The report" in page
    assert demand.get_absolute_url() in page
    assert "Colony 12, Box 5" in page


def test_draft_demand_is_not_linked_from_a_profile(visitor):
    person = make_person()
    make_demand(people=[person], title="Secret demand", visibility=Visibility.DRAFT)
    assert "Secret demand" not in html(visitor.get(person.get_absolute_url()))


def test_private_timeline_event_is_not_shown(visitor):
    person = make_person()
    make_event(person, title="Lawyer visit planned", is_public=False)
    assert "Lawyer visit planned" not in html(visitor.get(person.get_absolute_url()))


def test_private_fields_are_never_rendered(visitor):
    campaign = make_campaign(internal_notes="CAMPAIGN-INTERNAL")
    person = make_person(campaign=campaign, **PRIVATE)
    demand = make_demand(campaign=campaign, people=[person], internal_notes="DEMAND-INTERNAL")
    make_key_date(campaign=campaign)
    pages = [
        "/",
        "/prisoners/",
        person.get_absolute_url(),
        "/demands/",
        demand.get_absolute_url(),
        campaign.get_absolute_url(),
        "/calendar/",
        "/sitemap-people-1.xml",
        "/sitemap-demands-1.xml",
        "/sitemap-campaigns-1.xml",
        f"/prisoners/?q={person.name}",
    ]
    secrets = [*PRIVATE.values(), "CAMPAIGN-INTERNAL", "DEMAND-INTERNAL"]
    for url in pages:
        response = visitor.get(url)
        assert response.status_code == 200, url
        leaked = [secret for secret in secrets if secret in html(response)]
        assert not leaked, f"{url} shows {leaked}"


def test_search_by_alias_and_cyrillic(visitor):
    make_person(name="Erzhan Elshibayev", aliases=["Yerzhan Yelshibaev", "Ержан Елшибаев"])
    make_person(name="Yerlan Baltabai")
    for query in ("yelshibaev", "Елшибаев", "ELSHIBÁYEV"):
        page = html(visitor.get("/prisoners/", {"q": query}))
        assert "Erzhan Elshibayev" in page and "Yerlan Baltabai" not in page, query


def test_filters_combine(visitor):
    union = make_organisation(slug="dignified-labour")
    campaign = make_campaign(slug="zhanaozen")
    wanted = make_person(
        name="Wanted One",
        status=Status.IMPRISONED,
        region="Mangistau",
        affiliation=union,
        arrested_on=D(2019, 5, 1),
        campaign=campaign,
    )
    make_demand(campaign=campaign, people=[wanted])
    make_person(name="Released One", status=Status.RELEASED, region="Mangistau", arrested_on=D(2019, 5, 1))
    make_person(name="Other Region", status=Status.IMPRISONED, region="Almaty", arrested_on=D(2019, 5, 1))
    make_person(name="Other Year", status=Status.IMPRISONED, region="Mangistau", arrested_on=D(2018, 5, 1))
    query = {
        "status": "imprisoned",
        "region": "Mangistau",
        "arrest_year": "2019",
        "organisation": "dignified-labour",
        "campaign": "zhanaozen",
        "outstanding": "true",
    }
    response = visitor.get("/prisoners/", query)
    assert response.status_code == 200
    assert [p.name for p in response.context["page"]] == ["Wanted One"]


def test_has_no_outstanding_demands_filter(visitor):
    person = make_person(name="With Demand")
    make_demand(people=[person], status="outstanding")
    met = make_person(name="Demand Met")
    make_demand(people=[met], status="met")
    response = visitor.get("/prisoners/", {"outstanding": "false"})
    assert [p.name for p in response.context["page"]] == ["Demand Met"]


@pytest.mark.parametrize(
    "query",
    [
        {"status": "nonsense"},
        {"arrest_year": "99999"},
        {"arrest_year": "abc"},
        {"campaign": "no-such"},
        {"outstanding": "maybe"},
        {"organisation": "x" * 500},
        {"q": "x" * 500},
        {"region": "<script>"},
    ],
)
def test_bad_filter_value_answers_400_with_the_error(visitor, query):
    response = visitor.get("/prisoners/", query)
    assert response.status_code == 400
    assert "Some filters could not be used" in html(response)
    assert "<script>" not in html(response)


@pytest.mark.parametrize("query", [{"status": "x"}, {"kind": "x"}, {"addressee": "x"}, {"campaign": "x"}])
def test_bad_demand_filter_answers_400(visitor, query):
    assert visitor.get("/demands/", query).status_code == 400


@pytest.mark.parametrize("page", ["abc", "-1", "0", "99999", "1.5", "９"])
def test_bad_page_number_never_500(visitor, page):
    make_person()
    assert visitor.get("/prisoners/", {"page": page}).status_code == 200


def test_filters_survive_paging(visitor):
    for n in range(25):
        make_person(name=f"Jailed {n:02}", status=Status.IMPRISONED)
    make_person(name="Free Person", status=Status.RELEASED)
    first = html(visitor.get("/prisoners/", {"status": "imprisoned"}))
    assert "?status=imprisoned&amp;page=2" in first
    second = visitor.get("/prisoners/", {"status": "imprisoned", "page": 2})
    names = [p.name for p in second.context["page"]]
    assert len(names) == 5 and "Free Person" not in names


def test_demand_filters(visitor):
    government = make_organisation(slug="government")
    make_demand(title="Commission", kind="inquiry", status="outstanding", addressees=[government])
    make_demand(title="Exhume", kind="exhumation", status="met")
    response = visitor.get("/demands/", {"kind": "inquiry", "status": "outstanding", "addressee": "government"})
    assert [d.title for d in response.context["page"]] == ["Commission"]


def test_demand_page_shows_history_and_people(visitor, campaigner):
    from core.status import record_status_change

    person = make_person(name="Concerned Person")
    demand = make_demand(people=[person], title="Commission")
    record_status_change(
        demand, "rejected", by=campaigner, note="Refused by the ministry", source=make_source(title="Ministry letter")
    )
    page = html(visitor.get(demand.get_absolute_url()))
    assert "Concerned Person" in page and "Refused by the ministry" in page and "Ministry letter" in page
    assert "campaigner" not in page  # who changed it stays in the admin


@time_machine.travel(datetime.datetime(2026, 11, 21, 8, tzinfo=datetime.UTC))
def test_home_counts_and_next_dates(visitor):
    campaign = make_campaign()
    make_person(status=Status.IMPRISONED)
    make_person(status=Status.DETAINED)
    make_person(status=Status.RELEASED)
    make_person(status=Status.IMPRISONED, visibility=Visibility.DRAFT)
    make_demand(campaign=campaign, status="outstanding")
    make_demand(campaign=campaign, status="met")
    make_key_date(campaign=campaign, title="Massacre anniversary", date=D(2011, 12, 16))
    make_key_date(campaign=campaign, title="Past hearing", date=D(2026, 1, 1), recurrence="once")
    response = visitor.get("/")
    assert response.context["detained_count"] == 2
    assert response.context["outstanding_count"] == 1
    assert [(o.date, o.key_date.title) for o in response.context["next_dates"]] == [
        (D(2026, 12, 16), "Massacre anniversary")
    ]
    assert "15 years" in html(response)


def test_recent_updates_tell_a_new_record_from_a_change_of_status(visitor):
    from core.status import record_status_change

    make_person(name="New Record", status=Status.KILLED)
    changed = make_person(name="Changed Record", status=Status.DETAINED)
    record_status_change(changed, Status.RELEASED, source_url="https://example.org/r")
    page = html(visitor.get("/"))
    assert "New Record</a>: added to the tracker" in page
    assert "Changed Record</a>: status now Released" in page
    assert "New Record</a>: Killed" not in page


def test_calendar_lists_coming_dates_only_from_published_campaigns(visitor):
    make_key_date(title="Public day")
    make_key_date(title="Draft campaign day", campaign=make_campaign(visibility=Visibility.DRAFT))
    make_key_date(title="Draft day", visibility=Visibility.DRAFT)
    page = html(visitor.get("/calendar/"))
    assert "Public day" in page and "Draft campaign day" not in page and "Draft day" not in page


def test_pages_have_one_h1_a_title_and_a_description(visitor):
    person = make_person()
    demand = make_demand()
    for url in (
        "/",
        "/prisoners/",
        person.get_absolute_url(),
        "/demands/",
        demand.get_absolute_url(),
        "/calendar/",
        demand.campaign.get_absolute_url(),
    ):
        page = html(visitor.get(url))
        assert page.count("<h1") == 1, url
        assert '<meta name="description" content="' in page and "<title>" in page, url
        assert "<main" in page and "<nav" in page, url


def test_language_switcher_takes_the_reader_to_the_same_page_in_that_language(visitor):
    response = visitor.post("/i18n/setlang/", {"language": "ru", "next": "/prisoners/"})
    assert response["Location"] == "/ru/prisoners/"
    assert '<html lang="ru">' in html(visitor.get("/ru/prisoners/"))
    assert visitor.get("/prisoners/", HTTP_ACCEPT="text/html")["Location"] == "/ru/prisoners/"  # the choice sticks


def test_choosing_english_brings_the_reader_back_and_keeps_them_there(visitor):
    response = visitor.post("/i18n/setlang/", {"language": "en", "next": "/ru/prisoners/?status=imprisoned"})
    assert response["Location"] == "/prisoners/?status=imprisoned"
    assert visitor.get("/prisoners/", HTTP_ACCEPT_LANGUAGE="ru", HTTP_ACCEPT="text/html").status_code == 200


def test_public_pages_send_a_content_security_policy(visitor):
    assert "default-src 'self'" in visitor.get("/").headers["Content-Security-Policy"]


# Query counts ------------------------------------------------------------------------------------


def queries_for(client, url, params=None):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, params or {}).status_code == 200
    return len(captured)


def make_rich_person(n, campaign):
    person = make_person(
        name=f"Rich Person{n}",
        campaign=campaign,
        aliases=[f"Alias{n}"],
        status=Status.IMPRISONED,
        arrested_on=D(2019, 1, 1),
        affiliation=make_organisation(),
    )
    make_sentence(person, years=3)
    for _ in range(3):
        make_event(person, sources=[make_source(), make_source()])
    person.sources.add(make_source())
    make_demand(campaign=campaign, people=[person])
    make_key_date(campaign=campaign).prisoners.add(person)
    return person


def test_list_query_count_does_not_grow_with_rows(visitor):
    campaign = make_campaign()
    make_rich_person(0, campaign)
    one = queries_for(visitor, "/prisoners/")
    for n in range(1, 8):
        make_rich_person(n, campaign)
    assert queries_for(visitor, "/prisoners/") == one
    assert queries_for(visitor, "/demands/") == queries_for(visitor, "/demands/", {"page": 1})


def test_profile_query_count_does_not_grow_with_its_events(visitor):
    campaign = make_campaign()
    small = make_rich_person(0, campaign)
    rich = make_rich_person(1, campaign)
    for _ in range(5):
        make_event(rich, sources=[make_source()])
        make_demand(campaign=campaign, people=[rich])
    assert queries_for(visitor, small.get_absolute_url()) == queries_for(visitor, rich.get_absolute_url())


def test_demand_list_query_count_does_not_grow_with_rows(visitor):
    campaign = make_campaign()
    make_demand(campaign=campaign, people=[make_person()], addressees=[make_organisation()])
    one = queries_for(visitor, "/demands/")
    for _ in range(6):
        make_demand(campaign=campaign, people=[make_person(), make_person()], addressees=[make_organisation()])
    assert queries_for(visitor, "/demands/") == one


def test_home_and_calendar_query_counts_do_not_grow(visitor):
    campaign = make_campaign()
    make_rich_person(0, campaign)
    home, calendar = queries_for(visitor, "/"), queries_for(visitor, "/calendar/")
    for n in range(1, 6):
        make_rich_person(n, campaign)
    assert queries_for(visitor, "/") == home
    assert queries_for(visitor, "/calendar/") == calendar
