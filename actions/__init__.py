"""Actions: what a supporter can do today about a person, a demand or a date, by a deadline.

An action names its addressees and the ways to reach them, a suggested message in every language,
a deadline in its campaign's time zone, and what came of it. Supporters who took part are counted
per day, language and channel (`Participation`), never named: a visitor's click is counted once per
address a day, with only a keyed hash kept for a day; a subscriber's personal link is counted by the
outreach app, which knows subscribers.

    models       Action, Addressee, Participation; public relations to people, demands, key dates
    services     counting a participation, and reading the counts (over time, by language and channel)
    public       what the pages show: where an action stands, its steps, its message in a language
    filters      the list's filters (its page, the API and the export share them)
    columns      the export's columns and their headings in each language
    updates      what the Atom feeds say: an action opened, an action closed with an outcome
    views        /actions/ and an action's page, the visitor's "I did it", the printable letter
    admin        actions and addressees, participants over time and by language
"""
