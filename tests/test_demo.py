import datetime

import pytest
import time_machine
from django.core.management import call_command

from actions.models import Action, Addressee, Participation
from campaigns.models import KeyDate
from core.dates import local_today
from core.models import Campaign, Organisation, Source
from demands.models import Demand
from demo.actions import next_deadline
from demo.loader import load_demo
from prisoners.models import Alias, Prisoner, PrisonerStatusChange, TimelineEvent

pytestmark = pytest.mark.django_db

MODELS = (
    Campaign,
    KeyDate,
    Organisation,
    Demand,
    Prisoner,
    Alias,
    Source,
    TimelineEvent,
    PrisonerStatusChange,
    Action,
    Addressee,
)


def snapshot():
    return {model.__name__: sorted(model.objects.values_list("pk", flat=True)) for model in MODELS} | {
        "updated": sorted(str(t) for t in Prisoner.objects.values_list("updated_at", flat=True)),
        "actions": list(Action.objects.values()),
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


# The demo's action ------------------------------------------------------------------------------------------

DEMO_ACTION = "write-to-the-prosecutor-general-before-16-december"


def test_the_demo_has_an_open_action_with_a_future_deadline_in_three_languages():
    load_demo()
    action = Action.objects.published().current().get(slug=DEMO_ACTION)
    today = local_today(action.campaign.timezone)
    assert (action.deadline.month, action.deadline.day) == (12, 15)
    assert today + datetime.timedelta(days=3) <= action.deadline < today + datetime.timedelta(days=369)
    assert action.starts_on < today and action.write_in == "ru" and action.kind == "letter"
    for field in ("title", "summary", "steps", "message_subject", "salutation", "message"):
        english, russian, kazakh = (getattr(action, f"{field}_{code}") for code in ("en", "ru", "kk"))
        assert english and russian and kazakh and len({english, russian, kazakh}) == 3, field
    assert set("әғқңөұүі") & set(action.message_kk.lower())  # Kazakh, in its own Cyrillic letters
    assert "Yerlan Baltabai" in action.message_en and "Ерлана Балтабая" in action.message_ru
    assert "Ержан Елшібаевты" in action.message_kk and "16 декабря" in action.message_ru
    assert {p.slug for p in action.prisoners.all()} == {"yerlan-baltabai", "erzhan-elshibayev"}
    assert {d.slug for d in action.demands.all()} == {
        "independent-international-commission",
        "release-yerlan-baltabai",
        "release-erzhan-elshibayev",
    }
    assert action.key_date.title_en == "Anniversary of the Zhanaozen massacre"
    assert action.campaign.slug == "justice-for-zhanaozen" and action.sources.count() == 2
    assert not Participation.objects.exists()  # counts come from real clicks only
    assert not Action.objects.closed().exists()  # the articles report no outcome of such an appeal


def test_the_demo_s_addressee_has_only_what_the_articles_give():
    load_demo()
    (office,) = Action.objects.get(slug=DEMO_ACTION).addressees.all()
    assert office.name_en == "Prosecutor General's Office of the Republic of Kazakhstan"
    assert office.name_ru == "Генеральная прокуратура Республики Казахстан"
    assert office.name_kk == "Қазақстан Республикасының Бас прокуратурасы"
    # The articles give no contact: none is invented.
    assert not any((office.email, office.phone, office.web_form, office.public_account, office.postal_address))


@pytest.mark.parametrize(
    ("today", "deadline"),
    [
        (datetime.date(2026, 3, 1), datetime.date(2026, 12, 15)),
        (datetime.date(2026, 12, 12), datetime.date(2026, 12, 15)),  # three days left
        (datetime.date(2026, 12, 13), datetime.date(2027, 12, 15)),  # too late for this year's
        (datetime.date(2026, 12, 31), datetime.date(2027, 12, 15)),
    ],
)
def test_the_demo_deadline_is_the_next_15_december_at_least_three_days_ahead(today, deadline):
    assert next_deadline(today) == deadline


def test_a_passed_demo_deadline_moves_to_the_next_and_nothing_else_changes():
    with time_machine.travel(datetime.datetime(2026, 12, 1, 6, tzinfo=datetime.UTC)):
        load_demo()
    action = Action.objects.get(slug=DEMO_ACTION)
    assert (action.starts_on, action.deadline) == (datetime.date(2026, 11, 28), datetime.date(2026, 12, 15))
    before = snapshot()
    with time_machine.travel(datetime.datetime(2027, 3, 1, 6, tzinfo=datetime.UTC)):
        assert load_demo()["action deadlines moved"] == 1
        assert Action.objects.current().filter(slug=DEMO_ACTION).exists()
        assert not any(load_demo().values())  # moved once
    after = snapshot()
    moved = Action.objects.get(slug=DEMO_ACTION)
    assert (moved.starts_on, moved.deadline) == (datetime.date(2026, 11, 28), datetime.date(2027, 12, 15))
    assert moved.closes_at > datetime.datetime(2027, 12, 15, tzinfo=datetime.UTC)
    changed = {key for key in before["actions"][0] if before["actions"][0][key] != after["actions"][0][key]}
    assert changed == {"deadline", "closes_at", "updated_at"}
    assert {key: value for key, value in before.items() if key != "actions"} == {
        key: value for key, value in after.items() if key != "actions"
    }


def test_a_demo_action_the_campaigners_closed_stays_closed():
    with time_machine.travel(datetime.datetime(2026, 12, 1, 6, tzinfo=datetime.UTC)):
        load_demo()
    Action.objects.filter(slug=DEMO_ACTION).update(status=Action.Status.CLOSED)
    with time_machine.travel(datetime.datetime(2027, 3, 1, 6, tzinfo=datetime.UTC)):
        assert not any(load_demo().values())
    assert Action.objects.get(slug=DEMO_ACTION).deadline == datetime.date(2026, 12, 15)


def test_the_command_says_when_it_moved_a_deadline(capsys):
    with time_machine.travel(datetime.datetime(2026, 12, 1, 6, tzinfo=datetime.UTC)):
        call_command("load_demo")
    with time_machine.travel(datetime.datetime(2027, 3, 1, 6, tzinfo=datetime.UTC)):
        call_command("load_demo")
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("Demo data: created ") and out[0].endswith(", 1 addressees, 1 actions.")
    assert out[1:] == ["Demo data: gave 1 open action(s) whose deadline had passed the next deadline."]
