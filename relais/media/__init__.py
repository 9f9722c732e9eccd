"""The one media pipeline: every file accepted by Relais is checked and transformed here.

Uploads are judged by their content in bounded subprocesses (Pillow for images, ffprobe
and ffmpeg for audio), against the allow-lists and the limits set in the settings
(``RELAIS_AUDIO_MAX_BYTES``, ``RELAIS_AUDIO_MAX_SECONDS``, ``RELAIS_IMAGE_MAX_BYTES``,
``RELAIS_IMAGE_MAX_PIXELS``). This package imports only ``relais.core``: the contributor
space, the Wagtail admin, the demo and later imports all call it.
"""
