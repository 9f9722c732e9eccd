"""Groups and permissions: editors review testimonies; ambassadors and funders get no admin."""

from django.contrib.auth.models import Group, Permission

from .accounts import AMBASSADORS_GROUP, FUNDERS_GROUP

# Wagtail creates these two groups; they review testimonies.
EDITOR_GROUPS = ["Editors", "Moderators"]
EDITOR_PERMISSIONS = ["view_testimony", "change_testimony"]


def ensure_roles(**kwargs):
    """Run after migrations: create the roles and grant editors their permissions."""
    permissions = Permission.objects.filter(
        content_type__app_label="collect", codename__in=EDITOR_PERMISSIONS
    )
    if not permissions.exists():
        return
    for name in EDITOR_GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)
    Group.objects.get_or_create(name=AMBASSADORS_GROUP)
    Group.objects.get_or_create(name=FUNDERS_GROUP)
