"""Step 3 of 3: the identifier is required and unique."""

import uuid

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("collect", "0003_media_public_id_fill")]

    operations = [
        migrations.AlterField(
            model_name=model_name,
            name="public_id",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        )
        for model_name in ("testimonyphoto", "testimonyaudio")
    ]
