"""Staff accounts: the admin's sign-in, lockout, two-factor codes, recovery codes, and sessions that end.

    two_factor      the rules: enrolment, codes, recovery codes, the reset (`manage.py reset_2fa`)
    forms, views    the sign-in form and the sign-in, enrolment and recovery-code pages
    admin_site      the admin site that asks for the second factor (installed by admin_app)
    middleware      staff sessions end after hours, or minutes idle
    admin           who enrolled and when, read-only

The staff role "Campaign editor" is a group made by a migration of the campaigns app; its rights are
listed in docs/deployment.md.
"""
