"""The interface catalogs: complete, compiled, and right in the forms Russian and Kazakh need."""

import pytest
from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation import ngettext

from core import catalogs

LANGUAGES = catalogs.translated_languages()


@pytest.fixture(scope="module")
def messages():
    return catalogs.source_messages()


def test_both_languages_have_catalogs():
    assert LANGUAGES == ["ru", "kk"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_interface_string_is_translated(language, messages):
    missing = catalogs.untranslated(language, messages)
    listing = "\n".join(f"  {where}: {msgid!r}" for (_ctx, msgid), where in list(missing.items())[:30])
    assert not missing, (
        f"{len(missing)} strings lack a {language} translation (make messages, then translate):\n{listing}"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_every_placeholder(language):
    assert catalogs.format_errors(language) == []


def test_compiled_catalogs_are_in_step_with_the_po_files():
    assert catalogs.out_of_step() == [], "run `make translations` (make run and make test do it)"


def test_extraction_finds_template_and_python_strings(messages):
    keys = {msgid for _ctx, msgid in messages}
    assert "Skip to content" in keys  # templates/base.html
    assert "The arrest date is in the future." in keys  # prisoners/models.py


@pytest.mark.parametrize(("n", "expected"), [(1, "1 год"), (2, "2 года"), (5, "5 лет"), (11, "11 лет"), (21, "21 год")])
def test_russian_has_three_plural_forms(n, expected):
    with translation.override("ru"):
        assert ngettext("%(years)s year", "%(years)s years", n) % {"years": n} == expected


@pytest.mark.parametrize(("n", "expected"), [(1, "1 жылдығы"), (5, "5 жылдығы")])  # an anniversary tag
def test_kazakh_keeps_the_noun_singular_after_a_number(n, expected):
    with translation.override("kk"):
        assert ngettext("%(years)s year", "%(years)s years", n) % {"years": n} == expected


@pytest.mark.parametrize("language", LANGUAGES)
def test_numbers_are_grouped_the_local_way(language, settings):
    settings.USE_THOUSAND_SEPARATOR = True
    with translation.override(language):
        assert number_format(10000) == "10\xa0000"
