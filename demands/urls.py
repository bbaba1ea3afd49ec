from django.urls import path

from . import views

app_name = "demands"
urlpatterns = [
    path("", views.demand_list, name="list"),
    path("<slug:slug>/", views.demand_detail, name="detail"),
    path("<slug:slug>/card.png", views.demand_card, name="card"),
]
