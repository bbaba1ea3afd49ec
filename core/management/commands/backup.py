from django.core.management.base import BaseCommand

from core.backups import write_backup


class Command(BaseCommand):
    help = "Write the whole record and its photos to one encrypted file (restore it with `restore`)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="where to write the backup, e.g. backups/tracker-2026-12-07.backup")

    def handle(self, *args, **options):
        photos = write_backup(options["file"])
        self.stdout.write(f"Backup written to {options['file']}: every row, and {photos} files.")
