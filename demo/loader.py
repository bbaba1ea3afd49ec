"""Load the Zhanaozen demo data.

Each record is created only when no record with its slug exists, so a second run changes
nothing, and a campaigner's later edits are never overwritten; only the demo action's deadline, once
passed, moves to the next one (demo/actions.py).
"""

import datetime

from django.db import transaction

from campaigns.models import KeyDate
from core.models import Campaign, Organisation, Source
from core.publishing import Visibility
from core.status import record_initial_status
from demands.models import Demand
from prisoners.models import Alias, Charge, Prisoner, Sentence, TimelineEvent

from . import data
from .accountability import load_accountability
from .actions import load_actions
from .translations import in_russian_and_kazakh


@transaction.atomic
def load_demo():
    """Returns how many records of each kind were created."""
    created = {"sources": 0, "organisations": 0, "campaigns": 0, "people": 0, "demands": 0, "key dates": 0}
    sources = {}
    made = []
    for key, fields in data.SOURCES.items():
        # The English column by name: a lookup on "title" would read the active language's.
        sources[key], new = Source.objects.get_or_create(title_en=fields["title"], defaults=fields)
        created["sources"] += new
        made += [sources[key]] if new else []
    orgs = {}
    for slug, name, kind, country, description in data.ORGANISATIONS:
        orgs[slug], new = Organisation.objects.get_or_create(
            slug=slug, defaults={"name": name, "kind": kind, "country": country, "description": description}
        )
        created["organisations"] += new
        made += [orgs[slug]] if new else []

    campaign, new = _campaign(orgs, sources)
    created["campaigns"] += new
    made += [campaign] if new else []
    people = {}
    for fields in data.PEOPLE:
        people[fields["slug"]], new = _person(fields, campaign, orgs, sources)
        created["people"] += new
        made += _with_parts(people[fields["slug"]], "events", "charges", "status_changes") if new else []
    demands = {}
    for fields in data.DEMANDS:
        demands[fields["slug"]], new = _demand(fields, campaign, orgs, people, sources)
        created["demands"] += new
        made += _with_parts(demands[fields["slug"]], "status_changes") if new else []
    for fields in data.KEY_DATES:
        new = _key_date(fields, campaign, people, demands, sources)
        created["key dates"] += new
        made += list(KeyDate.objects.filter(campaign=campaign, title_en=fields["title"])) if new else []
    # Only what this run made: a second run never overwrites a campaigner's edit of a translation.
    for record in made:
        in_russian_and_kazakh(record)
    created |= load_accountability()
    created |= load_actions()
    return created


def _campaign(orgs, sources):
    fields = data.CAMPAIGN
    campaign, new = Campaign.objects.get_or_create(
        slug=fields["slug"],
        defaults={
            "name": fields["name"],
            "summary": fields["summary"],
            "description": fields["description"],
            "visibility": Visibility.PUBLISHED,
        },
    )
    if new:
        campaign.organisations.set(orgs[slug] for slug in fields["organisations"])
        campaign.sources.set(sources[key] for key in fields["sources"])
    return campaign, new


def _with_parts(record, *parts):
    return [record, *(part for name in parts for part in getattr(record, name).all())]


def _person(fields, campaign, orgs, sources):
    existing = Prisoner.objects.filter(slug=fields["slug"]).first()
    if existing:
        return existing, False
    dates = {}
    for key, field in (("arrested", "arrested_on"), ("died", "died_on")):
        if key in fields:
            ymd, precision, _source = fields[key]
            dates |= {field: datetime.date(*ymd), f"{field}_precision": precision}
    person = Prisoner.objects.create(
        slug=fields["slug"],
        name=fields["name"],
        status=fields["status"],
        visibility=Visibility.PUBLISHED,
        region=fields.get("region", ""),
        occupation=fields.get("occupation", ""),
        summary=fields["summary"],
        biography=fields["biography"],
        affiliation=orgs.get(fields.get("affiliation")),
        last_verified_on=data.VERIFIED_ON,
        **dates,
    )
    person.campaigns.add(campaign)
    person.sources.set(sources[key] for key in fields["sources"])
    for alias in fields.get("aliases", []):
        Alias.objects.create(prisoner=person, name=alias)
    for article, description, source in fields.get("charges", []):
        Charge.objects.create(prisoner=person, article=article, description=description).sources.add(sources[source])
    for kind, years, source, handed_down in fields.get("sentences", []):
        when = {}
        if handed_down:
            when = {"handed_down_on": datetime.date(*handed_down[0]), "handed_down_on_precision": handed_down[1]}
        sentence = Sentence.objects.create(prisoner=person, kind=kind, years=years, **when)
        sentence.sources.add(sources[source])
    for ymd, precision, source, kind, title, description in fields.get("events", []):
        event = TimelineEvent.objects.create(
            prisoner=person,
            date=datetime.date(*ymd),
            date_precision=precision,
            kind=kind,
            title=title,
            description=description,
        )
        event.sources.add(sources[source])
    dated, source, note = fields["status_on"]
    record_initial_status(person, note=note, source=sources[source], **_happened(dated or data.AS_OF[source]))
    return person, True


def _happened(dated):
    ymd, precision = dated
    return {"happened_on": datetime.date(*ymd), "happened_on_precision": precision}


def _cited(note):
    """The article a note cites, "(Pirani 2021)" or "(Jones 2019)"."""
    (cited,) = {key for key, citation in (("pirani", "(Pirani 2021)"), ("jones", "(Jones 2019)")) if citation in note}
    return cited


def _demand(fields, campaign, orgs, people, sources):
    existing = Demand.objects.filter(slug=fields["slug"]).first()
    if existing:
        return existing, False
    demand = Demand.objects.create(
        slug=fields["slug"],
        title=fields["title"],
        kind=fields["kind"],
        status=fields["status"],
        summary=fields["summary"],
        description=fields["description"],
        campaign=campaign,
        visibility=Visibility.PUBLISHED,
    )
    demand.addressees.set(orgs[slug] for slug in fields["addressees"])
    demand.backers.set(orgs[slug] for slug in fields["backers"])
    demand.prisoners.set(people[slug] for slug in fields["people"])
    demand.sources.set(sources[key] for key in fields["sources"])
    cited = _cited(fields["note"])
    record_initial_status(demand, note=fields["note"], source=sources[cited], **_happened(data.AS_OF[cited]))
    return demand, True


def _key_date(fields, campaign, people, demands, sources):
    # The English column by name: a lookup on "title" would read the active language's.
    if KeyDate.objects.filter(campaign=campaign, title_en=fields["title"], date=fields["date"]).exists():
        return False
    key_date = KeyDate.objects.create(
        campaign=campaign,
        title=fields["title"],
        kind=fields["kind"],
        date=fields["date"],
        recurrence=fields["recurrence"],
        place=fields["place"],
        description=fields["description"],
        visibility=Visibility.PUBLISHED,
    )
    key_date.prisoners.set(people[slug] for slug in fields["people"])
    key_date.demands.set(demands[slug] for slug in fields["demands"])
    key_date.sources.set(sources[key] for key in fields["sources"])
    return True
