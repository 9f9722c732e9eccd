from django.urls import path

from . import views

app_name = "ideas"

urlpatterns = [
    path("boite-a-idees/", views.idea_box, name="idea_box"),
    path("boite-a-idees/merci/", views.thanks, name="thanks"),
    path("questions-frequentes/", views.faq, name="faq"),
]
