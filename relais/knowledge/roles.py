"""Editors write knowledge cards: the groups that review testimonies get the cards' permissions."""

from django.contrib.auth.models import Group, Permission

from relais.collect.roles import EDITOR_GROUPS

# Sources are edited with their card (no permission of their own).
EDITOR_PERMISSIONS = [
    f"{action}_{model}"
    for model in ("knowledgecard", "cardtype")
    for action in ("add", "change", "delete", "view")
]


def ensure_roles(**kwargs):
    """Run after migrations: grant the editors' groups every permission on cards and types."""
    permissions = Permission.objects.filter(
        content_type__app_label="knowledge", codename__in=EDITOR_PERMISSIONS
    )
    if not permissions.exists():
        return
    for name in EDITOR_GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)
