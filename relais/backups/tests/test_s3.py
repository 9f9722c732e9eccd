"""Media in S3-compatible buckets are backed up and restored through the storage API."""

from pathlib import Path

import pytest

from django.conf import settings
from django.core.management import call_command


def bucket_contents(server):
    """Return every object of both buckets: {bucket: {key: bytes}}."""
    buckets = [
        settings.STORAGES[alias]["OPTIONS"]["bucket_name"] for alias in ("default", "private")
    ]
    return {
        bucket: {key: server.read(bucket, key) for key in server.keys(bucket)} for bucket in buckets
    }


@pytest.mark.django_db(transaction=True)
def test_buckets_come_back_as_they_were_backed_up(tmp_path, s3_media):
    """Objects added after the backup go, deleted ones come back, byte for byte."""
    public = settings.STORAGES["default"]["OPTIONS"]["bucket_name"]
    private = settings.STORAGES["private"]["OPTIONS"]["bucket_name"]
    s3_media.client.put_object(Bucket=private, Key="collect/7/3f2a", Body=b"private recording")
    before = bucket_contents(s3_media)
    assert before[public]  # the small site's funder logo
    call_command("backup", str(tmp_path))
    (folder,) = Path(tmp_path).iterdir()
    assert (folder / "private/collect/7/3f2a").read_bytes() == b"private recording"

    s3_media.client.put_object(Bucket=public, Key="original_images/later.png", Body=b"later")
    s3_media.client.delete_object(Bucket=private, Key="collect/7/3f2a")
    call_command("restore", str(folder), "--no-input")

    assert bucket_contents(s3_media) == before
