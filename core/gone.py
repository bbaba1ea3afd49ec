"""A public address whose record was public and is no longer answers 410 Gone, with a page that names
no one: search engines drop it quickly, and a reader learns it was taken down, not mistyped. An
address that never showed anything answers 404, so a draft's existence is never confirmed."""

from django.http import Http404
from django.shortcuts import render


class RecordGone(Exception):
    pass


def public_or_gone(public, once_there):
    """The record the public may see at an address (`public`, a queryset of at most one row), or
    RecordGone when one of `once_there` (every record that ever had the address) was public."""
    record = public.first()
    if record is not None:
        return record
    if once_there.filter(was_public=True).exists():
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
