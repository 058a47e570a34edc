"""English boilerplate knowledge for the clean stage: the words news pages put around an article.

Same shape as ``id_boilerplate``; the clean stage merges all ``*_boilerplate`` modules.
"""

LINE_PATTERNS: tuple[tuple[str, str], ...] = (
    ("caption", r"^(photo|image|picture|illustration)( credit)?\s*:|\(photo credit\s*:"),
    ("caption", r"^(getty images|reuters|ap photo|afp)(/[\w. ]+)?$"),
    ("comments", r"^(\d+\s+)?comments?(\s*\(\d*\))?$|^(post|leave|add|show|view) (a )?comments?"
                 r"|^join the conversation|^\[?\s*\d+ comments?\s*\]?$|^(\w+ ){0,2}comments\s*\]?$"
                 r"|^(top|most) (rated|recent|popular|liked) comments|^\[? ?read all comments|^leave a reply|^reply$|^\d+ (replies|responses)"
                 r"|^.{2,60}\bon \w+ \d{1,2},? \d{4}( at [\d:]+ ?[ap]\.?m\.?)? (said|says|wrote)\s*:?$"),
    ("share", r"^(share|tweet|email|print|pin|whatsapp|facebook|twitter|linkedin|reddit)"
              r"( this( article| story)?| on \w+)?$|^(like|enjoyed?) this (story|article|post)\? share it"),
    ("navigation", r"^(home|menu|search|sign in|log ?in|subscribe|skip to (main )?content|you are at:|more news"
                   r"|back to top|next|previous|close)$"),
    ("ad", r"^(advertisement|sponsored( content)?|scroll to continue with content|continue reading below|ad)$"),
    ("footer", r"^(©|copyright|\(c\)\s*\d{4})|all rights reserved|^(terms of (use|service)|privacy policy"
               r"|cookie policy|contact us|about us|sitemap|rss|advertise with us|careers?|feedback)$"),
    ("promo", r"^(sign up|subscribe) (for|to) (our|the)|newsletter$|^follow us\b|^download (our|the) app"),
    ("tags", r"^(tags|topics|related tags|filed under)\s*:?$"),
    ("dateline", r"^(first )?(published|updated|posted)\s*(on|at)?\s*:?\s*\w*,? ?\w+ \d"),
)

ANY_LENGTH_PATTERNS: tuple[tuple[str, str], ...] = (
    ("promo", r"^sign up for [\w ]{2,40}, our (free )?newsletter"),
)

BYLINE_NOT_NAMES: tuple[str, ...] = ("staff", "editorial", "team", "newsroom", "desk", "admin", "editors",
                                     "correspondent", "reporters")

RELATED_HEADERS: tuple[str, ...] = (
    r"^(read|see) (more|also)\b",
    r"^(related|more) (stories|articles|news|coverage|from)\b",
    r"^(related|recommended|most (read|popular)|trending|you may also like|what to read next)\s*:?$",
    r"^(most (read|popular|viewed|shared|watched))( (stories|articles|videos|news|now|today|this week))?\s*:?$",
    r"^(you (might|may) (also )?(like|enjoy)|more to (read|explore))\b",
)

BYLINE_KEYS: tuple[str, ...] = ("by", "written by", "author", "reporting by", "editing by", "reported by")

CITE_CUES: tuple[str, ...] = (
    r"according to", r"(?:said|told|reported|quoted by|cited by|via)",
    r"as reported by", r"in an interview with",
)

SOURCE_DESCRIPTORS: tuple[str, ...] = (
    "news agency", "the news agency", "state media", "state-run", "the newspaper", "newspaper",
    "broadcaster", "the broadcaster", "daily", "the daily", "outlet", "tv channel",
)

CAPTION_MARKERS: tuple[str, ...] = (
    r"\((left|right|center|centre|l-r|from left|pictured)\)",
    r"\((photo|image)( credit)?\s*:",
    r"[.!?]\s+(photo|image|picture)( credit)?\s*:.{0,80}$",
)

# What an error page says instead of an article ("404 Not Found").
ERROR_PAGE_PATTERNS: tuple[str, ...] = (
    r"\b(page|article|story) (you are looking for |you requested |you were looking for )?"
    r"(could not|cannot|can't|couldn't) be found\b",
    r"\b(page|article) (not found|does not exist|no longer exists|has been removed)\b",
    r"\b(access denied|forbidden|internal server error|service unavailable|bad gateway)\b",
)
