from django.urls import path

from . import views

app_name = "glossary"

urlpatterns = [
    path("glossaire/", views.index, name="index"),
]
