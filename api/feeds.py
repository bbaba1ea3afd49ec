"""Atom feeds of updates (`campaigns.updates`) and of actions (`actions.updates`): the whole site, a
campaign, a person, a demand."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from actions.models import Action
from actions.updates import ActionUpdate, action_updates
from campaigns.updates import public_updates, updates_of
from core.models import Campaign
from core.site import absolute_url, site_domain
from demands.models import Demand
from prisoners.models import Prisoner

FEED_ENTRIES = 50


class UpdatesFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, slug=None):
        return None

    def title(self, obj):
        return _("Zhanaozen tracker: updates")

    def link(self, obj):
        return reverse("home")

    def subtitle(self, obj):
        return _("Status changes, timeline events, demand updates and actions on the public record.")

    # RFC 4287 wants an author for the feed or for each entry: the tracker publishes every feed.
    def author_name(self, obj):
        return _("Zhanaozen tracker")

    def author_link(self, obj):
        return absolute_url(reverse("home"))

    def scope(self, obj):
        return {}

    def updates(self, obj):
        return public_updates(FEED_ENTRIES, **self.scope(obj))

    def actions(self, obj):
        """The public actions this feed tells of: opened, and closed with an outcome."""
        return Action.objects.published()

    def items(self, obj):
        entries = [*self.updates(obj), *action_updates(FEED_ENTRIES, self.actions(obj))]
        entries.sort(key=lambda entry: entry.order, reverse=True)
        return entries[:FEED_ENTRIES]

    def item_title(self, update):
        return f"{update.record}: {update.text}"

    def item_description(self, update):
        if isinstance(update, ActionUpdate):
            return update.summary
        # The grade worded as on the record's page: a reader of the feed is told as much as a visitor.
        return f"{update.when}: {update.text} ({update.grade_label})"

    def item_link(self, update):
        return update.url

    def item_guid(self, update):
        # A tag URI: stable, never a link that could change with a slug. One per language, as the text
        # differs and a reader following two languages would merge entries sharing an id; English keeps
        # the ids it always had, so its subscribers are not shown every entry again.
        language = translation.get_language()
        key = update.key if language == settings.LANGUAGE_CODE else f"{language}/{update.key}"
        return f"tag:{site_domain()},2026:{key}"

    item_guid_is_permalink = False

    # When the entry was added to the record; the description says when it happened.
    def item_pubdate(self, update):
        return update.recorded_at

    def item_updateddate(self, update):
        return update.recorded_at


class CampaignFeed(UpdatesFeed):
    def get_object(self, request, slug=None):
        return get_object_or_404(Campaign.objects.published(), slug=slug)

    def title(self, campaign):
        return _("%(name)s: updates") % {"name": campaign.name}

    def link(self, campaign):
        return campaign.get_absolute_url()

    def scope(self, campaign):
        return {
            "people": Prisoner.objects.published().filter(campaigns=campaign),
            "demands": Demand.objects.published().filter(campaign=campaign),
        }

    def actions(self, campaign):
        return Action.objects.published().filter(campaign=campaign)


class PersonFeed(UpdatesFeed):
    def get_object(self, request, slug=None):
        return get_object_or_404(Prisoner.objects.published().at_public_address(slug))

    def title(self, person):
        return _("%(name)s: updates") % {"name": person.name}

    def link(self, person):
        return person.get_absolute_url()

    def updates(self, person):
        return updates_of(FEED_ENTRIES, person)

    def actions(self, person):
        # Through this person's own rows of the link table, never a walk of every action.
        return Action.objects.published().filter(prisoners=person.pk)


class DemandFeed(UpdatesFeed):
    def get_object(self, request, slug=None):
        return get_object_or_404(Demand.objects.published(), slug=slug)

    def title(self, demand):
        return _("%(title)s: updates") % {"title": demand.title}

    def link(self, demand):
        return demand.get_absolute_url()

    def updates(self, demand):
        return updates_of(FEED_ENTRIES, demand)

    def actions(self, demand):
        return Action.objects.published().filter(demands=demand.pk)
