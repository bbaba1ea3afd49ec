"""The accountability part of the demo data, loaded by `loader.load_demo` inside its
transaction, after the sources, people and demands it points at. An actor's links are created
with the actor, so a second run changes nothing and a campaigner's edit is never overwritten."""

from accountability.models import Actor, OpenQuestion, Responsibility
from core.models import Campaign, Organisation, Source
from core.publishing import Visibility
from demands.models import Demand
from prisoners.models import Prisoner, TimelineEvent

from . import accountability_data as data
from .data import SOURCES
from .translations import in_russian_and_kazakh


def load_accountability():
    created = {"actors": 0, "responsibility links": 0, "open questions": 0}
    campaign = Campaign.objects.get(slug=data.CAMPAIGN)
    # The English columns by name: a lookup on "title" would read the active language's.
    sources = {key: Source.objects.get(title_en=fields["title"]) for key, fields in SOURCES.items()}
    for fields in data.ACTORS:
        if Actor.objects.filter(slug=fields["slug"]).exists():
            continue
        actor = Actor.objects.create(
            slug=fields["slug"],
            name=fields["name"],
            kind=fields["kind"],
            description=fields["description"],
            organisation=Organisation.objects.filter(slug=fields.get("organisation")).first(),
            visibility=Visibility.PUBLISHED,
        )
        in_russian_and_kazakh(actor)
        created["actors"] += 1
        for link in fields["links"]:
            in_russian_and_kazakh(_link(actor, campaign, sources, link))
            created["responsibility links"] += 1
    for position, (question, description) in enumerate(data.OPEN_QUESTIONS):
        open_question, new = OpenQuestion.objects.get_or_create(
            campaign=campaign,
            question_en=question,
            defaults={
                "question": question,
                "description": description,
                "position": position,
                "visibility": Visibility.PUBLISHED,
            },
        )
        if new:
            open_question.sources.add(sources["pirani"])
            in_russian_and_kazakh(open_question)
        created["open questions"] += new
    return created


def _link(actor, campaign, sources, fields):
    person = Prisoner.objects.filter(slug=fields["person"]).first() if "person" in fields else None
    event = (
        TimelineEvent.objects.filter(prisoner=person, title_en=fields["event"]).first() if "event" in fields else None
    )
    link = Responsibility.objects.create(
        actor=actor,
        campaign=campaign,
        role=fields["role"],
        grade=fields["grade"],
        what=fields["what"],
        description=fields.get("description", ""),
        prisoner=person,
        event=event,
        demand=Demand.objects.filter(slug=fields.get("demand")).first(),
        visibility=Visibility.PUBLISHED,
    )
    link.sources.set(sources[key] for key in fields["sources"])
    return link
