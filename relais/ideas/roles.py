"""Editors moderate the idea box and write the FAQ: the same groups that review testimonies."""

from django.contrib.auth.models import Group, Permission

from relais.collect.roles import EDITOR_GROUPS

# Ideas come from visitors only: editors read and moderate them, never add them.
EDITOR_PERMISSIONS = ["view_idea", "change_idea", "delete_idea"] + [
    f"{action}_faqentry" for action in ("add", "change", "delete", "view")
]


def ensure_roles(**kwargs):
    """Run after migrations: grant the editors' groups the idea box's permissions."""
    permissions = Permission.objects.filter(
        content_type__app_label="ideas", codename__in=EDITOR_PERMISSIONS
    )
    if not permissions.exists():
        return
    for name in EDITOR_GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)
