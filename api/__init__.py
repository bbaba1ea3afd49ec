"""The record as data: the read-only JSON API, CSV and JSON exports, and the Atom feeds.

schemas     the one definition of which fields leave the site, and of those that never do
endpoints   the API under /api/ (django-ninja), with its OpenAPI schema and docs page
exports     the people, demands and actions lists as CSV and JSON files, in each language
feeds       Atom feeds of updates and actions: the site, a campaign, a person, a demand
limits      rate limits per visitor address
"""
