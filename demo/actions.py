"""The demo's action and its addressee, loaded by `loader.load_demo` inside its transaction, after the
people, demands, key dates and sources it points at.

Created once, found again by its address (slug), so a second run changes nothing and never overwrites
a campaigner's edit, with one exception: an open demo action whose deadline has passed gets the next
one, so that the demo always has something to do whenever it is loaded.
"""

import datetime

from django.utils import timezone

from actions.models import Action, Addressee
from campaigns.models import KeyDate
from core.dates import local_today
from core.models import Campaign, Source
from core.publishing import Visibility
from demands.models import Demand
from prisoners.models import Prisoner

from . import actions_data as data
from .data import CAMPAIGN, SOURCES

# The eve of the anniversary (16 December): the last day for a letter to arrive in time.
DEADLINE = (12, 15)
# The deadline leaves a supporter at least these days; the start is as many days back.
LEAD_DAYS = 3
MOVED = "action deadlines moved"  # what load_demo() counts besides what it created
TRANSLATED = ("title", "summary", "steps", "message_subject", "salutation", "message")


def next_deadline(today):
    """The next 15 December that leaves at least LEAD_DAYS days to act."""
    earliest = today + datetime.timedelta(days=LEAD_DAYS)
    deadline = datetime.date(earliest.year, *DEADLINE)
    return deadline if deadline >= earliest else datetime.date(earliest.year + 1, *DEADLINE)


def load_actions():
    created = {"addressees": 0, "actions": 0, MOVED: 0}
    campaign = Campaign.objects.get(slug=CAMPAIGN["slug"])
    today = local_today(campaign.timezone)
    addressee = _addressee(created)
    existing = Action.objects.filter(slug=data.ACTION["slug"]).first()
    if existing is None:
        _action(campaign, addressee, today)
        created["actions"] += 1
    elif existing.status == Action.Status.OPEN and existing.closes_at <= timezone.now():
        existing.deadline = next_deadline(today)
        existing.save(update_fields=["deadline", "updated_at"])
        created[MOVED] += 1
    return created


def _in_every_language(field, texts):
    return dict(zip((field, f"{field}_ru", f"{field}_kk"), texts, strict=True))


def _addressee(created):
    english = data.ADDRESSEE["name"][0]
    # The English column by name: a lookup on "name" would read the active language's.
    addressee = Addressee.objects.filter(name_en=english).first()
    if addressee is None:
        addressee = Addressee.objects.create(**_in_every_language("name", data.ADDRESSEE["name"]))
        created["addressees"] += 1
    return addressee


def _action(campaign, addressee, today):
    fields = data.ACTION
    texts = {}
    for field in TRANSLATED:
        texts |= _in_every_language(field, fields[field])
    action = Action.objects.create(
        slug=fields["slug"],
        kind=fields["kind"],
        write_in=fields["write_in"],
        campaign=campaign,
        key_date=KeyDate.objects.filter(campaign=campaign, title_en=fields["key_date"]).first(),
        starts_on=today - datetime.timedelta(days=LEAD_DAYS),
        deadline=next_deadline(today),
        visibility=Visibility.PUBLISHED,
        **texts,
    )
    action.addressees.set([addressee])
    action.prisoners.set(Prisoner.objects.filter(slug__in=fields["people"]))
    action.demands.set(Demand.objects.filter(slug__in=fields["demands"]))
    action.sources.set(Source.objects.filter(title_en__in=[SOURCES[key]["title"] for key in fields["sources"]]))
    return action
