from django.db import migrations, models


class Migration(migrations.Migration):
    """The feeds read actions newest first: as they opened, and as their outcomes came."""

    dependencies = [("actions", "0002_campaign_editors_run_actions")]

    operations = [
        migrations.AddIndex(model_name="action", index=models.Index(fields=["opens_at"], name="action_opens")),
        migrations.AddIndex(model_name="action", index=models.Index(fields=["outcome_on"], name="action_outcome_on")),
    ]
