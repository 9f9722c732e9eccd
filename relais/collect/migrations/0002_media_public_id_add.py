"""Step 1 of 3 of Django's pattern for a unique UUID on existing rows: add it nullable."""

import uuid

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("collect", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name=model_name,
            name="public_id",
            field=models.UUIDField(default=uuid.uuid4, editable=False, null=True),
        )
        for model_name in ("testimonyphoto", "testimonyaudio")
    ]
