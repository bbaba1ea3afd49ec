"""What reminders are about: key dates, and dates derived from a person's record.

Derived dates (arrest anniversaries, expected release, days-in-detention milestones) are computed
from the record on every tick rather than stored, so they follow any change to the record; a
reminder planned for a date that has since moved is cancelled when it comes to be sent.
"""

import datetime
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from campaigns.models import KeyDate
from core.dates import Precision, yearly_dates_between
from core.languages import Translated
from prisoners.models import Prisoner

log = logging.getLogger(__name__)
MILESTONE_DAYS = (100, 365, 500, 1000, 1500, 2000, 2500, 3000, 3650)
# Lazy, without their number: chosen per reader's language in Title.__str__.
ANNIVERSARY_OF = ngettext_lazy("%(title)s (%(n)d year)", "%(title)s (%(n)d years)", "n")
YEARS_SINCE_ARREST = ngettext_lazy(
    "%(n)d year since %(name)s was arrested", "%(n)d years since %(name)s was arrested", "n"
)
DAYS_IN_DETENTION = ngettext_lazy("%(name)s: %(n)d day in detention", "%(name)s: %(n)d days in detention", "n")


@dataclass(frozen=True)
class Title:
    """A derived date's title, put into words in the language active where it is shown.

    Occasions are computed once per tick for every reader, in the worker's language; each reader's
    email is rendered under their own language (build_email), where str() of this is taken. Its
    values from the record (a name, a title) are `Translated`, put into words there too.
    """

    text: object  # a lazy translation; an ngettext_lazy one picks its plural from the value "n"
    values: tuple = ()

    def __str__(self):
        return str(self.text % dict(self.values))


@dataclass(frozen=True)
class Occasion:
    """What a reminder is about, computed once for readers of every language: the record's text is
    `Translated` (or a `Title`), read in each reader's language when their email is rendered."""

    key: str
    title: object  # Translated (or str) for key dates, Title for derived dates
    date: datetime.date
    tz: str
    url: str
    time: datetime.time | None = None
    place: object = ""  # Translated or str, as the description
    description: object = ""
    campaign_ids: frozenset = field(default_factory=frozenset)
    prisoner_ids: frozenset = field(default_factory=frozenset)
    demand_ids: frozenset = field(default_factory=frozenset)
    links: tuple = ()  # (label, path) pairs for "what you can do", each label Translated or str
    actions: tuple = ()  # (title, path, deadline) of the open actions an action day serves


def occasions_between(start, end, errors=None):
    """Every public occasion falling from `start` to `end` (both included).

    A record that cannot be turned into occasions is left out, logged and named in `errors`.
    """
    errors = [] if errors is None else errors
    return [*_key_date_occasions(start, end, errors), *_person_occasions(start, end, errors)]


def occasion_index(start, end):
    return {(occasion.key, occasion.date): occasion for occasion in occasions_between(start, end)}


def _confined(records, make, errors):
    for record in records:
        try:
            yield from make(record)
        except Exception as error:  # one bad record must not stop everyone's reminders
            log.exception("No occasions for %r", record)
            errors.append(f"{type(record).__name__} {record.pk}: {type(error).__name__}: {error}")


def _key_date_occasions(start, end, errors):
    key_dates = KeyDate.objects.published().filter(reminders_paused=False).select_related("campaign")
    key_dates = key_dates.with_public("people", "demands", "open_actions")
    return _confined(key_dates, lambda kd: _of_key_date(kd, start, end), errors)


def _of_key_date(key_date, start, end):
    people = key_date.public_people
    links = [(Translated.of(person, "name"), person.get_absolute_url()) for person in people]
    links += [(Translated.of(demand, "title"), demand.get_absolute_url()) for demand in key_date.public_demands]
    links.append((Translated.of(key_date.campaign, "name"), key_date.campaign.get_absolute_url()))
    title = Translated.of(key_date, "title")
    place, description = Translated.of(key_date, "place"), Translated.of(key_date, "description")
    actions = tuple(
        (Translated.of(action, "title"), action.get_absolute_url(), action.deadline)
        for action in key_date.public_open_actions
    )
    for day in key_date.occurrences_between(start, end):
        number = key_date.anniversary_number(day)
        titled = title if not number else Title(ANNIVERSARY_OF, (("title", title), ("n", number)))
        yield Occasion(
            key=f"keydate:{key_date.pk}",
            title=titled,
            date=day,
            tz=key_date.campaign.timezone,
            url=key_date.campaign.get_absolute_url(),
            time=key_date.time,
            place=place,
            description=description,
            campaign_ids=frozenset([key_date.campaign_id]),
            prisoner_ids=frozenset(person.pk for person in people),
            demand_ids=frozenset(demand.pk for demand in key_date.public_demands),
            links=tuple(links),
            actions=actions,
        )


def _person_occasions(start, end, errors):
    people = (
        Prisoner.objects.published()
        .detained()
        .filter(reminders_paused=False, arrested_on__isnull=False)
        .with_public("sentences", "campaigns")
    )
    return _confined(people, lambda person: _of_person(person, start, end), errors)


def _of_person(person, start, end):
    campaigns = person.public_campaigns
    name = Translated.of(person, "name")
    common = {
        "tz": campaigns[0].timezone if campaigns else settings.DEFAULT_CAMPAIGN_TIMEZONE,
        "url": person.get_absolute_url(),
        "campaign_ids": frozenset(campaign.pk for campaign in campaigns),
        "prisoner_ids": frozenset([person.pk]),
        "links": ((name, person.get_absolute_url()),),
        "description": Translated.of(person, "summary"),
    }
    release = person.expected_release
    if release and start <= release <= end and person.expected_release_precision == Precision.DAY:
        title = Title(_("%(name)s is due to be released"), (("name", name),))
        yield Occasion(key=f"release:{person.pk}", title=title, date=release, **common)
    if person.arrested_on_precision != Precision.DAY:
        return  # an arrest known only to the month or year has no anniversary to remind anyone of
    for day in yearly_dates_between(person.arrested_on, start, end):
        years = day.year - person.arrested_on.year
        if years:
            title = Title(YEARS_SINCE_ARREST, (("n", years), ("name", name)))
            yield Occasion(key=f"arrest:{person.pk}", title=title, date=day, **common)
    for days in MILESTONE_DAYS:
        day = person.arrested_on + datetime.timedelta(days=days)
        if start <= day <= end:
            title = Title(DAYS_IN_DETENTION, (("name", name), ("n", days)))
            yield Occasion(key=f"milestone:{person.pk}:{days}", title=title, date=day, **common)
