"""A soak test of Relais: hours of real use squeezed into SOAK_SECONDS (600 by default).

50 anonymous visitors walk the public pages and 10 signed-in ambassadors autosave and
upload, against gunicorn with several workers, the cache in Redis and media on an
S3-compatible server (moto), on SQLite then on PostgreSQL. Run with `python -m bench.soak`.
"""
