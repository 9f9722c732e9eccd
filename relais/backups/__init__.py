"""Backups that restore: the database and both media folders, with a manifest of checksums."""
