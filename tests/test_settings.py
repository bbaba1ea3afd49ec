import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


TEST_FIELD_KEY = "cvhJMJs3qniBbS8pyft4_93dnk3ynE3IYygT43jxYz8="  # test-only


def manage(*args, **env):
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    full_env = full_env | {"FIELD_ENCRYPTION_KEYS": TEST_FIELD_KEY} | env
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=full_env, capture_output=True, text=True, timeout=120
    )


def test_production_settings_pass_the_deploy_check():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY="x" * 30 + "-a-random-enough-production-secret-key-0123456789",
        DJANGO_ALLOWED_HOSTS="tracker.example.org",
        DJANGO_CLIENT_IP_HEADER="X-Forwarded-For",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_requires_a_second_factor_for_staff_and_development_does_not():
    code = "from django.conf import settings; print(settings.ADMIN_REQUIRE_2FA)"
    production = dict(
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY="x" * 30 + "-a-random-enough-production-secret-key-0123456789",
        DJANGO_ALLOWED_HOSTS="tracker.example.org",
        DJANGO_CLIENT_IP_HEADER="X-Forwarded-For",
    )
    assert manage("shell", "-c", code, **production).stdout.split()[-1] == "True"
    assert manage("shell", "-c", code).stdout.split()[-1] == "False"
    turned_off = manage("check", "--deploy", "--fail-level", "WARNING", DJANGO_ADMIN_REQUIRE_2FA="false", **production)
    assert turned_off.returncode != 0 and "accounts.W001" in turned_off.stderr + turned_off.stdout
    typo = manage("check", DJANGO_ADMIN_REQUIRE_2FA="ture")
    assert typo.returncode != 0 and "DJANGO_ADMIN_REQUIRE_2FA must be true or false" in typo.stderr


def test_production_behind_a_proxy_refuses_to_start_without_the_client_address_header():
    key = "x" * 30 + "-a-random-enough-production-secret-key-0123456789"
    result = manage("check", DJANGO_DEBUG="false", DJANGO_SECRET_KEY=key, DJANGO_ALLOWED_HOSTS="tracker.example.org")
    assert result.returncode != 0 and "DJANGO_CLIENT_IP_HEADER" in result.stderr
    without_proxy = manage(
        "check",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=key,
        DJANGO_ALLOWED_HOSTS="tracker.example.org",
        DJANGO_BEHIND_PROXY="false",
    )
    assert without_proxy.returncode == 0, without_proxy.stderr


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", DJANGO_DEBUG="false")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is required" in result.stderr


def test_a_typo_in_a_boolean_setting_is_refused():
    result = manage("check", DJANGO_DEBUG="flase")
    assert result.returncode != 0 and "DJANGO_DEBUG must be true or false" in result.stderr


def test_email_goes_out_by_smtp_only_when_a_host_is_set():
    code = "from django.conf import settings; print(settings.EMAIL_BACKEND)"
    assert "smtp" in manage("shell", "-c", code, EMAIL_HOST="127.0.0.1").stdout
    assert "console" in manage("shell", "-c", code).stdout


@pytest.mark.django_db
def test_suite_runs_on_postgresql_in_ci(settings):
    from django.db import connection

    if settings.REQUIRE_SERVICES:
        assert connection.vendor == "postgresql"
    else:
        assert connection.vendor in ("sqlite", "postgresql")


def test_a_staff_language_the_site_does_not_have_is_refused():
    result = manage("check", STAFF_DIGEST_LANGUAGE="de")
    assert result.returncode != 0 and "STAFF_DIGEST_LANGUAGE must be one of en, ru, kk" in result.stderr


def _variables_read(path):
    """The environment variables a settings module reads, by name: every call of its env helpers."""
    helpers = {"env", "envbool", "envint", "envlist"}
    names = set()
    statements = [node for node in ast.parse(path.read_text()).body if not isinstance(node, ast.FunctionDef)]
    for node in (inner for statement in statements for inner in ast.walk(statement)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in helpers:
            first = node.args[0]
            assert isinstance(first, ast.Constant), f"{path.name}:{node.lineno} reads a variable by a computed name"
            names.add(first.value)
    return names


def test_every_variable_the_settings_read_is_documented():
    documented = set(re.findall(r"`([A-Z][A-Z0-9_]+)`", (ROOT / "docs/configuration.md").read_text()))
    read = set().union(*(_variables_read(path) for path in (ROOT / "config").glob("*.py")))
    assert {"DJANGO_DEBUG", "DATABASE_URL", "REMINDER_TICK_SECONDS"} <= read
    assert read - documented == set()


def test_settings_make_no_directory_when_read(tmp_path):
    var_dir = tmp_path / "var"
    result = manage("check", VAR_DIR=str(var_dir))
    assert result.returncode == 0, result.stderr
    assert not var_dir.exists()


def test_production_refuses_to_start_without_a_key_for_the_private_fields():
    result = manage(
        "check",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY="x" * 30 + "-a-random-enough-production-secret-key-0123456789",
        DJANGO_ALLOWED_HOSTS="tracker.example.org",
        DJANGO_BEHIND_PROXY="false",
        FIELD_ENCRYPTION_KEYS="",
    )
    assert result.returncode != 0 and "FIELD_ENCRYPTION_KEYS is required" in result.stderr
