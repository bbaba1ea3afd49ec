"""A campaign's key dates and its page. The `Campaign` record itself is in `core.models`: people and
demands, below this app, point at it.

    models      KeyDate: anniversaries, action days, hearings, one-off or yearly
    views       a campaign's page
    updates     what changed in the public record (the home page's updates, the feeds, statistics)
    admin       campaigns, organisations and key dates
    migrations  also make the "Campaign editor" group and its rights
"""
