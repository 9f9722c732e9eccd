from django.urls import path

from . import views

app_name = "diagnostic"

urlpatterns = [
    path("mon-idee/", views.questions, name="questions"),
    path("mon-idee/resultat/", views.result, name="result"),
    path("mon-idee/garder/", views.keep, name="keep"),
    path("mon-idee/parcours/<str:token>/", views.kept, name="kept"),
    path("mon-idee/parcours/<str:token>/supprimer/", views.delete_kept, name="delete"),
]
