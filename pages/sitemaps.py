from django.contrib.sitemaps import Sitemap

from core.models import Campaign
from demands.models import Demand
from prisoners.models import Prisoner


class PublishedSitemap(Sitemap):
    model = None
    # Every page in every language, each entry naming its alternates (hreflang) and the English page
    # as x-default.
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return self.model.objects.published().order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class PrisonerSitemap(PublishedSitemap):
    model = Prisoner


class DemandSitemap(PublishedSitemap):
    model = Demand


class CampaignSitemap(PublishedSitemap):
    model = Campaign


SITEMAPS = {"people": PrisonerSitemap, "demands": DemandSitemap, "campaigns": CampaignSitemap}
