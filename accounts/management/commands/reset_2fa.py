from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts import two_factor


class Command(BaseCommand):
    help = (
        "Remove a staff member's authenticator app and recovery codes (a lost or stolen phone). "
        "They set up a new app at their next sign-in; until then their password alone opens the "
        "enrolment page, so confirm who is asking before running this, and consider a new password."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get_by_natural_key(username)
        except User.DoesNotExist:
            raise CommandError(f"No user {username!r}.") from None
        removed = two_factor.reset(user, source="command reset_2fa")
        if not removed:
            self.stdout.write(f"{username} had no two-factor device; nothing changed.")
            return
        what = ", ".join(f"{count} {kind}" for kind, count in sorted(removed.items()))
        self.stdout.write(
            self.style.SUCCESS(
                f"Removed from {username}: {what}. They set up a new authenticator app at their next sign-in."
            )
        )
