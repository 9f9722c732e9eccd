from django.urls import path

from . import views

app_name = "stories"

urlpatterns = [
    path("projets/<slug:slug>/", views.project_detail, name="project"),
    path("ambassadeurs/", views.ambassador_list, name="ambassadors"),
    path("ambassadeurs/<slug:slug>/", views.ambassador_detail, name="ambassador"),
]
