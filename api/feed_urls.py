from django.urls import path

from . import feeds

# Mounted at the site's root, beside each page the feed is about.
urlpatterns = [
    path("feed/", feeds.UpdatesFeed(), name="feed"),
    path("campaigns/<slug:slug>/feed/", feeds.CampaignFeed(), name="campaign_feed"),
    path("prisoners/<slug:slug>/feed/", feeds.PersonFeed(), name="person_feed"),
    path("demands/<slug:slug>/feed/", feeds.DemandFeed(), name="demand_feed"),
]
