import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"


class Command(BaseCommand):
    help = "Create the local demo administrator once and print its login (development only)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("The demo administrator is for development only (DJANGO_DEBUG=false here).")
        # The password is random per machine and kept outside git, so no credential is in the repo.
        password_file = settings.VAR_DIR / "demo-admin-password"
        User = get_user_model()
        user = User.objects.filter(username=USERNAME).first()
        if user is None or not password_file.exists():
            password = secrets.token_urlsafe(12)
            settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
            password_file.write_text(password)
            password_file.chmod(0o600)
            user = user or User(username=USERNAME, email="admin@localhost")
            user.is_staff = user.is_superuser = True
            user.set_password(password)
            user.save()
        password = password_file.read_text().strip()
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin: {settings.SITE_URL}/{settings.ADMIN_URL}  user: {USERNAME}  password: {password}"
            )
        )
