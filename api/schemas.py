"""The one public definition of what leaves the site as data: the CSV and JSON exports and the API.

Each schema below names every field it shows; nothing is shown by default. The rows come from the
models' own public definitions (`published()`, `with_public(...)`, `public()`), so a person is read
through `PublicFace` (an anonymised person as initials, "anonymous-<id>", no other names, photo or
address) and a withdrawn or draft record is never reached.

`PRIVATE_FIELDS` and `PRIVATE_MODELS` list what must never leave the admin; the tests walk them
against every export and API answer, and check that no schema here names one of them.
"""

import datetime

from django.conf import settings
from django.db.models import Prefetch
from django.utils import translation
from ninja import Field, Schema

from actions.models import Action, Addressee
from actions.public import letter_in
from campaigns.models import KeyDate
from core.dates import Precision
from core.listing import PEOPLE_SHOWN
from core.models import Campaign
from core.site import absolute_url
from demands.models import Demand, DemandStatusChange
from prisoners.models import PRIVATE_FIELDS as prisoners_private
from prisoners.models import Alias, Prisoner, PrisonerStatusChange

# Fields that never leave the admin, per model.
_STATUS_CHANGE_PRIVATE = ("staff_note", "changed_by", "changed_by_name")
PRIVATE_FIELDS = {
    Prisoner: (
        *prisoners_private,
        "archive_reason",
        "consent",
        "reminders_paused",
        "search_key",
        "was_public",
    ),
    Alias: ("search_key",),
    Demand: ("internal_notes", "archive_reason", "was_public"),
    Campaign: ("internal_notes", "archive_reason", "was_public"),
    KeyDate: ("archive_reason", "reminders_paused", "was_public"),
    PrisonerStatusChange: _STATUS_CHANGE_PRIVATE,
    DemandStatusChange: _STATUS_CHANGE_PRIVATE,
    Action: ("archive_reason", "was_public"),
    Addressee: (),  # an office and the public ways to reach it: nothing of it is private
}
# Models none of whose rows ever leave the admin (app_label.ModelName): subscribers, the outbox,
# reports and corrections from the public.
PRIVATE_MODELS = (
    "outreach.Subscriber",
    "outreach.Delivery",
    "outreach.Suppression",
    "outreach.StaffDigest",
    "outreach.ActionDone",  # who took part in an action
    "reports.Report",
    # How many took part per day, language and channel: only an action's total is shown.
    "actions.Participation",
)


def record_url(record):
    """The full address of a record's public page."""
    return absolute_url(record.get_absolute_url())


# The rows, each with what its schema reads attached: one query per relation, however many rows.

FIRST_PEOPLE = f"In a list, the first {PEOPLE_SHOWN} people, in the people list's order"
PEOPLE_COUNT = "How many people it concerns, all of them"


def _with_people(rows, every_person=False):
    """With their people: the first PEOPLE_SHOWN, in the list's order, and how many there are (a demand
    for the release of every political prisoner may concern thousands); an export names every one."""
    rows = rows.with_public_count("people")
    return rows.with_public("people") if every_person else rows.with_first_public("people", PEOPLE_SHOWN)


def people():
    return Prisoner.objects.published().in_brief().select_related("affiliation").with_public("campaigns", "sentences")


def person_at(address):
    return (
        Prisoner.objects.published()
        .at_public_address(address)
        .select_related("affiliation")
        .with_public(
            "campaigns",
            "sentences",
            "aliases",
            "charges",
            "events",
            "status_changes",
            "sources",
            "demands",
            "key_dates",
        )
    )


def demands(every_person=False):
    return _with_people(Demand.objects.published().select_related("campaign").with_public("addressees"), every_person)


def demand_at(address):
    """Without its people: the endpoint attaches the page of them asked for."""
    return (
        Demand.objects.published()
        .filter(slug=address)
        .select_related("campaign")
        .with_public("addressees", "backers", "status_changes", "sources", "key_dates")
        .with_public_count("people")
    )


def campaigns():
    return Campaign.objects.published().with_public("organisations")


def key_dates():
    return _with_people(KeyDate.objects.published().select_related("campaign").with_public("demands"))


def actions(every_person=False):
    return _with_people(Action.objects.listed().with_public("addressees", "demands"), every_person)


def action_at(address):
    # Every person (an action concerns a few): whether one is anonymised decides whether sources show.
    return (
        Action.objects.published()
        .filter(slug=address)
        .select_related("campaign", "outcome_source")
        .with_participants()
        .with_public("addressees", "people", "demands", "sources")
        .with_public_count("people")
        # The key date only while it is public itself (None otherwise).
        .prefetch_related(Prefetch("key_date", queryset=KeyDate.objects.published(), to_attr="public_key_date"))
    )


# The schemas.


class PersonRef(Schema):
    address: str
    name: str
    url: str

    @staticmethod
    def resolve_address(person):
        return person.slug

    @staticmethod
    def resolve_url(person):
        return record_url(person)


class Record(Schema):
    """A public record's address (its slug) and its status in words."""

    @staticmethod
    def resolve_address(record):
        return record.slug

    @staticmethod
    def resolve_status_label(record):
        return str(record.get_status_display())


class Person(Record):
    """A person as the public list shows them."""

    address: str
    name: str
    native_name: str
    status: str
    status_label: str
    summary: str
    country: str
    region: str
    occupation: str
    organisation: str
    # A date known only to the month or the year is its first day, with the precision beside it.
    arrested_on: datetime.date | None
    arrested_on_precision: str
    released_on: datetime.date | None
    released_on_precision: str
    died_on: datetime.date | None
    died_on_precision: str
    expected_release: datetime.date | None
    expected_release_precision: str
    campaigns: list[str]
    last_verified_on: datetime.date | None
    url: str

    @staticmethod
    def resolve_expected_release_precision(person):
        return person.expected_release_precision if person.expected_release else Precision.DAY

    @staticmethod
    def resolve_organisation(person):
        return person.affiliation.name if person.affiliation else ""

    @staticmethod
    def resolve_campaigns(person):
        return [campaign.slug for campaign in person.public_campaigns]

    @staticmethod
    def resolve_url(person):
        return record_url(person)


class SourceOut(Schema):
    title: str
    publisher: str
    published_on: datetime.date | None
    url: str
    archive_url: str
    kind: str


class Charge(Schema):
    article: str
    description: str
    charged_on: datetime.date | None
    charged_on_precision: str
    sources: list[SourceOut]

    @staticmethod
    def resolve_sources(charge):
        return charge.shown_sources


class Sentence(Schema):
    kind: str
    length: str
    handed_down_on: datetime.date | None
    handed_down_on_precision: str
    court: str
    ends_on: datetime.date | None
    ends_on_precision: str
    sources: list[SourceOut]

    @staticmethod
    def resolve_sources(sentence):
        return sentence.shown_sources

    @staticmethod
    def resolve_length(sentence):
        return str(sentence.length_display)

    @staticmethod
    def resolve_ends_on(sentence):
        return sentence.end_date

    @staticmethod
    def resolve_ends_on_precision(sentence):
        return sentence.end_date_precision


class Event(Schema):
    date: datetime.date
    date_precision: str
    kind: str
    title: str
    description: str
    grade: str
    sources: list[SourceOut]


class StatusChange(Schema):
    happened_on: datetime.date  # when it happened: the first day of its month or year when only that is known
    happened_on_precision: str  # day, month, year, or "recorded" (not known: happened_on is the day it was recorded)
    changed_at: datetime.datetime  # when it was recorded
    old_status: str
    new_status: str
    note: str
    grade: str
    source: SourceOut | None
    source_url: str


def _with_sources(facts, hide):
    """Facts with the sources they cite (`shown_sources`), none for an anonymised person: they would
    name them."""
    for fact in facts:
        fact.shown_sources = [] if hide else fact.public_sources
    return facts


class DemandRef(Schema):
    address: str
    title: str
    status: str
    url: str

    @staticmethod
    def resolve_address(demand):
        return demand.slug

    @staticmethod
    def resolve_url(demand):
        return record_url(demand)


class KeyDateRef(Schema):
    id: int
    title: str
    date: datetime.date
    recurrence: str


class PersonDetail(Person):
    """A person as their public profile shows them. An anonymised person's sources are never shown:
    they would name them."""

    photo_url: str
    photo_credit: str
    aliases: list[str]
    biography: str
    facility: str
    letters: str
    address_for_letters: str
    charges: list[Charge]
    sentences: list[Sentence]
    events: list[Event]
    status_history: list[StatusChange]
    demands: list[DemandRef]
    key_dates: list[KeyDateRef]
    sources: list[SourceOut]

    @staticmethod
    def resolve_photo_url(person):
        return settings.SITE_URL + person.photo.url if person.photo else ""

    @staticmethod
    def resolve_aliases(person):
        return [alias.name for alias in person.public_aliases]

    @staticmethod
    def resolve_charges(person):
        return _with_sources(person.public_charges, person.is_anonymised)

    @staticmethod
    def resolve_sentences(person):
        return _with_sources(person.public_sentences, person.is_anonymised)

    @staticmethod
    def resolve_events(person):
        hide = person.is_anonymised
        return [
            {
                **{field: getattr(event, field) for field in Event.model_fields if field != "sources"},
                "sources": [] if hide else event.public_sources,
            }
            for event in person.public_events
        ]

    @staticmethod
    def resolve_status_history(person):
        hide = person.is_anonymised
        return [
            {
                **{field: getattr(change, field) for field in StatusChange.model_fields},
                **({"source": None, "source_url": ""} if hide else {}),
            }
            for change in person.public_status_changes
        ]

    @staticmethod
    def resolve_demands(person):
        return person.public_demands

    @staticmethod
    def resolve_key_dates(person):
        return person.public_key_dates

    @staticmethod
    def resolve_sources(person):
        return [] if person.is_anonymised else person.public_sources


class ConcernsPeople(Schema):
    """The `people` and `people_count` of a demand, key date or action, as `_with_people` attaches them
    (the fields are declared by each schema, in its columns' order)."""

    @staticmethod
    def resolve_people(record):
        return record.public_people

    @staticmethod
    def resolve_people_count(record):
        return record.public_people_count


class CampaignRecord(Record, ConcernsPeople):
    """What a demand and an action say alike, beside a record's address and status: their kind in
    words, their campaign."""

    @staticmethod
    def resolve_kind_label(record):
        return str(record.get_kind_display())

    @staticmethod
    def resolve_campaign(record):
        return record.campaign.slug


class DemandOut(CampaignRecord):
    address: str
    title: str
    kind: str
    kind_label: str
    status: str
    status_label: str
    summary: str
    campaign: str
    addressees: list[str]
    people: list[PersonRef] = Field(description=FIRST_PEOPLE)
    people_count: int = Field(description=PEOPLE_COUNT)
    first_raised_on: datetime.date | None
    url: str

    @staticmethod
    def resolve_addressees(demand):
        return [organisation.name for organisation in demand.public_addressees]

    @staticmethod
    def resolve_url(demand):
        return record_url(demand)


class DemandDetail(DemandOut):
    """A demand as its public page shows it, with one page of its people (`people_page`)."""

    people_page: int
    people_pages: int
    description: str
    backers: list[str]
    status_history: list[StatusChange]
    key_dates: list[KeyDateRef]
    sources: list[SourceOut]

    @staticmethod
    def resolve_backers(demand):
        return [organisation.name for organisation in demand.public_backers]

    @staticmethod
    def resolve_status_history(demand):
        # Concerning someone anonymised, a demand shows no source: it could name them.
        hide = demand.concerns_anonymised
        return [
            {
                **{field: getattr(change, field) for field in StatusChange.model_fields},
                **({"source": None, "source_url": ""} if hide else {}),
            }
            for change in demand.public_status_changes
        ]

    @staticmethod
    def resolve_key_dates(demand):
        return demand.public_key_dates

    @staticmethod
    def resolve_sources(demand):
        return [] if demand.concerns_anonymised else demand.public_sources


class CampaignOut(Schema):
    address: str
    name: str
    summary: str
    description: str
    starts_on: datetime.date | None
    ends_on: datetime.date | None
    timezone: str
    organisations: list[str]
    url: str

    @staticmethod
    def resolve_address(campaign):
        return campaign.slug

    @staticmethod
    def resolve_organisations(campaign):
        return [organisation.name for organisation in campaign.public_organisations]

    @staticmethod
    def resolve_url(campaign):
        return record_url(campaign)


class KeyDateOut(ConcernsPeople):
    id: int
    title: str
    kind: str
    date: datetime.date
    time: datetime.time | None
    recurrence: str
    next_occurrence: datetime.date | None
    place: str
    description: str
    campaign: str
    people: list[PersonRef] = Field(description=FIRST_PEOPLE)
    people_count: int = Field(description=PEOPLE_COUNT)
    demands: list[str]

    @staticmethod
    def resolve_next_occurrence(key_date):
        return key_date.next_occurrence()

    @staticmethod
    def resolve_campaign(key_date):
        return key_date.campaign.slug

    @staticmethod
    def resolve_demands(key_date):
        return [demand.slug for demand in key_date.public_demands]


def public_row(schema, record):
    """One record as the public may see it, in plain JSON types."""
    return schema.from_orm(record).model_dump(mode="json")


class AddresseeOut(Schema):
    name: str
    email: str
    postal_address: str
    phone: str
    web_form: str
    public_account: str


class ActionOut(CampaignRecord):
    """An action as the list of actions shows it."""

    address: str
    title: str
    kind: str
    kind_label: str
    status: str
    status_label: str
    summary: str
    campaign: str
    starts_on: datetime.date
    deadline: datetime.date  # the last day to act, in the campaign's time zone
    deadline_at: datetime.datetime  # the moment the deadline passes, with the campaign's UTC offset
    addressees: list[AddresseeOut]
    people: list[PersonRef] = Field(description=f"{FIRST_PEOPLE} (every one at the action's own address)")
    people_count: int = Field(description=PEOPLE_COUNT)
    demands: list[DemandRef]
    participants: int  # everyone counted so far, on the site and from emails; never who
    outcome: str
    outcome_on: datetime.date | None
    url: str

    @staticmethod
    def resolve_addressees(action):
        return action.public_addressees

    @staticmethod
    def resolve_demands(action):
        return action.public_demands

    @staticmethod
    def resolve_url(action):
        return record_url(action)


class Letter(Schema):
    language: str  # the language the text is in: the English, where this language has no message
    subject: str
    salutation: str
    body: str


# The suggested message in each language of the site, keyed by its code: {"en": ..., "ru": ..., "kk": ...}.
Letters = type(
    "Letters",
    (Schema,),
    {"__annotations__": {code: Letter for code, _name in settings.LANGUAGES}, "__doc__": "Keyed by language code."},
)


def _letter(action, language):
    """The message as the action's page in `language` offers it (the English where it has none)."""
    letter = letter_in(action, language)
    return {
        "language": letter.language,
        "subject": letter.subject,
        "salutation": letter.salutation,
        "body": letter.message,
    }


class ActionDetail(ActionOut):
    """An action as its page shows it. Concerning someone anonymised, it shows no sources: they could
    name them."""

    steps: list[str]
    write_in: str  # the language the addressee reads (a code), or "" when any will do
    message: Letter
    messages: Letters
    key_date: KeyDateRef | None
    outcome_source: SourceOut | None
    sources: list[SourceOut]

    @staticmethod
    def resolve_steps(action):
        return action.step_list

    @staticmethod
    def resolve_message(action):
        return _letter(action, translation.get_language() or settings.LANGUAGE_CODE)

    @staticmethod
    def resolve_messages(action):
        return {code: _letter(action, code) for code, _name in settings.LANGUAGES}

    @staticmethod
    def resolve_key_date(action):
        return action.public_key_date

    @staticmethod
    def resolve_outcome_source(action):
        return None if _concerns_anonymised(action) else action.outcome_source

    @staticmethod
    def resolve_sources(action):
        return [] if _concerns_anonymised(action) else action.public_sources


def _concerns_anonymised(action):
    return any(person.is_anonymised for person in action.public_people) or any(
        demand.concerns_anonymised for demand in action.public_demands
    )
