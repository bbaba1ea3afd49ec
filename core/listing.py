from django.core.paginator import Paginator

PER_PAGE = 20


def filtered(request, filterset_class, queryset):
    """The rows a public list shows for this query string, in its order, before pagination.

    A bad filter value gives no rows and status 400, never the unfiltered list (which would look
    like the filter had matched everything). Pages, exports and the API all filter through here.
    """
    filterset = filterset_class(request.GET or None, queryset=queryset, request=request)
    if filterset.is_bound and not filterset.is_valid():
        return filterset, queryset.none(), 400
    return filterset, filterset.qs, 200


def filtered_page(request, filterset_class, queryset, per_page=PER_PAGE):
    """Filter and paginate a public list (see `filtered`); answers 400 with the form's errors and
    no rows for a bad filter, never a 500. A bad page number falls back to the nearest real page."""
    filterset, rows, status = filtered(request, filterset_class, queryset)
    page = Paginator(rows, per_page).get_page(request.GET.get("page"))
    return filterset, page, status
