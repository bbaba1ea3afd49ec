"""N synthetic people for benchmarks only: never part of the demo, and marked as what they are."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core.models import Campaign, Source
from core.planner import refresh_statistics
from core.publishing import Visibility
from core.status import record_initial_status
from core.text import search_key
from demands.models import Demand
from demo.synthetic import synthetic_name
from prisoners.models import Prisoner, PrisonerStatusChange, Status, TimelineEvent
from prisoners.search import NameWord

SLUG_PREFIX = "synthetic-"
DEMAND_PEOPLE = 30
STATUSES = [Status.IMPRISONED, Status.DETAINED, Status.RELEASED, Status.RESTRICTED, Status.AT_RISK]
REGIONS = ["Mangystau", "Almaty", "Atyrau", "Aktobe"]


def spread(n, salt):
    """A number that follows neither n nor the name (whose first name cycles with n): a status or a
    region in step with the list's order would make every filter look cheaper, or dearer, than it is."""
    return (n * 2654435761 + salt * 40503) >> 8


class Command(BaseCommand):
    help = (
        'Make N synthetic people ("Synthetic person 00001"...) in a campaign of their own, for '
        "`make bench`. Refuses a database that holds real people unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("count", type=int)
        parser.add_argument("--force", action="store_true", help="add them beside real records")

    @transaction.atomic
    def handle(self, count, force, **options):
        real = Prisoner.objects.exclude(slug__startswith=SLUG_PREFIX)
        if real.exists() and not force:
            raise CommandError(
                "This database holds real people: synthetic ones would mix with them. Use an empty "
                "database (or --force)."
            )
        campaign, _created = Campaign.objects.get_or_create(
            slug=f"{SLUG_PREFIX}campaign",
            defaults={
                "name": "Synthetic benchmark campaign (not real people)",
                "summary": "Benchmark data only.",
                "visibility": Visibility.PUBLISHED,
            },
        )
        start = Prisoner.objects.filter(slug__startswith=SLUG_PREFIX).count()
        people = []
        for n in range(start + 1, start + count + 1):
            name = synthetic_name(n)
            people.append(
                Prisoner(
                    name=name,
                    slug=f"{SLUG_PREFIX}{n:05d}",
                    search_key=search_key(name),
                    status=STATUSES[spread(n, 1) % len(STATUSES)],
                    region=REGIONS[spread(n, 2) % len(REGIONS)],
                    summary="Synthetic record for benchmarks.",
                    arrested_on=(arrested := datetime.date(2011, 1, 1) + datetime.timedelta(days=n % 5000)),
                    arrested_year=arrested.year,
                    list_order_en=name,
                    list_order_ru=name,
                    list_order_kk=name,
                    visibility=Visibility.PUBLISHED,
                    was_public=True,
                )
            )
        # bulk_create: 10,000 saves one by one would take minutes, and these rows need no audit trail.
        made = Prisoner.objects.bulk_create(people, batch_size=2000)
        NameWord.objects.bulk_create(
            (NameWord.of(person.pk, word) for person in made for word in set(person.search_key.split())),
            batch_size=5000,
        )
        # Sourced, as every public fact is (core/sourcing.py): otherwise the public would see none of it.
        PrisonerStatusChange.objects.bulk_create(
            (
                PrisonerStatusChange(
                    prisoner=person, new_status=person.status, source_url="https://example.org/synthetic"
                )
                for person in made
            ),
            batch_size=2000,
        )
        # An arrest on each timeline, as real records have: the feeds and the home page read events too.
        source, _created = Source.objects.get_or_create(
            url="https://example.org/synthetic", defaults={"title": "Synthetic source (not real)"}
        )
        events = TimelineEvent.objects.bulk_create(
            (
                TimelineEvent(
                    prisoner=person,
                    date=person.arrested_on,
                    kind=TimelineEvent.Kind.ARREST,
                    title="Arrested (synthetic)",
                )
                for person in made
            ),
            batch_size=2000,
        )
        cites = TimelineEvent.sources.through
        cites.objects.bulk_create(
            (cites(timelineevent_id=event.pk, source_id=source.pk) for event in events), batch_size=5000
        )
        through = Prisoner.campaigns.through
        through.objects.bulk_create(
            (through(prisoner_id=person.pk, campaign_id=campaign.pk) for person in made), batch_size=2000
        )
        demand, created = Demand.objects.get_or_create(
            slug=f"{SLUG_PREFIX}demand",
            defaults={
                "campaign": campaign,
                "title": "Synthetic demand (not real)",
                "summary": "Benchmark data only.",
                "visibility": Visibility.PUBLISHED,
            },
        )
        if created:
            record_initial_status(demand, source_url="https://example.org/synthetic")
        # A demand concerning a few dozen of them, as most do: its page's size does not follow N.
        demand.prisoners.add(*made[:DEMAND_PEOPLE])
        refresh_statistics()  # the planner's view of the record, as after the next hourly refresh
        self.stdout.write(f'Made {len(made)} synthetic people in "{campaign.name}".')
