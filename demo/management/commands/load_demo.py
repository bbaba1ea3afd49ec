from django.core.management.base import BaseCommand

from core.audit import recorded_as
from demo.loader import load_demo


class Command(BaseCommand):
    help = "Load the Zhanaozen demo data (facts from the seed articles). Safe to run again: it changes nothing then."

    def handle(self, *args, **options):
        with recorded_as("command load_demo"):
            created = load_demo()
        summary = ", ".join(f"{count} {kind}" for kind, count in created.items())
        self.stdout.write(
            f"Demo data: created {summary}." if any(created.values()) else "Demo data: already loaded, nothing changed."
        )
