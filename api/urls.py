from django.urls import path

from . import endpoints

urlpatterns = [
    path("api/", endpoints.urls()),
]
