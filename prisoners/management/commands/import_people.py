from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from prisoners.imports import DIFFERENT_PERSON, SAME_PERSON, ImportRefused, import_people, preview


def lines(text):
    try:
        return {int(part) for part in text.split(",") if part.strip()}
    except ValueError:
        raise CommandError(f"Not a list of line numbers: {text}") from None


class Command(BaseCommand):
    help = (
        "Import people from a CSV or XLSX file with the people export's columns (docs/import.md): as drafts, in "
        "one transaction, nothing written when a row is bad or a namesake undecided."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--dry-run", action="store_true", help="Say what the import would do; write nothing.")
        parser.add_argument(
            "--different", type=lines, default=set(), help="Lines (1,2,3) whose namesakes are someone else: add them."
        )
        parser.add_argument(
            "--same", type=lines, default=set(), help="Lines whose namesakes are the same person: skip those rows."
        )
        parser.add_argument("--user", help="The staff member the audit trail and the status history name.")

    def handle(self, *args, file, dry_run, different, same, user, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No such file: {file}")
        by = None
        if user:
            by = get_user_model().objects.filter(username=user).first()
            if by is None:
                raise CommandError(f"No user named {user}")
        decisions = {line: DIFFERENT_PERSON for line in different} | {line: SAME_PERSON for line in same}
        data = path.read_bytes()
        if dry_run:
            plan = preview(data, path.name, decisions)
        else:
            try:
                plan = import_people(data, path.name, by=by, decisions=decisions)
            except ImportRefused as refused:
                plan = refused.plan
        self.report(plan, every_row=dry_run or options["verbosity"] > 1)
        if plan.problems:
            raise CommandError(f"Nothing imported: {len(plan.problems)} problems (above).")
        self.stdout.write(plan.summary() if dry_run else plan.result())

    def report(self, plan, every_row):
        for row in plan.to_write:
            if row.action == "change":
                self.stdout.write(f"line {row.line}: change {row.label}: {', '.join(row.changes)}")
            elif every_row:
                self.stdout.write(f"line {row.line}: add {row.label}")
        decided = {DIFFERENT_PERSON: "a different person", SAME_PERSON: "the same person: skipped"}
        for row in plan.flagged:
            others = [f"{person} ({person.slug})" for person in row.namesakes]
            others += [f"line {line}" for line in row.namesake_lines]
            decision = decided.get(row.decision, "undecided: --different or --same")
            self.stdout.write(f"line {row.line}: {row.label} may be {'; '.join(others)} ({decision})")
        for note in plan.notes:
            self.stdout.write(str(note))
        if plan.ignored:
            self.stdout.write(f"Columns not imported: {', '.join(plan.ignored)}")
        for problem in plan.problems:
            self.stderr.write(str(problem))
