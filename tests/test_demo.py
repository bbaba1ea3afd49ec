import datetime

import pytest
from django.core.management import call_command

from campaigns.models import KeyDate
from core.models import Campaign, Organisation, Source
from demands.models import Demand
from demo.loader import load_demo
from prisoners.models import Alias, Prisoner, PrisonerStatusChange, TimelineEvent

pytestmark = pytest.mark.django_db

MODELS = (Campaign, KeyDate, Organisation, Demand, Prisoner, Alias, Source, TimelineEvent, PrisonerStatusChange)


def snapshot():
    return {model.__name__: sorted(model.objects.values_list("pk", flat=True)) for model in MODELS} | {
        "updated": sorted(str(t) for t in Prisoner.objects.values_list("updated_at", flat=True))
    }


def test_demo_loader_is_idempotent():
    first = load_demo()
    assert first["people"] >= 6 and first["demands"] >= 8
    before = snapshot()
    assert not any(load_demo().values())
    assert snapshot() == before


def test_demo_loader_keeps_a_campaigners_edit():
    load_demo()
    Prisoner.objects.filter(slug="yerlan-baltabai").update(occupation="Edited by a campaigner")
    load_demo()
    assert Prisoner.objects.get(slug="yerlan-baltabai").occupation == "Edited by a campaigner"


def test_demo_has_the_people_demands_and_dates_from_the_articles():
    load_demo()
    names = set(Prisoner.objects.published().values_list("name", flat=True))
    assert {
        "Erzhan Elshibayev",
        "Yerlan Baltabai",
        "Natalia Sokolova",
        "Roza Tuletaeva",
        "Akzhanat Aminov",
        "Torebek Tolegenov",
    } <= names
    assert list(Prisoner.objects.search("Yerzhan Yelshibaev").values_list("name", flat=True)) == ["Erzhan Elshibayev"]
    assert Demand.objects.published().count() >= 8
    assert set(Demand.objects.values_list("status", flat=True)) >= {"outstanding", "partial", "rejected"}
    assert all(demand.addressees.exists() and demand.sources.exists() for demand in Demand.objects.all())
    assert all(person.sources.exists() for person in Prisoner.objects.all())
    dates = {(k.date.isoformat(), k.recurrence) for k in KeyDate.objects.all()}
    assert {("2011-12-16", "yearly"), ("2011-12-17", "yearly"), ("2011-12-18", "yearly")} <= dates
    assert Prisoner.objects.get(slug="torebek-tolegenov").status == "killed"


def test_demo_dates_arrests_only_as_precisely_as_the_articles_do():
    load_demo()
    arrests = Prisoner.objects.exclude(arrested_on=None).values_list("slug", "arrested_on", "arrested_on_precision")
    assert set(arrests) == {
        ("natalia-sokolova", datetime.date(2011, 4, 1), "month"),  # "in April" 2011 (Jones 2019)
        ("erzhan-elshibayev", datetime.date(2019, 1, 1), "year"),  # "in 2019" (Pirani 2021)
    }
    assert not Prisoner.objects.exclude(facility="").exists()


def test_management_commands_print_what_they_did(capsys, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    settings.DEBUG = True  # pytest-django turns it off; the command is for development only
    call_command("load_demo")
    call_command("load_demo")
    call_command("demo_admin")
    call_command("demo_admin")
    out = capsys.readouterr().out
    assert "created" in out and "already loaded, nothing changed" in out
    passwords = [line.rsplit("password: ", 1)[1] for line in out.splitlines() if "password: " in line]
    assert len(passwords) == 2 and passwords[0] == passwords[1]
    from django.contrib.auth import authenticate
    from django.test import RequestFactory

    # A sign-in always comes with its request: django-axes counts failures by the request's address.
    request = RequestFactory().post("/admin/login/")
    assert authenticate(request, username="admin", password=passwords[0]).is_superuser
