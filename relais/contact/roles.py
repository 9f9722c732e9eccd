"""Editors see how many questions each ambassador received (the report), nothing more."""

from django.contrib.auth.models import Group, Permission

from relais.collect.roles import EDITOR_GROUPS


def ensure_roles(**kwargs):
    """Run after migrations: let the editors' groups view the question counts."""
    permission = Permission.objects.filter(
        content_type__app_label="contact", codename="view_questioncount"
    ).first()
    if permission is None:
        return
    for name in EDITOR_GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(permission)
