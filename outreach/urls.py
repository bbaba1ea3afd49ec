from django.urls import path

from . import views

# Mounted at the site's root: these addresses are in emails already sent, so they never move.
urlpatterns = [
    path("calendar.ics", views.all_key_dates, name="calendar_ics"),
    path("campaigns/<slug:slug>/calendar.ics", views.campaign_key_dates, name="campaign_ics"),
    path("prisoners/<slug:slug>/calendar.ics", views.person_key_dates, name="person_ics"),
    path("subscribe/", views.subscribe, name="subscribe"),
    path("subscribe/sent/", views.subscription_sent, name="subscription_sent"),
    path("subscribe/confirm/<str:token>/", views.confirm, name="subscription_confirm"),
    path("subscribe/manage/<str:token>/", views.manage, name="subscription_manage"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    # A subscriber's "I did it", from an action's emails: a page with a button, since mail scanners
    # open links (a GET counts nothing).
    path("actions/<slug:slug>/done/<str:token>/", views.action_done, name="action_done_personal"),
]
