from django.urls import path

from . import views

app_name = "collect"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("connexion/", views.request_link, name="login"),
    path("connexion/mot-de-passe/", views.PasswordLogin.as_view(), name="password_login"),
    path("connexion/mot-de-passe/oublie/", views.PasswordReset.as_view(), name="password_reset"),
    path(
        "connexion/mot-de-passe/oublie/envoye/",
        views.PasswordResetSent.as_view(),
        name="password_reset_sent",
    ),
    path(
        "connexion/mot-de-passe/nouveau/<uidb64>/<token>/",
        views.PasswordResetConfirm.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "connexion/mot-de-passe/nouveau/termine/",
        views.PasswordResetComplete.as_view(),
        name="password_reset_complete",
    ),
    path("connexion/lien/", views.LinkLogin.as_view(), name="login_link"),
    path("mot-de-passe/", views.PasswordChange.as_view(), name="password_change"),
    path("deconnexion/", views.sign_out, name="logout"),
    path("temoignages/nouveau/", views.testimony_create, name="create"),
    path("temoignages/<int:pk>/", views.testimony_detail, name="testimony"),
    path("temoignages/<int:pk>/etapes/<slug:slug>/", views.testimony_stage, name="stage"),
    path("temoignages/<int:pk>/etapes/<slug:slug>/autosave/", views.autosave, name="autosave"),
    path("temoignages/<int:pk>/photos/", views.photo_upload, name="photo_upload"),
    path("temoignages/<int:pk>/photos/<uuid:photo_id>/", views.photo_alt, name="photo_alt"),
    path(
        "temoignages/<int:pk>/photos/<uuid:photo_id>/supprimer/",
        views.photo_delete,
        name="photo_delete",
    ),
    path("temoignages/<int:pk>/audio/", views.audio_upload, name="audio_upload"),
    path(
        "temoignages/<int:pk>/audio/<uuid:recording_id>/transcription/",
        views.recording_transcript,
        name="recording_transcript",
    ),
    path(
        "temoignages/<int:pk>/audio/<uuid:recording_id>/supprimer/",
        views.recording_delete,
        name="recording_delete",
    ),
    path("temoignages/<int:pk>/envoyer/", views.submit, name="submit"),
    path("temoignages/<int:pk>/retirer/", views.withdraw, name="withdraw"),
    path("fichiers/photo/<uuid:photo_id>/", views.photo_file, name="photo_file"),
    path("fichiers/photo/<uuid:photo_id>/vignette/", views.photo_thumbnail, name="photo_thumbnail"),
    path("fichiers/audio/<uuid:recording_id>/<str:variant>/", views.audio_file, name="audio_file"),
    path("mes-donnees/", views.my_data, name="my_data"),
    path("mes-donnees/export/<str:token>/", views.export_data, name="export"),
    path("mes-donnees/supprimer/", views.delete_account, name="delete_account"),
]
