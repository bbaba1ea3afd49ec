from django.core.paginator import Paginator

PER_PAGE = 20


def filtered_page(request, filterset_class, queryset, per_page=PER_PAGE):
    """Filter and paginate a public list.

    A bad filter value answers 400 with the form's errors and no rows, never a 500 and never the
    unfiltered list (which would look like the filter had matched everything). A bad page number
    falls back to the nearest real page.
    """
    filterset = filterset_class(request.GET or None, queryset=queryset, request=request)
    if filterset.is_bound and not filterset.is_valid():
        rows, status = queryset.none(), 400
    else:
        rows, status = filterset.qs, 200
    page = Paginator(rows, per_page).get_page(request.GET.get("page"))
    return filterset, page, status
