"""What the record says against itself, gathered for the staff.

Each app registers what it can see from where it sits, as the public relations are registered
(core.publishing): a check for the admin index's "Needs attention" panel (`attention_check`), and
what to offer for review when a record's status changes (`follow_up`): the demands app, which knows
what an open demand is, offers a person's open demands when they are released or die.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class Check:
    label: str  # lazy text: "%(n)d release demands still open..." with n the count
    count: Callable[[], int]
    address: Callable[[], str]  # where the admin lists them
    params: Callable[[], dict]  # any other values the label names


_CHECKS: list[Check] = []
_FOLLOW_UPS: dict[type, list[Callable]] = {}


def attention_check(label, count, address, params=dict):
    _CHECKS.append(Check(label, count, address, params))


def needs_attention():
    """[(text, address)] for every check with something to look at, in the order they were registered."""
    found = []
    for check in _CHECKS:
        n = check.count()
        if n:
            found.append((check.label % {"n": n, **check.params()}, check.address()))
    return found


def follow_up(model, records):
    """Declare that when a `model` record's status changes, `records(record, new_status)` (a queryset)
    should be offered for review."""
    _FOLLOW_UPS.setdefault(model, []).append(records)


def to_review_after(record, new_status):
    """[(record, admin address)] to offer an editor who just changed `record`'s status."""
    found = []
    for records in _FOLLOW_UPS.get(type(record), []):
        for other in records(record, new_status):
            meta = other._meta
            found.append((other, reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[other.pk])))
    return found


def changelist(model, query=""):
    meta = model._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist") + (f"?{query}" if query else "")
