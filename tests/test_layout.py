"""The layout: migrations that moved models kept every row, and the layers hold."""

import ast
import json
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor

from core.text import search_key

from .conftest import EDITOR_GROUP

ROOT = Path(__file__).resolve().parent.parent
# A database as it stood before the core and outreach apps: these migrations, the demo data, a
# subscriber, a delivery and a digest, dumped from it with `dumpdata` (tests/data/before_layout.json).
BEFORE = [("campaigns", "0004_reminders"), ("prisoners", "0002_reminders"), ("demands", "0001_initial")]
PROJECT_APPS = ["outreach", "campaigns", "demands", "prisoners", "core"]
NOW_AT = {  # where each model of the old dump lives now
    "campaigns.campaign": "core.Campaign",
    "campaigns.organisation": "core.Organisation",
    "prisoners.source": "core.Source",
    "campaigns.subscriber": "outreach.Subscriber",
    "campaigns.delivery": "outreach.Delivery",
    "campaigns.staffdigest": "outreach.StaffDigest",
}


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader


def _load(old_apps, objects):
    """Write the dump through the historical models, as the old code would have stored it."""
    with transaction.atomic():  # foreign keys are checked at the commit, whatever the order of rows
        links = []
        for obj in objects:
            model = old_apps.get_model(obj["model"])
            values = {}
            for name, value in obj["fields"].items():
                field = model._meta.get_field(name)
                if field.many_to_many:
                    links.append((model, obj["pk"], name, value))
                else:
                    values[field.attname] = value
            model(pk=obj["pk"], **values).save_base(raw=True)
        for model, pk, name, value in links:
            getattr(model.objects.get(pk=pk), name).set(value)


@pytest.mark.django_db(transaction=True)
def test_moving_models_to_core_and_outreach_keeps_every_row_and_link():
    objects = json.loads((ROOT / "tests/data/before_layout.json").read_text())
    _migrate([(app, None) for app in PROJECT_APPS])
    loader = _migrate(BEFORE)
    _load(loader.project_state(BEFORE).apps, objects)

    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    for obj in objects:
        model = apps.get_model(NOW_AT.get(obj["model"], obj["model"]))
        row = model.objects.get(pk=obj["pk"])
        for name, value in obj["fields"].items():
            field = model._meta.get_field(name)
            if field.many_to_many:
                assert sorted(getattr(row, name).values_list("pk", flat=True)) == sorted(value), (obj["model"], name)
            elif name == "search_key":
                assert getattr(row, name) == search_key(obj["fields"]["name"], obj["fields"].get("native_name", ""))
            else:
                assert getattr(row, field.attname) == field.to_python(value), (obj["model"], name)
    assert sum(1 for _ in objects) == sum(
        apps.get_model(NOW_AT.get(label, label)).objects.count() for label in {obj["model"] for obj in objects}
    )
    # Content types moved with their models, so the editors' permissions still apply to them.
    editor_permissions = Group.objects.get(name=EDITOR_GROUP).permissions
    assert editor_permissions.filter(content_type__app_label="core", codename="change_campaign").exists()
    assert editor_permissions.filter(content_type__app_label="core", codename="change_source").exists()
    assert not editor_permissions.filter(content_type__app_label="campaigns", codename="change_campaign").exists()


def _lint_imports(tree):
    return subprocess.run(
        [str(Path(sys.executable).parent / "lint-imports"), "--no-cache"],
        cwd=tree,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _layers():
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]
    (layers,) = (contract["layers"] for contract in contracts if contract["type"] == "layers")
    return [{app.strip() for app in layer.split("|")} for layer in layers]


def _apps_on_disk(root):
    return {path.parent.name for path in root.glob("*/__init__.py")} - {"tests"}


@pytest.fixture
def tree_copy(tmp_path):
    """The project's code and lint settings, in a place where a test may break them."""
    for name in _apps_on_disk(ROOT):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    return tmp_path


LAYERS = "Layers: the site's pages over the channels over the record over the core"


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("prisoners/views.py", "from demands.models import Demand", LAYERS),
        ("core/models.py", "from prisoners.models import Prisoner", LAYERS),
        ("core/admin_base.py", "from accounts import two_factor", LAYERS),
        ("campaigns/models.py", "from outreach.models import Subscriber", LAYERS),
        ("outreach/views.py", "from accountability.models import Actor", LAYERS),
        ("api/exports.py", "from reports.models import Report", LAYERS),
        ("outreach/subscriptions.py", "from . import tasks", "No import cycles"),
    ],
)
def test_lint_refuses_an_import_against_the_layers(tree_copy, module, line, contract):
    assert _lint_imports(tree_copy).returncode == 0
    with open(tree_copy / module, "a") as source:
        source.write(f"\n{line}  # noqa\n")
    result = _lint_imports(tree_copy)
    assert result.returncode != 0
    assert f"{contract}" in result.stdout and "BROKEN" in result.stdout


def test_every_app_has_its_place_in_the_layers_and_says_what_it_owns():
    placed = set().union(*_layers())
    assert placed == _apps_on_disk(ROOT)
    root_packages = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["root_packages"]
    assert set(root_packages) == placed
    for app in placed:
        docstring = ast.get_docstring(ast.parse((ROOT / app / "__init__.py").read_text()))
        assert docstring, f"{app}/__init__.py says nothing of what the app owns"


@pytest.mark.django_db(transaction=True)
def test_a_record_published_before_the_archive_migration_stays_protected():
    before = [("prisoners", "0004_source_in_core"), ("auditlog", "0017_add_actor_email")]
    _migrate([(app, None) for app in PROJECT_APPS])
    old = _migrate(before).project_state(before).apps
    Prisoner = old.get_model("prisoners", "Prisoner")
    once, never, now = (
        Prisoner.objects.create(name=name, slug=name, visibility=visibility, search_key=name)
        for name, visibility in (("once", "draft"), ("never", "draft"), ("now", "published"))
    )
    content_type = old.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label="prisoners", model="prisoner"
    )[0]
    old.get_model("auditlog", "LogEntry").objects.create(
        content_type=content_type,
        object_pk=str(once.pk),
        object_repr="once",
        action=1,
        changes={"visibility": ["draft", "published"]},
    )

    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    current = apps.get_model("prisoners", "Prisoner")
    assert {p.slug: p.was_public for p in current.objects.all()} == {"once": True, "never": False, "now": True}
