"""The shared core: what every app of the tracker builds on. It imports nothing else of the project.

- `publishing`: draft or published, the one `published()` rule, and the public relations of a
  record (`with_public()` attaches `public_<name>` lists that hold only what the public may see).
- `status`: the status-history base model and the one service that changes a status.
- `models`: the records every app points at: campaigns, organisations and sources.
- `text` (name folding for search), `dates` (yearly dates, today in a campaign's time zone),
  `site` (absolute links), `listing` (filtered, paginated public lists).
- `admin_base`, `admin_login`, `middleware`: the admin's shared pieces and the site's headers.
"""
