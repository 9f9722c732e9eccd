from django.urls import path

from . import views

app_name = "knowledge"

urlpatterns = [
    path("etapes/<slug:slug>/", views.stage_guide, name="stage"),
    path("savoirs/", views.card_list, name="cards"),
    path("savoirs/<slug:slug>/", views.card_detail, name="card"),
]
