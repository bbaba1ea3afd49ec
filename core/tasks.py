"""Celery tasks of the shared core: thin, they call a service."""

from celery import shared_task

from . import planner


@shared_task(ignore_result=True)
def refresh_planner_statistics():
    planner.refresh_statistics()
