"""Add N published stories (default 1,000) to the demo site, for the benchmark."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

import django  # noqa: E402

django.setup()

from django.db import transaction  # noqa: E402

from relais.journey.models import LaureateProject, Stage, Theme  # noqa: E402
from relais.stories.models import StoryIndexPage, StoryPage  # noqa: E402


def seed(count):
    index = StoryIndexPage.objects.get()
    template = StoryPage.objects.live().filter(has_audio=True).first()
    projects, stages, themes = (
        list(LaureateProject.objects.all()),
        list(Stage.objects.all()),
        list(Theme.objects.all()),
    )
    with transaction.atomic():
        for number in range(count):
            story = StoryPage(
                title=f"Histoire de banc d'essai n° {number}",
                intro=template.intro,
                listing_image=template.listing_image,
                project=projects[number % len(projects)],
                body=template.body.raw_data,
                is_example=True,
            )
            index.add_child(instance=story)
            story.stages.set([stages[number % len(stages)]])
            story.themes.set([themes[number % len(themes)], themes[(number + 3) % len(themes)]])
            story.save()


if __name__ == "__main__":
    seed(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
    print(f"{StoryPage.objects.live().count()} live stories")
