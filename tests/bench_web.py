"""`make bench`, web part: public pages under gunicorn in production mode, beside a bare Django view.

It fills a database with BENCH_PEOPLE synthetic people (default 10000; `make_synthetic_people`),
starts gunicorn (2 workers, DEBUG off) on loopback with the site and one bare view
(tests/bench_urls.py), drives each address with wrk for BENCH_SECONDS (default 8) at 50
connections, and prints requests/s and the ratio to the bare view, then errors at 200
connections, then the number of database queries per page (cache off) at 10 and at BENCH_PEOPLE
people. Set DATABASE_URL for PostgreSQL (the database is emptied), REDIS_URL for Redis's cache.
"""

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = [
    ("bare view", "/_bench/bare/"),
    ("home", "/"),
    ("list", "/prisoners/"),
    ("filtered list", "/prisoners/?status=imprisoned&region=Almaty"),
    ("profile", "/prisoners/synthetic-00005/"),
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def fill(env, people):
    manage(env, "migrate", "--noinput")
    manage(env, "flush", "--noinput")
    manage(env, "make_synthetic_people", str(people))


def wrk(url, connections, seconds):
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", url], capture_output=True, text=True, check=True
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1])
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    errors = (int(bad[1]) if bad else 0) + (sum(map(int, socket_errors.groups())) if socket_errors else 0)
    return rate, errors


def queries(env):
    """Queries per page with the cache off, from a fresh process on the same database."""
    code = (
        "import django;django.setup()\n"
        "from django.conf import settings;settings.PUBLIC_PAGE_CACHE_SECONDS=0\n"
        "from django.db import connection;from django.test import Client\n"
        "from django.test.utils import CaptureQueriesContext\n"
        f"for _name, address in {PAGES[1:]!r}:\n"
        "    with CaptureQueriesContext(connection) as q:\n"
        "        status = Client(SERVER_NAME='127.0.0.1').get(address).status_code\n"
        "    print(len(q), status)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return [tuple(map(int, line.split())) for line in out.stdout.split("\n") if line]


def main():
    if not shutil.which("wrk"):
        sys.exit("The web bench needs wrk: apt-get install wrk")
    people = int(os.environ.get("BENCH_PEOPLE", "10000"))
    seconds = int(os.environ.get("BENCH_SECONDS", "8"))
    work = Path(tempfile.mkdtemp(prefix="tracker-bench-web-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.bench_settings",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": "bench-only-" + "x" * 50,
        "FIELD_ENCRYPTION_KEYS": "cvhJMJs3qniBbS8pyft4_93dnk3ynE3IYygT43jxYz8=",  # bench-only
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_BEHIND_PROXY": "false",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_ADMIN_REQUIRE_2FA": "true",
        "DJANGO_STATIC_ROOT": str(work / "static"),
        "VAR_DIR": str(work),
    }
    env.setdefault("DATABASE_URL", f"sqlite:///{work / 'bench.sqlite3'}")
    print(
        f"Web bench: {people} synthetic people, {env['DATABASE_URL'].split(':')[0]}, "
        f"cache {'Redis' if env.get('REDIS_URL') else 'local memory'}, load {os.getloadavg()[0]:.2f}"
    )
    manage(env, "collectstatic", "--noinput")
    fill(env, 10)
    few = queries(env)
    fill(env, people)
    many = queries(env)
    port = free_port()
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "config.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        time.sleep(3)
        base = f"http://127.0.0.1:{port}"
        print(f"{'page':<14} {'req/s':>9} {'ratio':>6} {'errors':>6}   queries at 10 / {people}")
        bare = None
        for (name, address), counts in zip(PAGES, [None, *zip(few, many, strict=True)], strict=True):
            wrk(base + address, 10, 2)  # warm the workers and the cache
            rate, errors = wrk(base + address, 50, seconds)
            bare = bare or rate
            shown = f"{counts[0][0]} / {counts[1][0]}" if counts else "-"
            print(f"{name:<14} {rate:>9.0f} {rate / bare:>5.2f}x {errors:>6}   {shown}")
        for name, address in PAGES:
            _rate, errors = wrk(base + address, 200, seconds)
            print(f"200 connections, {name}: {errors} errors")
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
