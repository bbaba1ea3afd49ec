from django.urls import path

from . import views

app_name = "prisoners"
urlpatterns = [
    path("", views.prisoner_list, name="list"),
    path("<slug:slug>/", views.prisoner_detail, name="detail"),
    path("<slug:slug>/card.png", views.prisoner_card, name="card"),
]
