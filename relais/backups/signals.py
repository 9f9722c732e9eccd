"""What a restore tells the apps above, which may have to redo what the backup predates."""

from django.dispatch import Signal

# Sent once a backup is restored, with `created_at` (an aware datetime): receivers return
# a line for the operator, or None. relais.collect replays the erasures made since.
backup_restored = Signal()
