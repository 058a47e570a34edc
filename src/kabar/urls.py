"""URLs from input metadata, which may be anything: a scraper's "https://warta.e[xample/a2" makes
urllib raise ValueError, and such a URL must cost the article its link, not the article."""

from __future__ import annotations

from urllib.parse import urlsplit


def host_of(url: str | None) -> str | None:
    """The lower-case host name of a URL ("//" may be missing), or None when it has none or is
    not a URL urllib can read."""
    if not url:
        return None
    try:
        return urlsplit(url.strip() if "//" in url else f"//{url.strip()}").hostname
    except ValueError:
        return None


def scheme_of(url: str) -> str | None:
    """The URL's scheme, lower-case ("" when it has none), or None when it is not a URL."""
    try:
        return urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
