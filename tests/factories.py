"""Small builders for test records. Every record is published unless a test says otherwise."""

import datetime
import itertools

from actions.models import Action, Addressee
from campaigns.models import KeyDate
from core.models import Campaign, Organisation, Source
from core.publishing import Visibility
from core.status import record_initial_status
from demands.models import Demand
from prisoners.models import Alias, Prisoner, Sentence, TimelineEvent

_n = itertools.count(1)


def cited_source():
    """The source test facts cite unless a test says otherwise: every public fact cites one."""
    source, _new = Source.objects.get_or_create(
        title_en="Test report",
        defaults={"title_ru": "Тестовый отчёт", "title_kk": "Сынақ есебі", "url": "https://example.org/test"},
    )
    return source


def make_source(**fields):
    n = next(_n)
    fields.setdefault("title", f"Report {n}")
    fields.setdefault("url", f"https://example.org/report-{n}")
    return Source.objects.create(**fields)


def make_organisation(**fields):
    n = next(_n)
    fields.setdefault("name", f"Organisation {n}")
    fields.setdefault("slug", f"organisation-{n}")
    return Organisation.objects.create(**fields)


def make_campaign(**fields):
    n = next(_n)
    fields.setdefault("name", f"Campaign {n}")
    fields.setdefault("slug", f"campaign-{n}")
    fields.setdefault("summary", "A campaign for justice.")
    fields.setdefault("visibility", Visibility.PUBLISHED)
    return Campaign.objects.create(**fields)


def make_person(aliases=(), campaign=None, **fields):
    n = next(_n)
    fields.setdefault("name", f"Person Number{n}")
    fields.setdefault("slug", f"person-{n}")
    fields.setdefault("visibility", Visibility.PUBLISHED)
    person = Prisoner.objects.create(**fields)
    record_initial_status(person, source=cited_source())
    for alias in aliases:
        Alias.objects.create(prisoner=person, name=alias)
    if campaign:
        person.campaigns.add(campaign)
    return person


def make_sentence(person, sources=None, **fields):
    fields.setdefault("kind", Sentence.Kind.IMPRISONMENT)
    sentence = Sentence.objects.create(prisoner=person, **fields)
    sentence.sources.set([cited_source()] if sources is None else sources)
    return sentence


def make_event(person, sources=None, **fields):
    fields.setdefault("date", datetime.date(2020, 1, 1))
    fields.setdefault("title", "Transferred")
    event = TimelineEvent.objects.create(prisoner=person, **fields)
    event.sources.set([cited_source()] if sources is None else sources)
    return event


def make_demand(campaign=None, people=(), addressees=(), **fields):
    n = next(_n)
    fields.setdefault("title", f"Demand {n}")
    fields.setdefault("slug", f"demand-{n}")
    fields.setdefault("summary", "What we ask.")
    fields.setdefault("visibility", Visibility.PUBLISHED)
    demand = Demand.objects.create(campaign=campaign or make_campaign(), **fields)
    record_initial_status(demand, source=cited_source())
    demand.prisoners.set(people)
    demand.addressees.set(addressees)
    return demand


def make_key_date(campaign=None, **fields):
    fields.setdefault("title", "Anniversary")
    fields.setdefault("date", datetime.date(2011, 12, 16))
    fields.setdefault("recurrence", KeyDate.Recurrence.YEARLY)
    fields.setdefault("visibility", Visibility.PUBLISHED)
    return KeyDate.objects.create(campaign=campaign or make_campaign(), **fields)


def make_addressee(**fields):
    n = next(_n)
    fields.setdefault("name", f"Office {n}")
    fields.setdefault("name_ru", f"Ведомство {n}")
    fields.setdefault("name_kk", f"Мекеме {n}")
    fields.setdefault("email", f"office-{n}@example.org")
    fields.setdefault("postal_address", "1 Example Street, Astana")
    return Addressee.objects.create(**fields)


def make_action(campaign=None, people=(), demands=(), addressees=None, **fields):
    """An open, published letter action in three languages, from 1 December to 15 December 2026."""
    n = next(_n)
    fields.setdefault("title", f"Write to the prosecutor {n}")
    fields.setdefault("title_ru", f"Напишите прокурору {n}")
    fields.setdefault("title_kk", f"Прокурорға жазыңыз {n}")
    fields.setdefault("slug", f"action-{n}")
    fields.setdefault("summary", "Ask for an independent investigation.")
    fields.setdefault("summary_ru", "Потребуйте независимого расследования.")
    fields.setdefault("summary_kk", "Тәуелсіз тергеуді талап етіңіз.")
    fields.setdefault("steps", "Copy the message.\nSend it before the deadline.")
    fields.setdefault("steps_ru", "Скопируйте письмо.\nОтправьте его до срока.")
    fields.setdefault("steps_kk", "Хатты көшіріңіз.\nОны мерзімге дейін жіберіңіз.")
    fields.setdefault("message_subject", "An independent investigation")
    fields.setdefault("message_subject_ru", "Независимое расследование")
    fields.setdefault("message_subject_kk", "Тәуелсіз тергеу")
    fields.setdefault("salutation", "Dear Prosecutor General,")
    fields.setdefault("salutation_ru", "Уважаемый Генеральный прокурор!")
    fields.setdefault("salutation_kk", "Құрметті Бас прокурор!")
    fields.setdefault("message", "I ask you to open an independent investigation.")
    fields.setdefault("message_ru", "Прошу вас начать независимое расследование.")
    fields.setdefault("message_kk", "Тәуелсіз тергеу бастауыңызды сұраймын.")
    fields.setdefault("write_in", "ru")
    fields.setdefault("starts_on", datetime.date(2026, 12, 1))
    fields.setdefault("deadline", datetime.date(2026, 12, 15))
    fields.setdefault("visibility", Visibility.PUBLISHED)
    action = Action.objects.create(campaign=campaign or make_campaign(), **fields)
    action.prisoners.set(people)
    action.demands.set(demands)
    action.addressees.set([make_addressee()] if addressees is None else addressees)
    return action
