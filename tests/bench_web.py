"""`make bench`, web part: the public pages under gunicorn in production mode, as the record grows,
each figure a ratio to the smallest Django app (tests/bench_minimal.py) under the same gunicorn.

For each size in BENCH_SIZES (default 10,10000,100000 synthetic people, `make_synthetic_people`), it
fills the database, then serves the site twice, page cache on and page cache off, with gunicorn
(2 workers, DEBUG off) on loopback, and drives each page with wrk at 50 connections for
BENCH_SECONDS (default 5), after a second to warm up. The searches ask for a different surname on
each request (one letter wrong in the second), so that the cache cannot answer them. It prints:

- requests/s of each page and its ratio to the minimal app measured in the same round;
- growth: what a request costs at each size over what it costs at the smallest, each measured against
  the minimal app of its own round (1/ratio), so that the machine's drift between rounds cancels out;
- errors at 200 connections (cache on), queries per page (cache off) and the workers' memory.

DATABASE_URL chooses PostgreSQL (the database is emptied); REDIS_URL the Redis cache. Loopback only.
"""

import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from demo.synthetic import synthetic_name  # noqa: E402

PAGES = [
    ("home", "/"),
    ("list", "/prisoners/"),
    ("filtered list", "/prisoners/?status=imprisoned&region=Almaty"),
    ("profile", "/prisoners/synthetic-00005/"),
    ("demand", "/demands/synthetic-demand/"),
    ("campaign", "/campaigns/synthetic-campaign/"),
    ("search, new word", "search"),
    ("search, one letter off", "typo"),
    ("statistics", "/statistics/"),
    ("feed", "/feed/"),
    ("API list", "/api/people/"),
]
UNLIMITED = "1000000/s"  # one loopback address asks for everything: the per-visitor limits would answer 429


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


SETTLE = (
    "from django.db import connection\n"
    "if connection.vendor == 'postgresql':\n"
    "    connection.cursor().execute('VACUUM ANALYZE')\n"
)


def fill(env, people):
    manage(env, "migrate", "--noinput")
    manage(env, "flush", "--noinput")
    manage(env, "make_synthetic_people", str(people))
    # PostgreSQL's autovacuum would otherwise visit the new rows during the measurements (at 100,000
    # people it took a third of a page's rate, even of a page that reads no table).
    manage(env, "shell", "-c", SETTLE)


def search_script(work, people, typo):
    """A wrk script asking for a random surname of the record on each request (one letter changed)."""
    picks = random.Random(people).sample(range(1, people + 1), min(people, 20000))
    surnames = [synthetic_name(n).split()[1] for n in picks]
    if typo:
        surnames = [name[:2] + ("x" if name[2] != "x" else "y") + name[3:] for name in surnames]
    script = work / f"search-{people}-{int(typo)}.lua"
    names = ",".join(f'"{name}"' for name in surnames)
    script.write_text(
        f"local names = {{{names}}}\n"
        "request = function()\n"
        '  return wrk.format(nil, "/prisoners/?q=" .. names[math.random(#names)])\n'
        "end\n"
    )
    return script


def wrk(base, address, connections, seconds, script=None):
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s"]
    if script:
        command += ["-s", str(script)]
    out = subprocess.run([*command, base + address], capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1])
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    errors = (int(bad[1]) if bad else 0) + (sum(map(int, socket_errors.groups())) if socket_errors else 0)
    return rate, errors


class Server:
    """gunicorn with 2 workers on a free loopback port."""

    def __init__(self, env, module="config.wsgi"):
        self.port = free_port()
        self.process = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "gunicorn"),
                module,
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "2",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
        )
        self.base = f"http://127.0.0.1:{self.port}"
        for _attempt in range(100):
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    break
            except OSError:
                time.sleep(0.1)
        time.sleep(1)

    def memory_mib(self):
        """The resident memory of the workers (the arbiter's children), in MiB, the largest one."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
        sizes = []
        for pid in children:
            status = Path(f"/proc/{pid}/status").read_text()
            sizes.append(int(re.search(r"VmRSS:\s+(\d+) kB", status)[1]) / 1024)
        return max(sizes, default=0)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


def queries(env):
    """Queries per page with the cache off, from a fresh process on the same database: the second
    request's (the first also computes the figures of this version of the record)."""
    addresses = [address for _name, address in PAGES if address.startswith("/")]
    code = (
        "import django;django.setup()\n"
        "from django.conf import settings;settings.PUBLIC_PAGE_CACHE_SECONDS=0\n"
        "from django.db import connection;from django.test import Client\n"
        "from django.test.utils import CaptureQueriesContext\n"
        f"for address in {addresses!r}:\n"
        "    Client(SERVER_NAME='127.0.0.1').get(address)\n"
        "    with CaptureQueriesContext(connection) as q:\n"
        "        status = Client(SERVER_NAME='127.0.0.1').get(address).status_code\n"
        "    assert status == 200, (address, status)\n"
        "    print(address, len(q))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return dict(line.split() for line in out.stdout.splitlines() if line)


def measure(site, minimal, scripts, seconds):
    """{page: (requests/s, errors)} and the minimal app's requests/s, taken in one round."""
    wrk(minimal.base, "/", 10, 1)
    baseline, _errors = wrk(minimal.base, "/", 50, seconds)
    rates = {}
    for name, address in PAGES:
        script = scripts.get(address)
        path = "/" if script else address
        wrk(site.base, path, 10, 1, script)  # warm the workers (and the cache)
        rates[name] = wrk(site.base, path, 50, seconds, script)
    return rates, baseline


def main():
    if not shutil.which("wrk"):
        sys.exit("The web bench needs wrk: apt-get install wrk")
    sizes = [int(size) for size in os.environ.get("BENCH_SIZES", "10,10000,100000").split(",")]
    seconds = int(os.environ.get("BENCH_SECONDS", "5"))
    work = Path(tempfile.mkdtemp(prefix="tracker-bench-web-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": "bench-only-" + "x" * 50,
        "FIELD_ENCRYPTION_KEYS": "cvhJMJs3qniBbS8pyft4_93dnk3ynE3IYygT43jxYz8=",  # bench-only
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_BEHIND_PROXY": "false",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_ADMIN_REQUIRE_2FA": "true",
        "DJANGO_STATIC_ROOT": str(work / "static"),
        "VAR_DIR": str(work),
        "SEARCH_RATE_PER_IP": UNLIMITED,
        "API_RATE_PER_IP": UNLIMITED,
        "LOG_LEVEL": "WARNING",
    }
    env.setdefault("DATABASE_URL", f"sqlite:///{work / 'bench.sqlite3'}")
    database = env["DATABASE_URL"].split(":")[0]
    cache = "Redis" if env.get("REDIS_URL") else "local memory"
    print(f"Web bench: {database}, cache {cache}, sizes {sizes}, {seconds} s a page, load {os.getloadavg()[0]:.2f}")
    manage(env, "collectstatic", "--noinput")
    minimal = Server({**env, "DJANGO_SETTINGS_MODULE": "tests.bench_minimal"})
    results = {}  # (size, cache on) -> ({page: (rate, errors)}, baseline rate)
    extras = {}
    try:
        for size in sizes:
            started = time.monotonic()
            fill(env, size)
            print(f"\n{size:,} people: filled in {time.monotonic() - started:.0f} s")
            scripts = {"search": search_script(work, size, typo=False), "typo": search_script(work, size, typo=True)}
            counts = queries(env)
            for cached in (True, False):
                site = Server({**env, "PUBLIC_PAGE_CACHE_SECONDS": "600" if cached else "0"})
                try:
                    results[size, cached] = measure(site, minimal, scripts, seconds)
                    if cached:
                        crowd = {name: wrk(site.base, address, 200, seconds)[1] for name, address in PAGES[1:4]}
                    memory = site.memory_mib()
                finally:
                    site.stop()
                rates, baseline = results[size, cached]
                print(f"  cache {'on ' if cached else 'off'} (minimal app {baseline:,.0f} requests/s)")
                for name, (rate, errors) in rates.items():
                    print(f"    {name:<24} {rate:>8,.0f}/s {rate / baseline:>7.3f}x  errors {errors}")
            extras[size] = (counts, crowd, memory, minimal.memory_mib())
            print(f"  200 connections, cache on, errors: {crowd}")
            print(f"  queries a page (cache off): {counts}")
            print(f"  largest worker after the run: {memory:.0f} MiB (minimal app {minimal.memory_mib():.0f} MiB)")
    finally:
        minimal.stop()
        shutil.rmtree(work, ignore_errors=True)
    report(sizes, results)


def ratio(result, name):
    rates, baseline = result
    return rates[name][0] / baseline


def report(sizes, results):
    smallest = sizes[0]
    print(f"\nSummary ({', '.join(f'{size:,}' for size in sizes)} people): ratio to the minimal app; growth is the")
    print(f"cost of a request (1/ratio, against its own round's minimal app) over its cost at {smallest:,} people.")
    for cached in (True, False):
        header = "".join(f"{f'{size:,}':>10}" for size in sizes)
        growth = "".join(f"{f'x{size:,}':>10}" for size in sizes[1:])
        print(f"\ncache {'on' if cached else 'off'}:   {'page':<24}{header}  growth{growth}")
        for name, _address in PAGES:
            ratios = "".join(f"{ratio(results[size, cached], name):>9.3f}x" for size in sizes)
            first = ratio(results[smallest, cached], name)
            grown = "".join(f"{first / ratio(results[size, cached], name):>9.2f}x" for size in sizes[1:])
            print(f"             {name:<24}{ratios}        {grown}")


if __name__ == "__main__":
    main()
