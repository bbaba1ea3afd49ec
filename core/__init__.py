"""The core: what every app builds on, and the records every app points at. Imports nothing else of the project.

models          Campaign, Organisation, Source: every person, demand and key date points at them
publishing      draft, published or archived; the one `published()` rule; `with_public()`, which
                attaches only what the public may see of a record's relations
protection      nothing that is or was public is deleted, except by an administrator's purge
status          the status-history base model and the one service that changes a status
audit           who changed what, when and from where (django-auditlog); each change in words for the admin
public_cache    the page cache of anonymous public pages, and the record's version
languages       addresses per language, the first-visit redirect, reading order; a record's text in
                every language for what is computed once and shown in several (emails)
text, dates     name folding for search, marked passages; yearly dates, today in a time zone, dates
                in words as each language writes them
listing, site   filtered, paginated public lists; absolute links
charts, cards   SVG charts and share-card pictures
catalogs        compiling the translation catalogs (`manage.py compile_translations`)
admin_base      the admin's shared pieces: audited, publishable, status changes with evidence
admin           sources, and the staff's audit log (read-only)
middleware      the public pages' security headers
"""
