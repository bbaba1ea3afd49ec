"""`make bench`, web part: the production settings, plus one bare Django view to compare against."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "tests.bench_urls"
