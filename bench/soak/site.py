"""Build the site under test for one database backend: settings, data, media on S3, Redis."""

import json
import os
import random
import subprocess
from pathlib import Path

import boto3
import psycopg
import redis

from .processes import PY, ROOT

POSTGRES_ADMIN_URL = os.environ.get(
    "SOAK_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres"
)
# The soak empties this Redis database and the next one (the page cache) before each backend.
CACHE_URL = os.environ.get("SOAK_CACHE_URL", "redis://127.0.0.1:6379/12")
S3_KEYS = {"AWS_ACCESS_KEY_ID": "soak", "AWS_SECRET_ACCESS_KEY": "soak-secret"}
S3_REGION = "us-east-1"


def private_media_env(workdir, bucket):
    """Return the settings that place private media (testimonies' photos and recordings).

    The one place where private storage is chosen: a bucket of their own (created by
    prepare() without anonymous read). The local folder is where a Relais without
    RELAIS_PRIVATE_STORAGE_BUCKET would write them; the table says which one was used.
    """
    return {
        "RELAIS_PRIVATE_STORAGE_BUCKET": bucket,
        "RELAIS_PRIVATE_MEDIA_ROOT": str(workdir / "private"),
    }


def site_env(backend, workdir, static_root, s3_endpoint, database_url):
    """Return the environment of the site: production settings, Redis cache, media on S3."""
    bucket = f"relais-soak-{backend}"
    private = private_media_env(workdir, f"{bucket}-private")
    return dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="soak-" + "k" * 60,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url,
        STATIC_ROOT=str(static_root),
        SECURE_SSL_REDIRECT="false",
        LOG_LEVEL="ERROR",
        CACHE_URL=CACHE_URL,
        AWS_STORAGE_BUCKET_NAME=bucket,
        AWS_S3_ENDPOINT_URL=s3_endpoint,
        AWS_S3_REGION_NAME=S3_REGION,
        **S3_KEYS,
        **private,
    )


def s3_client(endpoint):
    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name=S3_REGION,
        aws_access_key_id=S3_KEYS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=S3_KEYS["AWS_SECRET_ACCESS_KEY"],
    )


def create_bucket(endpoint, name, public):
    """Create a bucket; a public one lets anybody read its files, as public media need."""
    client = s3_client(endpoint)
    client.create_bucket(Bucket=name)
    if public:
        statement = {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": f"arn:aws:s3:::{name}/*",
        }
        policy = {"Version": "2012-10-17", "Statement": [statement]}
        client.put_bucket_policy(Bucket=name, Policy=json.dumps(policy))


def empty_cache():
    """Empty the soak's Redis databases: pages cached by the previous backend must not show."""
    pages_url = CACHE_URL.rsplit("/", 1)[0] + f"/{int(CACHE_URL.rsplit('/', 1)[1]) + 1}"
    for url in (CACHE_URL, pages_url):
        client = redis.Redis.from_url(url)
        client.flushdb()
        client.close()


def postgres_url(name):
    return POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + "/" + name


def create_postgres_database(name):
    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def drop_postgres_database(name):
    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run(env, *args):
    subprocess.run([PY, *args], cwd=ROOT, env=env, check=True)


def prepare(env, stories, ambassadors):
    """Migrate, load the demo and `stories` more stories; return the ambassadors' accounts."""
    create_bucket(env["AWS_S3_ENDPOINT_URL"], env["AWS_STORAGE_BUCKET_NAME"], public=True)
    if env.get("RELAIS_PRIVATE_STORAGE_BUCKET"):
        create_bucket(env["AWS_S3_ENDPOINT_URL"], env["RELAIS_PRIVATE_STORAGE_BUCKET"], False)
    empty_cache()
    run(env, "manage.py", "migrate", "--no-input", "-v", "0")
    run(env, "manage.py", "load_demo")
    run(env, "bench/seed_stories.py", str(stories))
    return site_data(env, "ambassadors", str(ambassadors))


def private_media_place(env):
    """Return where the private files went: "bucket" or "folder" (with how many files)."""
    in_bucket = s3_client(env["AWS_S3_ENDPOINT_URL"]).list_objects_v2(
        Bucket=env["RELAIS_PRIVATE_STORAGE_BUCKET"]
    )["KeyCount"]
    in_folder = sum(1 for p in Path(env["RELAIS_PRIVATE_MEDIA_ROOT"]).rglob("*") if p.is_file())
    if in_bucket:
        return f"bucket ({in_bucket} files)"
    return f"local folder ({in_folder} files)" if in_folder else "no file"


def collect_static(env):
    run(env, "manage.py", "collectstatic", "--no-input", "-v", "0")


def site_data(env, *args):
    """Run bench.soak.site_data in the site's environment and return its JSON answer."""
    out = subprocess.run(
        [PY, "-m", "bench.soak.site_data", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def make_uploads(directory):
    """Write the photo and the recording that ambassadors upload; return their paths."""
    from PIL import Image

    rng = random.Random(62)
    photo = Path(directory) / "photo-du-projet.jpg"
    image = Image.new("RGB", (1200, 900))
    image.putdata(
        [
            (x * 255 // 1200, y * 255 // 900, rng.randrange(256))
            for y in range(900)
            for x in range(1200)
        ]
    )
    image.save(photo, quality=80)
    recording = Path(directory) / "souvenir.mp3"
    subprocess.run(
        [
            "ffmpeg",
            "-loglevel",
            "error",
            "-y",
            "-f",
            "lavfi",
            "-i",
            "sine=frequency=440:duration=4",
            "-ac",
            "1",
            "-b:a",
            "64k",
            str(recording),
        ],
        check=True,
    )
    return photo, recording
