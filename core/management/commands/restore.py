from django.core.management.base import BaseCommand, CommandError

from core.backups import restore_backup
from core.models import Campaign


class Command(BaseCommand):
    help = "Load a backup (from `backup`) into an empty, migrated database, with its photos."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, **options):
        if Campaign.objects.exists():
            raise CommandError("This database already holds a record: restore into an empty one (migrate it first).")
        files = restore_backup(options["file"])
        self.stdout.write(f"Restored {options['file']}: every row, and {files} files.")
