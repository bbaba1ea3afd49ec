from django.urls import path

from . import views

app_name = "actions"
urlpatterns = [
    path("", views.action_list, name="list"),
    path("<slug:slug>/", views.action_detail, name="detail"),
    path("<slug:slug>/letter/", views.action_letter, name="letter"),
    path("<slug:slug>/done/", views.action_done, name="done"),
    path("<slug:slug>/thanks/", views.action_thanks, name="thanks"),
    path("<slug:slug>/participants.json", views.action_participants, name="participants"),
]
