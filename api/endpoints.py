"""The read-only JSON API: the public lists with the same filters and pages as the site, a person's
public profile, an OpenAPI schema and a docs page (Swagger UI served from our own static files)."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from ninja import NinjaAPI, Schema, Status, Swagger

from core.listing import PER_PAGE, filtered
from demands.filters import DemandFilter
from prisoners.filters import PrisonerFilter

from . import schemas
from .exports import filter_errors
from .filters import KeyDateFilter, NoFilter
from .limits import api_limited

api = NinjaAPI(
    title="Zhanaozen tracker: public data",
    version="1",
    description=(
        "Read-only. The same records, filters and pages as the public site; anonymised people appear as "
        "initials at an anonymous-<id> address, with no sources. Rate-limited per address (429)."
    ),
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs_url="/docs/",
    # No validator badge (it would load an image from elsewhere); no "try it out" needed for a GET API.
    docs=Swagger(settings={"validatorUrl": None}),
)
api.add_decorator(api_limited, mode="view")


class Errors(Schema):
    errors: dict[str, list[str]]


class Message(Schema):
    detail: str


def _page_schema(item):
    return type(
        f"{item.__name__}Page",
        (Schema,),
        {
            "__annotations__": {
                "count": int,
                "page": int,
                "pages": int,
                "next": str | None,
                "previous": str | None,
                "results": list[item],
            },
        },
    )


def _parameters(filterset_class):
    """The filters of a list, documented from its FilterSet (the one the site's list uses)."""
    parameters = []
    for name, field in filterset_class.base_filters.items():
        schema = {"type": "string"}
        choices = field.extra.get("choices")
        if isinstance(choices, list | tuple):
            schema["enum"] = [value for value, _label in choices]
        parameters.append(
            {"name": name, "in": "query", "required": False, "schema": schema, "description": str(field.label or name)}
        )
    parameters.append(
        {
            "name": "page",
            "in": "query",
            "required": False,
            "schema": {"type": "integer", "minimum": 1},
            "description": f"Page number ({PER_PAGE} per page)",
        }
    )
    return {"parameters": parameters}


def _link(request, number):
    query = request.GET.copy()
    query["page"] = number
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def _listing(request, filterset_class, queryset):
    filterset, rows, status = filtered(request, filterset_class, queryset)
    if status != 200:
        return Status(status, filter_errors(filterset))
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    return Status(
        200,
        {
            "count": page.paginator.count,
            "page": page.number,
            "pages": page.paginator.num_pages,
            "next": _link(request, page.next_page_number()) if page.has_next() else None,
            "previous": _link(request, page.previous_page_number()) if page.has_previous() else None,
            "results": list(page.object_list),
        },
    )


def _list_operation(path, filterset_class, item, queryset, summary):
    responses = {200: _page_schema(item), 400: Errors, 429: Message}

    name = path.strip("/").replace("-", "_")

    @api.get(
        path,
        response=responses,
        summary=summary,
        openapi_extra=_parameters(filterset_class),
        url_name=name,
        operation_id=name,
    )
    def operation(request):
        return _listing(request, filterset_class, queryset())

    return operation


_list_operation("/people/", PrisonerFilter, schemas.Person, schemas.people, "People, as the list of people shows them")
_list_operation("/demands/", DemandFilter, schemas.DemandOut, schemas.demands, "Demands")
_list_operation("/campaigns/", NoFilter, schemas.CampaignOut, schemas.campaigns, "Campaigns")
_list_operation("/key-dates/", KeyDateFilter, schemas.KeyDateOut, schemas.key_dates, "Key dates")


@api.get(
    "/people/{address}/",
    response={200: schemas.PersonDetail, 404: Message, 429: Message},
    summary="A person's public profile",
    url_name="person",
    operation_id="person",
)
def person(request, address: str):
    return get_object_or_404(schemas.person_at(address))


@api.get(
    "/demands/{address}/",
    response={200: schemas.DemandDetail, 404: Message, 429: Message},
    summary="A demand's public page: its status history with dates and sources",
    url_name="demand",
    operation_id="demand",
)
def demand(request, address: str):
    return get_object_or_404(schemas.demand_at(address))
