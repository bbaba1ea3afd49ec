"""Nothing typed in the admin is dropped without a word: it is stored, or the form says why not."""

import itertools

import pytest
from django import forms

from accountability.models import Actor, OpenQuestion, Responsibility
from campaigns.models import KeyDate
from core.models import Campaign, Organisation, Source
from demands.models import Demand
from demo.loader import load_demo
from prisoners.models import Prisoner, Status

from .admin_forms import admin_form_data
from .factories import cited_source, make_person

pytestmark = pytest.mark.django_db
_marks = itertools.count(1)


def test_a_note_without_a_change_of_status_goes_onto_the_current_status_where_it_has_none(editor_client):
    person = make_person(slug="p", status=Status.DETAINED)
    data = admin_form_data(editor_client.get(f"/admin/prisoners/prisoner/{person.pk}/change/"))
    data |= {"status_note": "Held in Almaty pre-trial centre", "status_source_url": "https://example.org/held"}
    response = editor_client.post(f"/admin/prisoners/prisoner/{person.pk}/change/", data, follow=True)
    assert "Added to the current status" in response.content.decode()
    current = person.status_changes.get()
    assert (current.note, current.source_url) == ("Held in Almaty pre-trial centre", "https://example.org/held")
    assert current.source == cited_source()  # what it had is kept


def test_a_note_that_would_overwrite_the_current_status_is_refused_and_says_so(editor_client):
    person = make_person(slug="p", status=Status.DETAINED)
    person.status_changes.update(note="Detained at the border")
    data = admin_form_data(editor_client.get(f"/admin/prisoners/prisoner/{person.pk}/change/"))
    data |= {"status_note": "Moved to another prison"}
    response = editor_client.post(f"/admin/prisoners/prisoner/{person.pk}/change/", data)
    assert response.status_code == 200
    assert "The status did not change" in response.content.decode()
    assert person.status_changes.get().note == "Detained at the border"


def test_a_date_can_be_given_to_a_status_that_was_only_recorded(editor_client):
    person = make_person(slug="p", status=Status.DETAINED)  # its first status: "recorded on" today
    data = admin_form_data(editor_client.get(f"/admin/prisoners/prisoner/{person.pk}/change/"))
    data |= {"status_happened_on": "2019-05-10", "status_happened_on_precision": "month"}
    assert editor_client.post(f"/admin/prisoners/prisoner/{person.pk}/change/", data).status_code == 302
    current = person.status_changes.get()
    assert (str(current.happened_on), current.happened_on_precision) == ("2019-05-01", "month")


def _typed(field, mark):
    """A value a person might type into this field, recognisable on the page afterwards."""
    if isinstance(field, forms.URLField):
        return f"https://example.org/{mark}"
    if isinstance(field, forms.EmailField):
        return f"{mark}@example.org"
    if isinstance(field, forms.SlugField):
        return mark
    return f"Typed {mark}"


def _text_fields(form):
    for bound in form:
        field = bound.field
        if field.disabled or not isinstance(field, forms.CharField) or isinstance(field.widget, forms.HiddenInput):
            continue
        if isinstance(field, forms.TypedChoiceField) or getattr(field, "choices", None):
            continue
        yield bound.name, field


RECORDS = [
    ("prisoners/prisoner", lambda: Prisoner.objects.get(slug="erzhan-elshibayev")),
    ("demands/demand", lambda: Demand.objects.get(slug="release-yerlan-baltabai")),
    ("core/campaign", lambda: Campaign.objects.get()),
    ("campaigns/keydate", lambda: KeyDate.objects.first()),
    ("core/source", lambda: Source.objects.first()),
    ("core/organisation", lambda: Organisation.objects.get(slug="liberty")),
    ("accountability/actor", lambda: Actor.objects.first()),
    ("accountability/responsibility", lambda: Responsibility.objects.first()),
    ("accountability/openquestion", lambda: OpenQuestion.objects.first()),
]


@pytest.mark.parametrize(("admin_page", "record"), RECORDS, ids=[page for page, _record in RECORDS])
def test_every_admin_form_keeps_what_is_typed_into_any_one_field_or_says_why_not(campaigner_client, admin_page, record):
    load_demo()
    address = f"/admin/{admin_page}/{record().pk}/change/"
    tried = 0
    for name, field in list(_text_fields(campaigner_client.get(address).context["adminform"].form)):
        mark = f"zq{next(_marks)}x"
        data = admin_form_data(campaigner_client.get(address))
        data[name] = _typed(field, mark)
        response = campaigner_client.post(address, data)
        tried += 1
        if response.status_code == 302:
            assert mark in campaigner_client.get(address).content.decode(), f"{admin_page}: {name} was dropped"
        else:
            form = response.context["adminform"].form
            errors = [
                *form.errors.values(),
                *(e for i in response.context["inline_admin_formsets"] for e in i.formset.errors),
            ]
            assert response.status_code == 200 and any(errors), f"{admin_page}: {name} refused without a word"
    assert tried >= 3


def test_completing_the_current_status_never_rewrites_how_sure_it_was(editor_client):
    person = make_person(slug="p", status=Status.DETAINED)  # its status cites a source, graded "reported"
    data = admin_form_data(editor_client.get(f"/admin/prisoners/prisoner/{person.pk}/change/"))
    data |= {"status_source_url": "https://example.org/more", "status_grade": "alleged"}
    response = editor_client.post(f"/admin/prisoners/prisoner/{person.pk}/change/", data)
    assert response.status_code == 200 and "The status did not change" in response.content.decode()
    assert person.status_changes.get().grade == "reported"


def test_a_record_with_no_history_gets_one_from_what_is_typed(editor_client):
    person = make_person(slug="p", status=Status.DETAINED)
    person.status_changes.all()._raw_delete(person.status_changes.db)  # as records made before the history
    data = admin_form_data(editor_client.get(f"/admin/prisoners/prisoner/{person.pk}/change/"))
    data |= {"status_note": "Held since the spring", "status_source": cited_source().pk}
    assert editor_client.post(f"/admin/prisoners/prisoner/{person.pk}/change/", data).status_code == 302
    assert person.status_changes.get().note == "Held since the spring"


def test_a_page_opened_before_midnight_and_saved_after_gives_no_date(editor_client):
    import datetime

    import time_machine

    person = make_person(slug="p", status=Status.DETAINED)  # "recorded on" today, no known date
    evening = datetime.datetime(2026, 12, 7, 18, 50, tzinfo=datetime.UTC)  # 23:50 in Almaty
    with time_machine.travel(evening, tick=False):
        data = admin_form_data(editor_client.get(f"/admin/prisoners/prisoner/{person.pk}/change/"))
    data["occupation_en"] = "Teacher"
    with time_machine.travel(evening + datetime.timedelta(minutes=15), tick=False):
        assert editor_client.post(f"/admin/prisoners/prisoner/{person.pk}/change/", data).status_code == 302
    assert person.status_changes.get().happened_on_precision == "recorded"
