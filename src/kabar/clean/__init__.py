"""The clean stage: from a raw scraped page to an article body with its metadata.

    from kabar.clean import clean_document, CleanError, TemplateMemory, detect_language
"""

from kabar.clean.document import CleanError, clean_document
from kabar.clean.language import detect_language
from kabar.clean.templates import TemplateMemory

__all__ = ["CleanError", "TemplateMemory", "clean_document", "detect_language"]
