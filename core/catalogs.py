"""Translation catalogs without GNU gettext.

A fresh machine has no msgfmt or xgettext, so the .po files are compiled with Babel (pure Python) on
`make run` and `make test`, and the check that every interface string is translated extracts the strings
itself: Python files with Babel's extractor, templates through Django's own `templatize()` (what
`makemessages` feeds to xgettext) and then the same extractor. `make messages` (which does need gettext)
remains the way to add new strings to the .po files.

Every directory in LOCALE_PATHS is compiled, each domain's .po (django, djangojs): `locale/` (ours, the
one makemessages writes and the completeness check reads) and `locale_upstream/` (Django's and the
packages' strings their own catalogues leave untranslated, written by hand: docs/languages.md).
"""

import io
from pathlib import Path

from babel.messages.extract import extract
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.conf import settings
from django.utils.translation.template import templatize

# Django's own keywords (see makemessages): the lazy variants and the contexts.
KEYWORDS = {
    "_": None,
    "gettext": None,
    "gettext_lazy": None,
    "gettext_noop": None,
    "ngettext": (1, 2),
    "ngettext_lazy": (1, 2),
    "pgettext": ((1, "c"), 2),
    "pgettext_lazy": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "npgettext_lazy": ((1, "c"), 2, 3),
}
SKIPPED_DIRS = {".venv", "tests", "var", "node_modules", "staticfiles", "locale", ".git"}
TEMPLATE_SUFFIXES = {".html", ".txt"}


def locale_dirs():
    return [Path(path) for path in settings.LOCALE_PATHS]


def locale_dir():
    """Ours: the first of LOCALE_PATHS, where makemessages writes."""
    return locale_dirs()[0]


def translated_languages():
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def po_path(language, directory=None, domain="django"):
    return (directory or locale_dir()) / language / "LC_MESSAGES" / f"{domain}.po"


def po_files():
    """Every catalogue to compile: each directory of LOCALE_PATHS, each language, each domain."""
    return [
        path
        for directory in locale_dirs()
        for language in translated_languages()
        for path in sorted((directory / language / "LC_MESSAGES").glob("*.po"))
    ]


def _read(path):
    with path.open("rb") as f:
        return read_po(f, locale=None)


def read_catalog(language, directory=None, domain="django"):
    return _read(po_path(language, directory, domain))


def _compiled(path):
    out = io.BytesIO()
    write_mo(out, _read(path), use_fuzzy=False)
    return out.getvalue()


def compiled(language):
    """The .mo bytes the language's .po (ours) compiles to (fuzzy entries left out, as msgfmt does)."""
    return _compiled(po_path(language))


def _name(path):
    """locale/ru/django, locale_upstream/kk/djangojs: which catalogue, in a word."""
    return f"{path.parents[2].name}/{path.parents[1].name}/{path.stem}"


def compile_all():
    """Writes every catalogue's .mo when it differs from its .po; returns the catalogues written."""
    written = []
    for path in po_files():
        mo, data = path.with_suffix(".mo"), _compiled(path)
        if not mo.exists() or mo.read_bytes() != data:
            mo.write_bytes(data)
            written.append(_name(path))
    return written


def out_of_step():
    """Catalogues whose .mo is missing or is not what their .po compiles to."""
    return [
        _name(path)
        for path in po_files()
        if not (mo := path.with_suffix(".mo")).exists() or mo.read_bytes() != _compiled(path)
    ]


def _sources(root):
    for path in sorted(root.rglob("*")):
        if SKIPPED_DIRS.intersection(path.relative_to(root).parts) or not path.is_file():
            continue
        if path.suffix == ".py" and "migrations" not in path.parts:
            yield path, path.read_bytes()
        elif path.suffix in TEMPLATE_SUFFIXES and "templates" in path.parts:
            yield path, templatize(path.read_text(encoding="utf-8"), origin=str(path)).encode()


def source_messages(root=None):
    """{(context, msgid): "file:line"} for every string the code and templates mark for translation."""
    root = Path(root or settings.BASE_DIR)
    found = {}
    for path, data in _sources(root):
        for lineno, message, _comments, context in extract("python", io.BytesIO(data), keywords=KEYWORDS):
            msgid = message[0] if isinstance(message, tuple) else message
            if msgid:
                found.setdefault((context, msgid), f"{path.relative_to(root)}:{lineno}")
    return found


def untranslated(language, messages=None):
    """The source strings that `language`'s catalog lacks, leaves empty or marks fuzzy: {key: where}."""
    catalog = read_catalog(language)
    missing = {}
    for (context, msgid), where in (messages or source_messages()).items():
        entry = catalog.get(msgid, context=context)
        strings = (
            entry.string
            if entry is not None and isinstance(entry.string, tuple)
            else ((entry.string,) if entry is not None else ())
        )
        if entry is None or entry.fuzzy or not all(strings):
            missing[(context, msgid)] = where
    return missing


def format_errors(language, directory=None, domain="django"):
    """Translations that drop or change a placeholder of their msgid (Babel's python-format checker)."""
    catalog = read_catalog(language, directory, domain)
    return [(message.id, [str(error) for error in errors]) for message, errors in catalog.check()]
