"""Step 2 of 3: give every existing photo and recording its own identifier."""

import uuid

from django.db import migrations


def fill_public_ids(apps, schema_editor):
    """Every row, not only empty ones: step 1 gave all existing rows the same default value."""
    for model_name in ("TestimonyPhoto", "TestimonyAudio"):
        model = apps.get_model("collect", model_name)
        for media in model.objects.only("pk"):
            media.public_id = uuid.uuid4()
            media.save(update_fields=["public_id"])


class Migration(migrations.Migration):
    dependencies = [("collect", "0002_media_public_id_add")]

    operations = [migrations.RunPython(fill_public_ids, migrations.RunPython.noop)]
