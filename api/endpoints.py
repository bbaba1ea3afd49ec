"""The read-only JSON API: the public lists with the same filters and pages as the site, a person's and a
demand's public page, an OpenAPI schema and a docs page (Swagger UI served from our own static files).

The schema is the contract: a value it allows is answered, one it does not is refused with a 4xx, and
every answer under /api/, errors and unknown addresses included, is JSON."""

from functools import wraps

from django import forms
from django.conf import settings
from django.core.exceptions import DisallowedHost, TooManyFieldsSent
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404, HttpResponseNotFound, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import URLPattern, re_path, resolve, reverse
from django.views import defaults
from django.views.decorators.csrf import csrf_exempt
from ninja import NinjaAPI, Schema, Status, Swagger

from actions.filters import ActionFilter
from core.listing import PER_PAGE, SlugOrNameField, filtered, unfiltered
from core.publishing import public_rows
from demands.filters import DemandFilter
from prisoners.filters import PrisonerFilter
from prisoners.models import Prisoner

from . import schemas
from .exports import filter_errors
from .filters import KeyDateFilter, NoFilter
from .limits import api_limited

# An address as the API gives it: a slug, or anonymous-<id> for an anonymised person. The routes take only
# that (Django's slug converter), so anything else is a 404 that never reaches the database.
ADDRESS_PATTERN = r"^[-a-zA-Z0-9_]+$"
# A query the form refuses: a NUL character (Django's ProhibitNullCharactersValidator).
NO_NUL_PATTERN = r"^[^\u0000]*$"

# The lists, by operation id, with the FilterSet each shares with the site's list.
_LISTS = {}


class PublicAPI(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        """The schema, with each list's filters as they stand: the campaigns, organisations, regions and
        years a filter accepts are those of the published record, which changes."""
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        for operations in schema["paths"].values():
            operation = operations.get("get", {})
            if operation.get("operationId") in _LISTS:
                operation["parameters"] = _parameters(_LISTS[operation["operationId"]])
            if operation.get("operationId") == "demand":
                people = f"the people it concerns ({schemas.PEOPLE_SHOWN} per page, in the list's order)"
                operation["parameters"].append(_page_parameter("people_page", people))
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "path":
                    parameter["schema"]["pattern"] = ADDRESS_PATTERN
        return schema


api = PublicAPI(
    title="Zhanaozen tracker: public data",
    version="1",
    description=(
        "Read-only. The same records, filters and pages as the public site; anonymised people appear as "
        "initials at an anonymous-<id> address, with no sources. Rate-limited per address (429). Every error "
        "is JSON: 400 with the errors of each parameter, 404 for an address or a page that does not exist."
    ),
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs_url="/docs/",
    # No validator badge (it would load an image from elsewhere); no "try it out" needed for a GET API.
    docs=Swagger(settings={"validatorUrl": None}),
)


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
    """The filters of a list, documented from its FilterSet (the one the site's list uses) as its form
    validates them. An empty value is no filter, as the site's forms send it."""
    parameters = []
    for name, field in filterset_class().form.fields.items():
        schema, description = {"type": "string"}, str(field.label or name)
        if isinstance(field, SlugOrNameField):
            schema["enum"] = list(dict.fromkeys(["", *field.accepted_values()]))
            description += " (its address or its name); empty: any"
        elif isinstance(field, forms.ChoiceField):
            schema["enum"] = list(dict.fromkeys(str(value) for value, _label in field.choices))
            description += "; empty: any"
        if getattr(field, "max_length", None):
            schema["maxLength"] = field.max_length
            schema["pattern"] = NO_NUL_PATTERN
        parameters.append(
            {"name": name, "in": "query", "required": False, "schema": schema, "description": description}
        )
    parameters.append(_page_parameter("page", f"the list ({PER_PAGE} per page)"))
    return parameters


def _link(request, number):
    query = request.GET.copy()
    query["page"] = number
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def _whole_number(number):
    # Digits only: int() would also take " 1", "+1" and "1_0", which the schema's integer does not.
    return number.isascii() and number.isdigit() and bool(number.strip("0"))


def _page_parameter(name, what):
    return {
        "name": name,
        "in": "query",
        "required": False,
        "schema": {"type": "integer", "minimum": 1},
        "description": f"Page number of {what}; past the last page: 404",
    }


def _listing(request, filterset_class, queryset, total=None):
    """`total()`: the unfiltered list's length, when known without counting every row."""
    filterset, rows, status = filtered(request, filterset_class, queryset)
    errors = filter_errors(filterset)["errors"] if status != 200 else {}
    number = request.GET.get("page", "1")
    if not _whole_number(number):
        errors["page"] = ["A page is a whole number from 1."]
    if errors:
        return Status(400, {"errors": errors})
    paginator = Paginator(rows, PER_PAGE)
    if total and unfiltered(filterset, status):
        paginator.count = total()  # a figure kept per version of the record, not a count of every row
    try:
        page = paginator.page(number)
    except InvalidPage:  # past the last page (or too long a number to be one)
        pages = paginator.num_pages
        return Status(404, {"detail": f"No such page: this list has {pages} page{'s' if pages > 1 else ''}."})
    return Status(
        200,
        {
            "count": paginator.count,
            "page": page.number,
            "pages": paginator.num_pages,
            "next": _link(request, page.next_page_number()) if page.has_next() else None,
            "previous": _link(request, page.previous_page_number()) if page.has_previous() else None,
            "results": list(page.object_list),
        },
    )


def _list_operation(path, filterset_class, item, queryset, summary, total=None):
    responses = {200: _page_schema(item), 400: Errors, 404: Message, 429: Message}

    name = path.strip("/").replace("-", "_")
    _LISTS[name] = filterset_class

    @api.get(path, response=responses, summary=summary, url_name=name, operation_id=name)
    def operation(request):
        return _listing(request, filterset_class, queryset(), total)

    return operation


_list_operation(
    "/people/",
    PrisonerFilter,
    schemas.Person,
    schemas.people,
    "People, as the list of people shows them",
    total=Prisoner.objects.public_count,
)
_list_operation("/demands/", DemandFilter, schemas.DemandOut, schemas.demands, "Demands")
_list_operation("/campaigns/", NoFilter, schemas.CampaignOut, schemas.campaigns, "Campaigns")
_list_operation("/key-dates/", KeyDateFilter, schemas.KeyDateOut, schemas.key_dates, "Key dates")
_list_operation(
    "/actions/",
    ActionFilter,
    schemas.ActionOut,
    schemas.actions,
    "Actions, open first and the soonest deadline first, with how many took part",
)


@api.get(
    "/people/{slug:address}/",
    response={200: schemas.PersonDetail, 404: Message, 429: Message},
    summary="A person's public profile",
    url_name="person",
    operation_id="person",
)
def person(request, address: str):
    return get_object_or_404(schemas.person_at(address))


@api.get(
    "/demands/{slug:address}/",
    response={200: schemas.DemandDetail, 400: Errors, 404: Message, 429: Message},
    summary="A demand's public page: its status history with dates and sources, the people it concerns",
    url_name="demand",
    operation_id="demand",
)
def demand(request, address: str):
    demand = get_object_or_404(schemas.demand_at(address))
    number = request.GET.get("people_page", "1")
    if not _whole_number(number):
        return Status(400, {"errors": {"people_page": ["A page is a whole number from 1."]}})
    paginator = Paginator(public_rows(demand, "people").in_a_line(), schemas.PEOPLE_SHOWN)
    paginator.count = demand.public_people_count
    try:
        page = paginator.page(number)
    except InvalidPage:
        pages = paginator.num_pages
        return Status(
            404, {"detail": f"No such page: this demand's people fill {pages} page{'s' if pages > 1 else ''}."}
        )
    demand.public_people, demand.people_page, demand.people_pages = list(page), page.number, paginator.num_pages
    return demand


@api.get(
    "/actions/{slug:address}/",
    response={200: schemas.ActionDetail, 404: Message, 429: Message},
    summary="An action's public page: steps, addressees, the suggested message in every language, the outcome",
    url_name="action",
    operation_id="action",
)
def action(request, address: str):
    return get_object_or_404(schemas.action_at(address))


# Every address under /api/ ----------------------------------------------------------------------------


def _as_json(request, response):
    """Ninja answers a method it does not serve with plain text, and Django a missing address with HTML."""
    if not 400 <= response.status_code < 500 or response.get("Content-Type", "").startswith("application/json"):
        return response
    if response.status_code == 404:
        detail = f"Nothing here: the API's addresses are listed at {reverse('api:openapi-view')}."
    elif response.status_code == 405:
        detail = f"{request.method} is not allowed here, only {response.get('Allow', 'GET')}."
    else:
        detail = response.reason_phrase
    answer = JsonResponse({"detail": detail}, status=response.status_code)
    if response.has_header("Allow"):
        answer["Allow"] = response["Allow"]
    return answer


def _guarded(view):
    """Counted against the visitor's limit (limits.py) whatever it answers, and answering errors as JSON."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        try:
            response = view(request, *args, **kwargs)
        except Http404:
            response = HttpResponseNotFound()
        return _as_json(request, response)

    return api_limited(guarded)


def bad_request(request, exception=None):
    """handler400 (config/urls.py): a request Django refuses before any view answers it (a Host header not
    in ALLOWED_HOSTS, more parameters than DATA_UPLOAD_MAX_NUMBER_FIELDS) is JSON under /api/, like
    every other answer there; elsewhere Django's own 400 page. The host is never read here: reading it is
    what failed."""
    if not request.path_info.startswith("/api/"):
        return defaults.bad_request(request, exception)
    if isinstance(exception, DisallowedHost):
        detail = "This host name is not served here."
    elif isinstance(exception, TooManyFieldsSent):
        detail = f"Too many parameters: at most {settings.DATA_UPLOAD_MAX_NUMBER_FIELDS}."
    else:
        detail = "Bad request."
    return JsonResponse({"detail": detail}, status=400)


@csrf_exempt  # a POST to a wrong address is a 404 too, not a CSRF failure page
def _nowhere(request):
    # The slash Django's APPEND_SLASH would add (to a GET, as it does): matching every address, this view
    # hides them from it.
    if (
        request.method in ("GET", "HEAD")
        and not request.path_info.endswith("/")
        and resolve(f"{request.path_info}/").url_name != "nowhere"
    ):
        return HttpResponsePermanentRedirect(request.get_full_path(force_append_slash=True))
    raise Http404


def urls():
    """The API's URL patterns (api/urls.py mounts them at /api/): ninja's, each guarded, then every other address."""
    patterns, app_name, namespace = api.urls
    guarded = [URLPattern(p.pattern, _guarded(p.callback), p.default_args, p.name) for p in patterns]
    # Matches any rest of the path, even one with a newline in it.
    return [*guarded, re_path(r"", _guarded(_nowhere), name="nowhere")], app_name, namespace
