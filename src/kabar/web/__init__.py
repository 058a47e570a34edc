"""The web app: JSON API (and, in its own module, pages) over the store. Thin: no SQL here."""

from .app import create_app

__all__ = ["create_app"]
