from django.urls import path

from . import views

app_name = "accountability"
urlpatterns = [
    path("", views.responsibility, name="index"),
]
