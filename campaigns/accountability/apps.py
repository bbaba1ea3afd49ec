from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountabilityConfig(AppConfig):
    name = "campaigns.accountability"
    label = "accountability"
    verbose_name = _("Accountability: who is responsible")
    # Called by campaigns.demo.load_demo, which sits below this app and cannot import it.
    demo_loader = "campaigns.accountability.demo.load_demo"
