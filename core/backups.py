"""Backups that restore: the whole record and its photos in one encrypted file.

A backup is Django's own dump of every row (natural keys for users, groups and content types, so it
loads into any freshly migrated database, SQLite or PostgreSQL) and every file under MEDIA_ROOT, in
a tar archive encrypted with Fernet under the newest FIELD_ENCRYPTION_KEYS key. The dump holds the
private fields in plaintext (they are decrypted to be dumped, and encrypted again, under whatever
key the restoring site has, when loaded), so the file is encrypted whole: without the key it is
noise. Keep the key apart from the backups.

`manage.py backup FILE` writes one; `manage.py restore FILE` loads one into an empty database (run
`migrate` first). The archive is built in memory: fine for a record of tens of thousands of people
and their photos, which is what this is for.
"""

import io
import tarfile
import tempfile
from pathlib import Path

from auditlog.context import disable_auditlog
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from .encryption import decrypt_bytes, encrypt_bytes

MAGIC = b"tracker-backup-1\n"
# Made again by `migrate` (content types, permissions) or of no worth once restored (sessions, the
# cache's counts, the page cache's version).
LEFT_OUT = ["contenttypes", "auth.permission", "sessions", "core.cacheentry", "core.publicversion"]


def write_backup(path):
    dump = io.StringIO()
    call_command("dumpdata", natural_foreign=True, natural_primary=True, exclude=LEFT_OUT, stdout=dump, verbosity=0)
    archive = io.BytesIO()
    with tarfile.open(fileobj=archive, mode="w:gz") as tar:
        _add(tar, "data.json", dump.getvalue().encode())
        media = Path(settings.MEDIA_ROOT)
        files = sorted(p for p in media.rglob("*") if p.is_file()) if media.exists() else []
        for file in files:
            _add(tar, f"media/{file.relative_to(media).as_posix()}", file.read_bytes())
    Path(path).write_bytes(MAGIC + encrypt_bytes(archive.getvalue()))
    return len(files)


def restore_backup(path):
    content = Path(path).read_bytes()
    if not content.startswith(MAGIC):
        raise CommandError(f"{path} is not a backup of this tracker.")
    archive = io.BytesIO(decrypt_bytes(content[len(MAGIC) :]))
    media = Path(settings.MEDIA_ROOT)
    restored = 0
    with tarfile.open(fileobj=archive, mode="r:gz") as tar, tempfile.TemporaryDirectory() as work:
        data = Path(work) / "data.json"
        data.write_bytes(tar.extractfile("data.json").read())
        with disable_auditlog():  # restoring is not a change to the record: the trail comes back as it was
            call_command("loaddata", str(data), verbosity=0)
        for member in tar.getmembers():
            if not member.isfile() or not member.name.startswith("media/"):
                continue
            target = (media / member.name.removeprefix("media/")).resolve()
            if media.resolve() not in target.parents:  # a crafted archive must not write elsewhere
                raise CommandError(f"Refused: {member.name} would be written outside MEDIA_ROOT.")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(tar.extractfile(member).read())
            restored += 1
    return restored


def _add(tar, name, content):
    info = tarfile.TarInfo(name)
    info.size = len(content)
    tar.addfile(info, io.BytesIO(content))
