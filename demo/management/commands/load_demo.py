from django.core.management.base import BaseCommand

from core.audit import recorded_as
from demo.actions import MOVED
from demo.loader import load_demo


class Command(BaseCommand):
    help = "Load the Zhanaozen demo data (facts from the seed articles). Safe to run again: it changes nothing then."

    def handle(self, *args, **options):
        with recorded_as("command load_demo"):
            created = load_demo()
        moved = created.pop(MOVED)
        summary = ", ".join(f"{count} {kind}" for kind, count in created.items())
        if any(created.values()):
            self.stdout.write(f"Demo data: created {summary}.")
        elif not moved:
            self.stdout.write("Demo data: already loaded, nothing changed.")
        if moved:
            self.stdout.write(f"Demo data: gave {moved} open action(s) whose deadline had passed the next deadline.")
