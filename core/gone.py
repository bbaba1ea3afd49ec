"""A public address that showed a record, and no longer does, answers 410 Gone with a page that names
no one: search engines drop it quickly, and a reader learns it was taken down, not mistyped.

Only an address that really showed something says so: each public page notes its address the first
time it answers (`ShownAddress`), and "gone" is decided by that note, not by whether the record was
ever marked published (it may have been published anonymised, or under a campaign still in draft,
and its address never shown). Any other address answers 404, so a draft's existence is never
confirmed.
"""

from django.db import models
from django.http import Http404
from django.shortcuts import render


class ShownAddress(models.Model):
    """An address the public has seen a record at: ("person", "aigul-sample"), ("person",
    "anonymous-12"), ("demand", ...), ("campaign", ...). Holds nothing else."""

    kind = models.CharField(max_length=20)
    address = models.CharField(max_length=220)
    first_shown_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "address"], name="unique_shown_address")]
        verbose_name = "shown address"


class RecordGone(Exception):
    pass


# Addresses this process knows are noted: the rows are never deleted, so one query per address and
# process, not one per request.
_noted = set()


def public_or_gone(public, kind, address, hidden=None):
    """The record the public may see at an address (`public`, a queryset of at most one row); else
    RecordGone if the address once showed one, unless `hidden()` (an address that must answer as if it
    never existed: a withdrawn person's, an anonymised person's named one); else 404."""
    record = public.first()
    if record is not None:
        if (kind, address) not in _noted:
            ShownAddress.objects.get_or_create(kind=kind, address=address)
            _noted.add((kind, address))
        return record
    if not (hidden and hidden()) and ShownAddress.objects.filter(kind=kind, address=address).exists():
        raise RecordGone
    raise Http404


class RecordGoneMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, RecordGone):
            return render(request, "gone.html", status=410)
        return None
