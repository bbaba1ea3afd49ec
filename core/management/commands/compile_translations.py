from django.core.management.base import BaseCommand

from core import catalogs


class Command(BaseCommand):
    help = "Compile every LOCALE_PATHS catalogue (.po to .mo) with Babel (no GNU gettext needed)."

    def handle(self, *args, **options):
        written = catalogs.compile_all()
        self.stdout.write(f"Compiled: {', '.join(written)}" if written else "Catalogs already compiled.")
