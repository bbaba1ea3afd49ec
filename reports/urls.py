from django.urls import path

from . import views

urlpatterns = [
    path("report/", views.report_case, name="report_case"),
    path("prisoners/<slug:slug>/correction/", views.correct_person, name="correct_person"),
    path("demands/<slug:slug>/correction/", views.correct_demand, name="correct_demand"),
]
