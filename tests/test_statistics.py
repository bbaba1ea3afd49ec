import datetime
import re

import pytest
import time_machine

from core.charts import Point, bar_chart, line_chart
from core.publishing import Visibility
from core.status import record_status_change
from demands.models import Status as DemandStatus
from pages.statistics import statistics
from prisoners.models import Consent, Status

from .factories import make_campaign, make_demand, make_event, make_organisation, make_person

pytestmark = pytest.mark.django_db
D = datetime.date
TODAY = D(2024, 6, 15)
NOW = datetime.datetime(2024, 6, 15, 9, tzinfo=datetime.UTC)


@pytest.fixture
def record():
    """A small record with every case the figures must get right."""
    with time_machine.travel(NOW, tick=False):
        held = make_person(status=Status.IMPRISONED, arrested_on=D(2020, 3, 10))
        make_person(status=Status.RELEASED, arrested_on=D(2021, 5, 1), released_on=D(2023, 2, 1))
        make_person(status=Status.DETAINED)  # no arrest date
        make_person(status=Status.RELEASED, arrested_on=D(2022, 1, 1))  # released, date not on record
        make_person(status=Status.DECEASED, arrested_on=D(2020, 6, 1), died_on=D(2022, 7, 1))
        draft = make_person(status=Status.IMPRISONED, arrested_on=D(2019, 1, 1), visibility=Visibility.DRAFT)
        make_person(status=Status.IMPRISONED, arrested_on=D(2019, 1, 1), consent=Consent.WITHDRAWN)
        make_event(held, date=D(2024, 3, 5), title="Transferred")
        make_event(held, date=D(2024, 3, 6), title="Kept private", is_public=False)
        make_event(held, date=D(2015, 1, 1), title="An old event")
        make_event(draft, date=D(2024, 3, 7), title="Of a draft person")

        campaign = make_campaign()
        ministry, court = make_organisation(name="Ministry"), make_organisation(name="Court")
        make_demand(campaign, addressees=[ministry, court])
        make_demand(campaign, addressees=[ministry], status=DemandStatus.MET)
        make_demand(campaign, addressees=[court], visibility=Visibility.DRAFT)
        make_demand(campaign, status=DemandStatus.REJECTED)


def figures(points):
    return [(point.label, point.value) for point in points]


def test_people_by_status_counts_only_the_public_record(record):
    assert figures(statistics(TODAY)["people_by_status"]) == [
        ("Detained awaiting trial", 1),
        ("Convicted and imprisoned", 1),
        ("Released", 2),
        ("Deceased", 1),
    ]


def test_people_held_at_the_end_of_each_year_and_today(record):
    custody = statistics(TODAY)["custody"]
    assert custody.yearly
    assert custody.held == [
        (D(2020, 12, 31), 2),
        (D(2021, 12, 31), 3),
        (D(2022, 12, 31), 2),
        (D(2023, 12, 31), 1),
        (TODAY, 1),
    ]


def test_people_with_unknown_dates_are_counted_apart(record):
    custody = statistics(TODAY)["custody"]
    assert (custody.not_arrested, custody.end_unknown, custody.counted) == (1, 1, 3)


def test_a_short_span_is_counted_by_month():
    make_person(status=Status.DETAINED, arrested_on=D(2024, 3, 20))
    make_person(status=Status.RELEASED, arrested_on=D(2024, 4, 1), released_on=D(2024, 4, 30))
    custody = statistics(TODAY)["custody"]
    assert not custody.yearly
    assert custody.held == [(D(2024, 3, 31), 1), (D(2024, 4, 30), 1), (D(2024, 5, 31), 1), (TODAY, 1)]


def test_demands_by_status_and_by_addressee(record):
    numbers = statistics(TODAY)
    assert figures(numbers["demands_by_status"]) == [("Outstanding", 1), ("Met", 1), ("Rejected", 1)]
    assert figures(numbers["demands_by_addressee"]) == [("Ministry", 2), ("Court", 1), ("No addressee on record", 1)]


def test_updates_are_counted_when_they_happened_over_the_whole_record(record):
    updates = statistics(TODAY)["updates"]
    years = {period.start: period for period in updates.periods}
    # From the old event of 2015 to today: more than three years, so by year.
    assert updates.yearly and min(years) == D(2015, 1, 1) and max(years) == D(2024, 1, 1)
    assert years[D(2015, 1, 1)].events == 1
    this_year = years[D(2024, 1, 1)]
    # Each public record's first status, recorded in June without a date, counts then; one public event in
    # March (neither the private event nor a draft's).
    assert (this_year.people, this_year.demands, this_year.events) == (5, 3, 1)


def test_a_change_counts_in_the_month_it_happened_not_when_it_was_recorded():
    with time_machine.travel(NOW, tick=False):
        person = make_person(status=Status.DETAINED)
        record_status_change(
            person,
            Status.IMPRISONED,
            happened_on=D(2024, 2, 10),
            happened_on_precision="month",
            source_url="https://example.org/a",
        )
    updates = statistics(TODAY)["updates"]
    months = {period.start: period.people for period in updates.periods}
    assert not updates.yearly and months[D(2024, 2, 1)] == 1 and months[D(2024, 6, 1)] == 1


@time_machine.travel(NOW, tick=False)
def test_the_page_shows_each_chart_with_its_table(visitor, record):
    page = visitor.get("/statistics/").content.decode()
    for chart in ("chart-people", "chart-custody", "chart-demand-status", "chart-addressees", "chart-updates"):
        svg = re.search(
            rf'<svg class="chart" id="{chart}" role="img" aria-labelledby="{chart}-title {chart}-desc".*?</svg>',
            page,
            re.S,
        )
        assert svg and f'<title id="{chart}-title">' in svg[0] and f'<desc id="{chart}-desc">' in svg[0]
    assert page.count("<caption>") == 5 and '<th scope="col">' in page and '<th scope="row">' in page
    assert '<th scope="row">Convicted and imprisoned</th><td>1</td>' in page
    assert "Not counted: 1 person with no arrest date on record" in page
    assert "Not counted: 1 person who is no longer held but whose release date is not on record" in page


@time_machine.travel(NOW, tick=False)
def test_the_page_runs_no_script_and_has_no_inline_style(visitor, record):
    response = visitor.get("/statistics/")
    page = response.content.decode()
    assert "<script" not in page and "<style" not in page and not re.search(r"\sstyle=", page)
    assert "style-src 'self'" in response["Content-Security-Policy"]


def test_the_home_page_links_to_the_statistics(visitor):
    assert 'href="/statistics/"' in visitor.get("/").content.decode()


def test_an_empty_record_still_has_a_page(visitor):
    page = visitor.get("/statistics/").content.decode()
    assert "No one is on the public record yet." in page and "No arrest dates are on record yet." in page


def test_labels_are_escaped_in_the_svg():
    svg = bar_chart([Point("<b>A & B</b>", 2)], chart_id="c", title="T", description="D")
    assert "&lt;b&gt;A &amp; B&lt;/b&gt;" in svg and "<b>" not in svg
    assert "<polyline" in line_chart([Point("a", 1), Point("b", 3)], chart_id="l", title="T", description="D")


def _people(n):
    campaign = make_campaign()
    organisation = make_organisation()
    for i in range(n):
        person = make_person(
            status=Status.RELEASED if i % 2 else Status.IMPRISONED,
            arrested_on=D(2012, 1, 1 + i % 28),
            released_on=D(2015, 1, 1) if i % 2 else None,
        )
        make_event(person, date=D(2024, 1, 1 + i % 28))
        make_demand(campaign, people=[person], addressees=[organisation])


@pytest.mark.parametrize("n", [5, 50])
def test_the_query_count_does_not_grow_with_the_record(visitor, django_assert_num_queries, n):
    _people(n)
    with django_assert_num_queries(7):
        assert visitor.get("/statistics/").status_code == 200
