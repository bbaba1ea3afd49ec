"""Reports from the public: a case reported, a correction suggested, and their moderation in the admin.

models      Report, private: never on a public page, feed or export
services    accept a report (and tell staff by email), moderate it
views       the report and correction forms
"""
