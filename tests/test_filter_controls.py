"""The lists' filter controls (core/templatetags/controls.py) are the widgets' own markup, written faster."""

import pytest
from django.test.html import parse_html
from django.utils import translation

from core.templatetags.controls import control
from demands.filters import DemandFilter
from demands.models import Demand
from prisoners.filters import PrisonerFilter
from prisoners.models import Prisoner

from .factories import make_campaign, make_demand, make_person


@pytest.mark.parametrize(
    ("filterset_class", "model", "data"),
    [
        (PrisonerFilter, Prisoner, None),
        (PrisonerFilter, Prisoner, {"status": "imprisoned", "region": "Mangystau", "q": "Baltabai"}),
        (PrisonerFilter, Prisoner, {"status": "no-such-status", "arrest_year": "1900", "campaign": "nowhere"}),
        (DemandFilter, Demand, {"kind": "no-such-kind"}),
    ],
)
@pytest.mark.parametrize("language", ["en", "ru"])
def test_each_control_is_what_the_widget_renders(db, filterset_class, model, data, language):
    campaign = make_campaign(slug="justice")
    make_person(region="Mangystau", region_ru="Мангистау", campaign=campaign, arrested_on="2011-12-17")
    make_demand(campaign=campaign)
    with translation.override(language):
        form = filterset_class(data, queryset=model.objects.published()).form
        form.is_valid()
        for field in form:
            assert parse_html(control(field)) == parse_html(str(field)), field.name


def test_kept_choices_follow_the_record_and_a_value_is_still_checked(
    db, client, settings, django_capture_on_commit_callbacks
):
    settings.KEEP_FIGURES = True
    campaign = make_campaign(slug="justice", name="Justice", name_ru="Справедливость")
    make_person(campaign=campaign)
    assert '<option value="justice">Justice</option>' in client.get("/prisoners/").content.decode()
    assert '<option value="justice">Справедливость</option>' in client.get("/ru/prisoners/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        campaign.name_en = "Justice for Zhanaozen"
        campaign.save()
        make_campaign(slug="draft", name="Draft campaign", visibility="draft")
    page = client.get("/prisoners/?campaign=justice").content.decode()
    assert '<option value="justice" selected>Justice for Zhanaozen</option>' in page
    assert "Draft campaign" not in page
    assert client.get("/prisoners/?campaign=draft").status_code == 400
