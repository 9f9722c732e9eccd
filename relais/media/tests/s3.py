"""A real S3-compatible server on loopback for the tests: moto's standalone server.

Started once per test session (``s3_server`` in conftest.py) as a subprocess on a free port
of 127.0.0.1; no request leaves the machine. Its two buckets are set up as an operator
would: the public one readable by anyone (a bucket policy), the private one by nobody
without credentials.
"""

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import closing

import boto3

PUBLIC_BUCKET = "relais-media"
PRIVATE_BUCKET = "relais-private"
CREDENTIALS = {"access_key": "relais-test", "secret_key": "relais-test-secret"}
REGION = "us-east-1"
START_TIMEOUT_SECONDS = 90


def free_port():
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def public_read_policy(bucket):
    """Return the bucket policy that lets anyone read a bucket's objects (public media)."""
    statement = {
        "Effect": "Allow",
        "Principal": "*",
        "Action": "s3:GetObject",
        "Resource": f"arn:aws:s3:::{bucket}/*",
    }
    return json.dumps({"Version": "2012-10-17", "Statement": [statement]})


class S3Server:
    """moto's server in a subprocess, with a public and a private bucket."""

    def __init__(self):
        self.port = free_port()
        self.endpoint_url = f"http://127.0.0.1:{self.port}"
        self.process = None

    def start(self):
        command = [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(self.port)]
        self.process = subprocess.Popen(  # noqa: S603 - this interpreter, fixed arguments
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        self._wait_until_it_answers()
        self.client = boto3.client(
            "s3",
            endpoint_url=self.endpoint_url,
            region_name=REGION,
            aws_access_key_id=CREDENTIALS["access_key"],
            aws_secret_access_key=CREDENTIALS["secret_key"],
        )
        for bucket in (PUBLIC_BUCKET, PRIVATE_BUCKET):
            self.client.create_bucket(Bucket=bucket)
        self.client.put_bucket_policy(
            Bucket=PUBLIC_BUCKET, Policy=public_read_policy(PUBLIC_BUCKET)
        )

    def _wait_until_it_answers(self):
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"moto's S3 server exited with code {self.process.returncode}")
            try:
                # Its first answer loads moto's backends: seconds on a busy machine.
                with urllib.request.urlopen(self.endpoint_url + "/", timeout=10):  # noqa: S310
                    return
            except urllib.error.HTTPError:
                return  # it answered, even if it refuses
            except OSError:  # refused (not listening yet) or timed out (still loading)
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"moto's S3 server did not answer within {START_TIMEOUT_SECONDS} s")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def keys(self, bucket):
        """Return the names of every object in a bucket, sorted."""
        pages = self.client.get_paginator("list_objects_v2").paginate(Bucket=bucket)
        return sorted(item["Key"] for page in pages for item in page.get("Contents", []))

    def empty(self, bucket):
        for key in self.keys(bucket):
            self.client.delete_object(Bucket=bucket, Key=key)

    def read(self, bucket, key):
        return self.client.get_object(Bucket=bucket, Key=key)["Body"].read()

    def anonymous_get(self, url):
        """Return the status of a GET without credentials, as a visitor's browser sends it."""
        try:
            with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    def object_url(self, bucket, key):
        """Return the path-style URL of an object on this server."""
        return f"{self.endpoint_url}/{bucket}/{key}"

    def storages(self, base, **public_options):
        """Return STORAGES with public media and private media in this server's buckets."""
        connection = {"endpoint_url": self.endpoint_url, "region_name": REGION, **CREDENTIALS}
        public = {
            **connection,
            "bucket_name": PUBLIC_BUCKET,
            "querystring_auth": False,
            "file_overwrite": False,
            **public_options,
        }
        private = {**connection, "bucket_name": PRIVATE_BUCKET, "file_overwrite": False}
        return {
            **base,
            "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": public},
            "private": {"BACKEND": "relais.media.storage.PrivateS3Storage", "OPTIONS": private},
        }
