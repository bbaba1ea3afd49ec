"""Outreach: everything that reaches supporters outside the site, in one place.

    models         Subscriber, Delivery (the outbox: one row per reminder), StaffDigest, ActionDone
    occasions      what a reminder is about: key dates, and dates derived from a person's record
    planning       which reminders are due now; each recorded once as a Delivery row
    action_alerts  an action's news, deadline reminder and outcome in the outbox; "I did it" links
    sending        claim each row, send it over SMTP, record the outcome
    reminders      the tick: expire, plan, send (called by the beat task and `send_reminders`)
    subscriptions  subscribe (double opt-in), confirm, change preferences, unsubscribe
    tokens         the signed links in every email
    emails         renders every email from emails/<name>_subject.txt, .txt and .html
    digest         the weekly list of coming key dates for staff
    ical           iCalendar feeds of key dates
    forms, views, urls, admin
    tasks          Celery tasks: thin, they take ids and call the services above

Services never import tasks: a view or a task enqueues the work a service says is due. The
periodic schedules are in config/celery.py.
"""
