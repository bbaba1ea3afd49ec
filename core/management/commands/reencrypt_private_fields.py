from django.core.management.base import BaseCommand
from django.db import transaction

from core.encryption import encrypted_fields


class Command(BaseCommand):
    help = (
        "Write every private field again with the newest key in FIELD_ENCRYPTION_KEYS (the first). Run it "
        "after putting a new key in front; once it has run, the old keys can be removed."
    )

    def handle(self, *args, **options):
        total = 0
        for model, field in encrypted_fields():
            rows = model._base_manager.exclude(**{field: ""}).exclude(**{f"{field}__isnull": True})
            count = 0
            with transaction.atomic():
                # Read with whichever key wrote each value, written with the newest one.
                for pk, value in rows.values_list("pk", field).iterator():
                    model._base_manager.filter(pk=pk).update(**{field: value})
                    count += 1
            total += count
            if count:
                self.stdout.write(f"{model._meta.label}.{field}: {count}")
        self.stdout.write(f"Written again with the newest key: {total} values.")
