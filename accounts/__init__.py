"""Staff accounts: the admin's sign-in, lockout, two-factor codes, recovery codes, sessions that end, the
admin in each staff member's language, and a refusal that says who can.

    two_factor      the rules: enrolment, codes, recovery codes, the reset (`manage.py reset_2fa`)
    models          each staff member's language of the admin (their choice, else their browser's); the roles
    forms, views    the sign-in form and the sign-in, enrolment, recovery-code and language pages; the 403
                    page (handler403): in the admin, what the staff member's role does not allow and who can
    admin_site      the admin site that asks for the second factor (installed by admin_app)
    middleware      staff sessions end after hours, or minutes idle; the admin in the staff member's language
    admin           who enrolled and when, read-only
    labels          names for django-otp's and django-axes' parts of the admin, translatable (locale_upstream/)

The staff role "Campaign editor" is a group made by a migration of the campaigns app; its rights are
listed in docs/deployment.md.
"""
