"""Small builders for test records. Every record is published unless a test says otherwise."""

import datetime
import itertools

from campaigns.models import KeyDate
from core.models import Campaign, Organisation, Source
from core.publishing import Visibility
from core.status import record_initial_status
from demands.models import Demand
from prisoners.models import Alias, Prisoner, Sentence, TimelineEvent

_n = itertools.count(1)


def cited_source():
    """The source test facts cite unless a test says otherwise: every public fact cites one."""
    source, _new = Source.objects.get_or_create(
        title_en="Test report",
        defaults={"title_ru": "Тестовый отчёт", "title_kk": "Сынақ есебі", "url": "https://example.org/test"},
    )
    return source


def make_source(**fields):
    n = next(_n)
    fields.setdefault("title", f"Report {n}")
    fields.setdefault("url", f"https://example.org/report-{n}")
    return Source.objects.create(**fields)


def make_organisation(**fields):
    n = next(_n)
    fields.setdefault("name", f"Organisation {n}")
    fields.setdefault("slug", f"organisation-{n}")
    return Organisation.objects.create(**fields)


def make_campaign(**fields):
    n = next(_n)
    fields.setdefault("name", f"Campaign {n}")
    fields.setdefault("slug", f"campaign-{n}")
    fields.setdefault("summary", "A campaign for justice.")
    fields.setdefault("visibility", Visibility.PUBLISHED)
    return Campaign.objects.create(**fields)


def make_person(aliases=(), campaign=None, **fields):
    n = next(_n)
    fields.setdefault("name", f"Person Number{n}")
    fields.setdefault("slug", f"person-{n}")
    fields.setdefault("visibility", Visibility.PUBLISHED)
    person = Prisoner.objects.create(**fields)
    record_initial_status(person, source=cited_source())
    for alias in aliases:
        Alias.objects.create(prisoner=person, name=alias)
    if campaign:
        person.campaigns.add(campaign)
    return person


def make_sentence(person, sources=None, **fields):
    fields.setdefault("kind", Sentence.Kind.IMPRISONMENT)
    sentence = Sentence.objects.create(prisoner=person, **fields)
    sentence.sources.set([cited_source()] if sources is None else sources)
    return sentence


def make_event(person, sources=None, **fields):
    fields.setdefault("date", datetime.date(2020, 1, 1))
    fields.setdefault("title", "Transferred")
    event = TimelineEvent.objects.create(prisoner=person, **fields)
    event.sources.set([cited_source()] if sources is None else sources)
    return event


def make_demand(campaign=None, people=(), addressees=(), **fields):
    n = next(_n)
    fields.setdefault("title", f"Demand {n}")
    fields.setdefault("slug", f"demand-{n}")
    fields.setdefault("summary", "What we ask.")
    fields.setdefault("visibility", Visibility.PUBLISHED)
    demand = Demand.objects.create(campaign=campaign or make_campaign(), **fields)
    record_initial_status(demand, source=cited_source())
    demand.prisoners.set(people)
    demand.addressees.set(addressees)
    return demand


def make_key_date(campaign=None, **fields):
    fields.setdefault("title", "Anniversary")
    fields.setdefault("date", datetime.date(2011, 12, 16))
    fields.setdefault("recurrence", KeyDate.Recurrence.YEARLY)
    fields.setdefault("visibility", Visibility.PUBLISHED)
    return KeyDate.objects.create(campaign=campaign or make_campaign(), **fields)
