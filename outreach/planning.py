"""Planning: which reminders are due now, recorded once each in the outbox.

For every occasion in the coming weeks and every active subscriber who follows it, the shortest
lead time whose moment has come (REMINDER_LOCAL_HOUR campaign time, N days before) gets a Delivery
row. The row's unique key makes planning idempotent: two ticks at once plan it once.

Planning is set-based: which lead is due depends only on a subscriber's list of lead times, and
there are few distinct lists (subsets of LEAD_DAY_CHOICES). So Python decides once per (occasion,
list), and the database copies the matching followers into the outbox in one INSERT ... SELECT:
no subscriber passes through this process, whatever their number.
"""

import datetime
import json
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import Func, Q, TextField

from .models import LEAD_DAY_CHOICES, Delivery, Subscriber, validate_lead_days
from .occasions import occasions_between

MAX_LEAD_DAYS = max(days for days, _label in LEAD_DAY_CHOICES)
LISTED_ERRORS = 20  # subscribers named per malformed list of lead times


class CanonicalJSON(Func):
    """A JSON value as text in one spelling, to group and match subscribers by their lead times.

    SQLite keeps JSON as it was written ("[7,1]" and "[7, 1]" would be two groups, and an equality
    test would miss one); its json() rewrites it canonically. PostgreSQL's jsonb is canonical already.
    """

    function = "json"
    output_field = TextField()

    def as_postgresql(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"({sql})::text", params


def occasion_start(occasion):
    return datetime.datetime.combine(occasion.date, datetime.time.min, zoneinfo.ZoneInfo(occasion.tz))


def due_lead(occasion, lead_days, now):
    """The shortest lead time whose sending moment has come, while the date is still ahead.

    Only the shortest: after a missed window, a reader gets one reminder ("tomorrow"), not a
    late "in 7 days" as well. None when nothing is due or the day has begun.
    """
    if now >= occasion_start(occasion):
        return None
    tz = zoneinfo.ZoneInfo(occasion.tz)
    hour = datetime.time(settings.REMINDER_LOCAL_HOUR)
    due = [
        lead
        for lead in lead_days
        if datetime.datetime.combine(occasion.date - datetime.timedelta(days=lead), hour, tz) <= now
    ]
    return min(due) if due else None


def due_groups(now, errors):
    """(occasion, lead days, followers) for every group of reminders due now; followers is a
    queryset of the active subscribers concerned.

    A malformed record (a subscriber's preferences, a key date) is left out and named in `errors`;
    everyone else's reminders are planned as usual.
    """
    today = now.astimezone(datetime.UTC).date()
    start, end = today - datetime.timedelta(days=1), today + datetime.timedelta(days=MAX_LEAD_DAYS + 1)
    for occasion in occasions_between(start, end, errors):
        if now >= occasion_start(occasion):
            continue
        follows = (
            Q(campaigns__in=occasion.campaign_ids)
            | Q(prisoners__in=occasion.prisoner_ids)
            | Q(demands__in=occasion.demand_ids)
        )
        followers = Subscriber.objects.active().filter(pk__in=Subscriber.objects.filter(follows).values("pk"))
        spelled = followers.annotate(days=CanonicalJSON("lead_days"))
        for days in spelled.order_by().values_list("days", flat=True).distinct():
            group = followers.alias(days=CanonicalJSON("lead_days")).filter(days=days)
            lead_days = json.loads(days)
            try:
                validate_lead_days(lead_days)
            except ValidationError:
                errors.extend(
                    f"Subscriber {pk}: 'days before' is not a list of days ({lead_days!r}); skipped."
                    for pk in group.values_list("pk", flat=True)[:LISTED_ERRORS]
                )
                continue
            lead = due_lead(occasion, lead_days, now)
            if lead is not None:
                yield occasion, lead, group


def due_reminders(now, errors=None):
    """Every reminder due now, as (occasion, subscriber id, lead days), for a dry run to show."""
    errors = [] if errors is None else errors
    return [
        (occasion, pk, lead)
        for occasion, lead, group in due_groups(now, errors)
        for pk in group.order_by("pk").values_list("pk", flat=True)
    ]


def plan(now, report):
    """Record every reminder due now in the outbox. Returns how many rows are new."""
    created = 0
    for occasion, lead, group in due_groups(now, report.errors):
        report.planned += group.count()
        created += record_deliveries(occasion, lead, group, now)
    return created


def record_deliveries(occasion, lead, followers, now, kind=Delivery.Kind.REMINDER):
    """One outbox row per follower, written by the database. Returns how many are new: the unique
    key turns a second planning of the same reminder (another tick, a rerun) into nothing."""
    template = Delivery(
        kind=kind,
        occasion_key=occasion.key,
        occurrence=occasion.date,
        lead_days=lead,
        title=str(occasion.title)[:300],
        next_attempt_at=now,
    )
    fields = [f for f in Delivery._meta.concrete_fields if not f.primary_key and f.name != "subscriber"]
    # Each column's value as the ORM would save it (defaults and auto_now_add included), so a new
    # field with a default needs nothing here.
    values = [f.get_db_prep_save(f.pre_save(template, add=True), connection) for f in fields]
    select, params = followers.order_by().values("pk").query.sql_with_params()
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in [Delivery._meta.get_field("subscriber"), *fields])
    placeholders = ", ".join(["%s"] * len(values))
    table = quote(Subscriber._meta.db_table)
    # Only quoted names from the models and the ORM's own SQL are spliced in; values are parameters.
    sql = (
        f"INSERT INTO {quote(Delivery._meta.db_table)} ({columns}) "  # noqa: S608
        f"SELECT {table}.{quote('id')}, {placeholders} FROM {table} WHERE {table}.{quote('id')} IN ({select}) "
        f"ORDER BY {table}.{quote('id')} ON CONFLICT DO NOTHING"
    )  # the outbox in subscriber order
    with connection.cursor() as cursor:
        cursor.execute(sql, [*values, *params])
        return cursor.rowcount
