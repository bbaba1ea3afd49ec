"""The composition root: settings (environment.py: what an operator sets), URLs, the Celery app with every
schedule, the filesystem broker for development, and /healthz."""

from .celery import app as celery_app

__all__ = ("celery_app",)
