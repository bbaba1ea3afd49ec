"""People: profiles, other spellings of their names, charges, sentences, a sourced timeline and status history.

models      Prisoner (with its public face: anonymised, withdrawn), Alias, Charge, Sentence,
            TimelineEvent, PrisonerStatusChange
views       the people list and profile pages, photos, share cards
filters     the people list's filters (also used by the API and exports)
columns     the people export's columns and their headings in each language (read back by imports)
images      photos checked, re-encoded and stripped of metadata on upload
imports     importing people from a spreadsheet (CSV, XLSX): preview, namesakes, all or nothing;
            its admin page (admin_import) and `manage.py import_people` only call it
"""
