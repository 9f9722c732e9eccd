from django.urls import path

from . import views

app_name = "contact"

urlpatterns = [
    path("ambassadeurs/<slug:slug>/question/", views.ask, name="ask"),
    path("ambassadeurs/<slug:slug>/question/envoyee/", views.sent, name="sent"),
]
