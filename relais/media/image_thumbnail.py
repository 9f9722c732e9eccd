"""Write a small JPEG preview of one stored photo, in a process of its own.

Usage: ``python -m relais.media.image_thumbnail SOURCE TARGET MAX_PIXELS SIZE``

The photo was checked at upload, but it is still untrusted data: it is decoded under the
same limits as ``image_probe``. The preview is turned upright (EXIF orientation) and keeps
no metadata (no GPS position, no device name). Exits 0 once TARGET is written, 1 otherwise.
"""

import sys

from PIL import Image, ImageOps

from .image_probe import ACCEPTED_FORMATS, limit_resources

JPEG_QUALITY = 80


def write_thumbnail(source, target, max_pixels, size):
    """Save a JPEG of the photo at source, at most size × size pixels, to target."""
    Image.MAX_IMAGE_PIXELS = max_pixels
    with Image.open(source, formats=ACCEPTED_FORMATS) as image:
        image.draft("RGB", (size, size))  # JPEG: decode at a reduced scale, much faster
        upright = ImageOps.exif_transpose(image)
        upright.thumbnail((size, size))
        if upright.mode != "RGB":  # transparency is shown on white, as on the page
            rgba = upright.convert("RGBA")
            upright = Image.new("RGB", rgba.size, "white")
            upright.paste(rgba, mask=rgba.getchannel("A"))
        upright.save(target, "JPEG", quality=JPEG_QUALITY, optimize=True)


def main(argv):
    limit_resources()
    try:
        write_thumbnail(argv[1], argv[2], int(argv[3]), int(argv[4]))
    except Exception:  # any decoder failure: the page shows the file name instead
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
