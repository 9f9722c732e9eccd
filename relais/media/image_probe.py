"""Identify and fully decode one untrusted image, in a process of its own.

Usage: ``python -m relais.media.image_probe PATH MAX_PIXELS``

Prints ``{"format": ..., "width": ..., "height": ...}`` as JSON and exits 0, or prints
``{"error": "bomb" | "not_an_image"}`` and exits 1. Image parsers crash or loop on crafted
files, so this module imports nothing from Django and runs under memory and CPU limits;
the parent process kills it when it takes too long.
"""

import json
import resource
import sys
import warnings

from PIL import Image

# Only these decoders are ever tried: a file is never parsed by an unexpected plugin.
# Some phones write JPEGs with extra pictures (MPO); Pillow opens them through the JPEG plugin.
ACCEPTED_FORMATS = ("JPEG", "PNG", "WEBP")
MEMORY_LIMIT_BYTES = 1024 * 1024 * 1024
CPU_LIMIT_SECONDS = 20


def limit_resources():
    """Cap the address space and CPU time of this process before touching the file."""
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_LIMIT_SECONDS, CPU_LIMIT_SECONDS))


def probe(path, max_pixels):
    """Return the format and size of the image at path, or an error code."""
    Image.MAX_IMAGE_PIXELS = max_pixels
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(path, formats=ACCEPTED_FORMATS) as image:
                if image.width * image.height > max_pixels:
                    return {"error": "bomb"}
                image.load()  # decode every byte: truncated or corrupt data fails here
                return {"format": image.format, "width": image.width, "height": image.height}
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            return {"error": "bomb"}
        except Exception:  # any parser failure means the file is not a usable image
            return {"error": "not_an_image"}


def main(argv):
    limit_resources()
    result = probe(argv[1], int(argv[2]))
    print(json.dumps(result))
    return 1 if "error" in result else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
