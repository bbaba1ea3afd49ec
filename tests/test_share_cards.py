import io
import re
from unittest import mock

import pytest
from PIL import Image

from core import cards
from core.cards import CardText, draw_card
from core.publishing import Visibility
from demands.models import Status as DemandStatus
from prisoners import views as prisoner_views
from prisoners.models import Consent, Prisoner, Status

from .conftest import require_service
from .factories import make_demand, make_person

pytestmark = pytest.mark.django_db


def meta(page, name):
    found = re.search(rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)">', page)
    return found and found[1]


def test_a_persons_card_is_a_1200_by_630_png(visitor):
    make_person(name="Roza Tuletayeva", slug="roza", status=Status.RELEASED)
    response = visitor.get("/prisoners/roza/card.png")
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    with Image.open(io.BytesIO(response.content)) as image:
        assert (image.format, image.size) == ("PNG", (1200, 630))


def test_a_card_may_be_kept_by_shared_caches_for_a_short_while(visitor):
    make_person(slug="roza")
    cache_control = visitor.get("/prisoners/roza/card.png")["Cache-Control"]
    assert "public" in cache_control and "max-age=300" in cache_control


def test_a_demands_card_is_a_png(visitor):
    make_demand(slug="inquiry", title="An independent inquiry")
    response = visitor.get("/demands/inquiry/card.png")
    assert response.status_code == 200 and "public" in response["Cache-Control"]
    with Image.open(io.BytesIO(response.content)) as image:
        assert image.size == (1200, 630)


def test_the_profile_points_at_its_card(visitor, settings):
    settings.SITE_URL = "https://tracker.example"
    make_person(name="Roza Tuletayeva", slug="roza", status=Status.RELEASED)
    page = visitor.get("/prisoners/roza/").content.decode()
    assert meta(page, "og:image") == "https://tracker.example/prisoners/roza/card.png"
    assert meta(page, "twitter:image") == "https://tracker.example/prisoners/roza/card.png"
    assert meta(page, "twitter:card") == "summary_large_image"
    assert meta(page, "og:url") == "https://tracker.example/prisoners/roza/"
    assert meta(page, "og:image:alt") == "Roza Tuletayeva: Released"


def test_the_demand_page_points_at_its_card(visitor, settings):
    settings.SITE_URL = "https://tracker.example"
    make_demand(slug="inquiry", status=DemandStatus.PARTIAL)
    page = visitor.get("/demands/inquiry/").content.decode()
    assert meta(page, "og:image") == "https://tracker.example/demands/inquiry/card.png"
    assert meta(page, "twitter:card") == "summary_large_image"


def test_a_page_without_a_card_keeps_the_small_summary(visitor):
    page = visitor.get("/").content.decode()
    assert meta(page, "twitter:card") == "summary" and meta(page, "og:image") is None


def test_a_draft_persons_card_is_404(visitor):
    make_person(slug="hidden", visibility=Visibility.DRAFT)
    assert visitor.get("/prisoners/hidden/card.png").status_code == 404


def test_a_withdrawn_persons_card_is_404(visitor):
    make_person(slug="gone", consent=Consent.WITHDRAWN)
    assert visitor.get("/prisoners/gone/card.png").status_code == 404


def test_a_draft_demands_card_is_404(visitor):
    make_demand(slug="draft", visibility=Visibility.DRAFT)
    assert visitor.get("/demands/draft/card.png").status_code == 404


@pytest.fixture
def anonymised():
    return make_person(
        name="Aigul Nurlanovna Serikova", slug="aigul-serikova", consent=Consent.ANONYMISED, status=Status.IMPRISONED
    )


def test_an_anonymised_persons_card_is_only_at_the_anonymous_address(visitor, anonymised):
    assert visitor.get("/prisoners/aigul-serikova/card.png").status_code == 404
    assert visitor.get(f"/prisoners/anonymous-{anonymised.pk}/card.png").status_code == 200


def test_an_anonymised_persons_card_is_drawn_from_initials(visitor, anonymised):
    with mock.patch.object(cards, "draw_card", wraps=draw_card) as drawn:
        visitor.get(f"/prisoners/anonymous-{anonymised.pk}/card.png")
    (text,), _ = drawn.call_args
    assert text == CardText(title="A. N. S.", status="Convicted and imprisoned", site="Zhanaozen tracker")


def test_the_card_text_of_an_anonymised_person_has_no_name(anonymised):
    face = Prisoner.objects.published().get(pk=anonymised.pk)
    text = prisoner_views.card_text(face)
    assert "Aigul" not in repr(text) and "Serikova" not in repr(text)


def test_an_anonymised_profile_shares_only_initials(visitor, anonymised):
    page = visitor.get(f"/prisoners/anonymous-{anonymised.pk}/").content.decode()
    head = page.split("</head>")[0]
    assert "Aigul" not in head and "Serikova" not in head and "aigul-serikova" not in head
    assert meta(page, "og:image").endswith(f"/prisoners/anonymous-{anonymised.pk}/card.png")


def test_the_card_follows_its_address_not_the_visitors_browser(visitor):
    make_person(slug="roza", status=Status.RELEASED)
    with mock.patch.object(cards, "draw_card", wraps=draw_card) as drawn:
        visitor.get("/prisoners/roza/card.png", headers={"accept-language": "ru"})
    assert drawn.call_args[0][0].status == "Released"


def test_a_russian_page_shares_a_card_in_russian(visitor, settings):
    require_service(cards._has_font(), "no DejaVu Sans to write Cyrillic (Debian's fonts-dejavu-core)")
    settings.SITE_URL = "https://tracker.example"
    make_person(slug="roza", name="Roza Tuletaeva", name_ru="Роза Тулетаева", status=Status.RELEASED)
    page = visitor.get("/ru/prisoners/roza/").content.decode()
    assert meta(page, "og:image") == "https://tracker.example/ru/prisoners/roza/card.png"
    with mock.patch.object(cards, "draw_card", wraps=draw_card) as drawn:
        assert visitor.get("/ru/prisoners/roza/card.png").status_code == 200
    assert drawn.call_args[0][0] == CardText(title="Роза Тулетаева", status="На свободе", site="Трекер Жанаозена")


def test_without_a_cyrillic_font_the_card_is_drawn_in_english(visitor, monkeypatch):
    monkeypatch.setattr(cards, "FONT_FILE", "no-such-font.ttf")
    make_person(slug="roza", name="Roza Tuletaeva", name_ru="Роза Тулетаева", status=Status.RELEASED)
    with mock.patch.object(cards, "draw_card", wraps=draw_card) as drawn:
        visitor.get("/ru/prisoners/roza/card.png")
    assert drawn.call_args[0][0] == CardText(title="Roza Tuletaeva", status="Released", site="Zhanaozen tracker")


def test_a_card_is_drawn_once_per_text(visitor):
    make_person(slug="roza")
    with mock.patch.object(cards, "draw_card", wraps=draw_card) as drawn:
        first = visitor.get("/prisoners/roza/card.png").content
        assert visitor.get("/prisoners/roza/card.png").content == first
    assert drawn.call_count == 1


def test_a_long_title_is_cut_short_to_fit():
    png = draw_card(CardText(title="word " * 80, status="Outstanding", site="Zhanaozen tracker"))
    with Image.open(io.BytesIO(png)) as image:
        assert image.size == (1200, 630)


def test_a_card_is_drawn_without_system_fonts(monkeypatch):
    monkeypatch.setattr(cards, "FONT_FILE", "no-such-font.ttf")
    png = draw_card(CardText(title="A. N. S.", status="Convicted and imprisoned", site="Zhanaozen tracker"))
    with Image.open(io.BytesIO(png)) as image:
        assert image.size == (1200, 630)
