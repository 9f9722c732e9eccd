from django.urls import path

from . import views

app_name = "staff_2fa"
urlpatterns = [
    path("", views.verify, name="verify"),
    path("activer/", views.enrol, name="enrol"),
    path("codes-de-secours/", views.recovery_codes, name="recovery_codes"),
    path("reinitialiser/<int:user_id>/", views.reset, name="reset"),
]
