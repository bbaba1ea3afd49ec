"""The README and docs/ say what is true of this checkout: links, files and commands that exist."""

import re
from pathlib import Path

import pytest
from django.core.management import get_commands

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def _anchor(heading):
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def _anchors(path):
    return {_anchor(line.lstrip("#")) for line in path.read_text().splitlines() if line.startswith("#")}


def test_the_readme_is_a_front_door():
    assert len((ROOT / "README.md").read_text().splitlines()) <= 150


@pytest.mark.parametrize("doc", DOCS, ids=lambda path: path.name)
def test_every_link_leads_somewhere(doc):
    for target in re.findall(r"\]\(([^)\s]+)\)", doc.read_text()):
        if re.match(r"[a-z]+:", target):
            continue
        file_part, _hash, anchor = target.partition("#")
        linked = (doc.parent / file_part).resolve() if file_part else doc
        assert linked.exists(), f"{doc.name} links to {target}, which does not exist"
        if anchor:
            assert anchor in _anchors(linked), f"{doc.name} links to #{anchor}, no such heading in {linked.name}"


@pytest.mark.parametrize("doc", DOCS, ids=lambda path: path.name)
def test_every_file_named_exists(doc):
    named = re.findall(r"`((?:[a-z_.]+/)+[\w.-]+\.(?:py|html|txt|css|svg|json|toml|md|po))`", doc.read_text())
    missing = [path for path in named if "<" not in path and not (ROOT / path).exists()]
    assert missing == []


@pytest.mark.parametrize("doc", DOCS, ids=lambda path: path.name)
def test_every_command_named_exists(doc):
    commands = set(re.findall(r"manage\.py ([a-z_0-9]+)", doc.read_text()))
    assert commands - set(get_commands()) == set()
