"""Every gunicorn worker tells the same truth: a person taken down in one process is gone from every
worker's answers within two seconds, with no Redis (each worker caching pages in its own memory)."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.services


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _status(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as answer:  # noqa: S310 (loopback, our own server)
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def _manage(env, *args, stdin=None):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, input=stdin, text=True, capture_output=True, check=True
    )


@pytest.fixture
def production_site(tmp_path):
    """gunicorn with three workers in production mode on its own SQLite file, no Redis."""
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))},
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": "workers-test-" + "x" * 50,
        "FIELD_ENCRYPTION_KEYS": "cvhJMJs3qniBbS8pyft4_93dnk3ynE3IYygT43jxYz8=",  # test-only
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_BEHIND_PROXY": "false",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_STATIC_ROOT": str(tmp_path / "static"),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'site.sqlite3'}",
        "VAR_DIR": str(tmp_path / "var"),
        "PUBLIC_PAGE_CACHE_SECONDS": "600",
    }
    _manage(env, "migrate", "--noinput")
    _manage(env, "collectstatic", "--noinput")
    make = (
        "from core.status import record_initial_status\n"
        "from core.models import Source\n"
        "from prisoners.models import Prisoner\n"
        "source = Source.objects.create(title='Report')\n"
        "for name, slug in (('Aigul Sample', 'aigul-sample'), ('Berik Example', 'berik-example')):\n"
        "    p = Prisoner.objects.create(name=name, slug=slug, visibility='published')\n"
        "    record_initial_status(p, source=source)\n"
    )
    _manage(env, "shell", "-c", make)
    port = _free_port()
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    server = subprocess.Popen(
        [gunicorn, "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "3", "--log-level", "warning"],
        cwd=ROOT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{base}/robots.txt", timeout=1)  # noqa: S310
            break
        except OSError:
            time.sleep(0.1)
    yield env, base
    server.terminate()
    server.wait(timeout=10)


def test_a_person_taken_down_in_another_process_is_gone_from_every_worker_within_two_seconds(production_site):
    env, base = production_site
    # Enough requests that every worker has the pages, and the list, in its own cache.
    for _ in range(30):
        assert _status(f"{base}/prisoners/aigul-sample/")[0] == 200
        assert _status(f"{base}/prisoners/berik-example/")[0] == 200
        assert "Aigul Sample" in _status(f"{base}/prisoners/")[1]
    change = (
        "from prisoners.models import Prisoner\n"
        "Prisoner.objects.filter(slug='aigul-sample').unpublish('Risk')\n"
        "berik = Prisoner.objects.get(slug='berik-example')\n"
        "berik.consent = 'anonymised'\n"
        "berik.save()\n"
    )
    _manage(env, "shell", "-c", change)
    time.sleep(2)
    for _ in range(30):
        status, body = _status(f"{base}/prisoners/aigul-sample/")
        assert status == 410 and "Aigul" not in body
        status, body = _status(f"{base}/prisoners/berik-example/")
        assert status == 404 and "Berik" not in body
        listed = _status(f"{base}/prisoners/")[1]
        assert "Aigul Sample" not in listed and "Berik Example" not in listed and "B. E." in listed
