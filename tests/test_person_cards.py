"""The people list's card, joined in Python (prisoners/templatetags/person_cards.py), is the markup the
template gave, escaped alike, in every language."""

import pytest
from django.core.files.base import ContentFile
from django.template import Context, Template
from django.utils import translation

from prisoners.models import Consent, Prisoner, Status
from prisoners.templatetags.person_cards import person_card

from .factories import make_organisation, make_person, make_sentence

pytestmark = pytest.mark.django_db

TEMPLATE = """{% load i18n languages dates %}<li class="card">
    {% if person.photo %}<img src="{{ person.photo.url }}" alt="{% blocktranslate with name=person.name %}Photo of {{ name }}{% endblocktranslate %}" width="96" height="96" loading="lazy">{% endif %}
    <div>
      <h2><a href="{{ person.get_absolute_url }}">{{ person.name }}</a></h2>
      {% if person.native_name %}<p class="muted"{% if person.native_name_language %} lang="{{ person.native_name_language }}"{% endif %}>{{ person.native_name }}</p>{% endif %}
      <p><span class="status status-{{ person.status }}">{{ person.get_status_display }}</span>
      {% if person.arrested_on %} · {% translate "arrested" %} {% when person "arrested_on" short=True %}{% endif %}
      {% if person.expected_release %} · {% translate "expected release" %} {% partial person.expected_release person.expected_release_precision short=True %}{% endif %}</p>
      {% if person.summary %}<p>{% translated person "summary" %}</p>{% endif %}
      {% if person.affiliation %}<p class="muted">{{ person.affiliation.name }}</p>{% endif %}
    </div>
  </li>"""  # noqa: E501


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_a_card_is_the_templates_markup_with_hostile_text_escaped(settings, tmp_path, language):
    settings.MEDIA_ROOT = tmp_path
    named = make_person(
        name='O\'Brien <b>&"x"',
        native_name="Әлия <i>",
        summary='A & B <i>"q"</i> [[withheld]]',
        summary_ru="Кратко <b>",
        status=Status.IMPRISONED,
        arrested_on="2011-12-17",
        affiliation=make_organisation(name="Union <script>"),
    )
    make_sentence(named, years=7, handed_down_on="2012-06-04")
    named.photo.save("face.jpg", ContentFile(b"\xff\xd8\xff"), save=True)
    make_person(name="Roza Tuletaeva", consent=Consent.ANONYMISED, summary="Teacher")
    with translation.override(language):
        people = Prisoner.objects.published().in_brief().select_related("affiliation").with_public("sentences")
        for person in people:
            assert str(person_card(person)) == Template(TEMPLATE).render(Context({"person": person}))
    page = person_card(people[0])
    assert "&lt;b&gt;" in page and "<b>" not in page and "<script>" not in page and "[[" not in page
