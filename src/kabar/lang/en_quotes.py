"""English knowledge for quote attribution: reporting verbs, pronouns, titles and role words.

Quote extraction (``kabar.annotate.quotes``) reads these lists only; it has no English in it.
"""

# Reporting verbs after a quote, before or after their subject ('," said Lavrov.' /
# '," Lavrov said.' / '," he added.').
CUES_AFTER = (
    "said", "says", "told", "added", "adds", "stated", "explained", "noted", "stressed",
    "asked", "wrote", "insisted", "argued", "warned", "claimed", "declared", "continued",
    "recalled", "remarked", "replied", "concluded", "admitted", "acknowledged", "announced",
    "tweeted", "posted", "confirmed", "urged",
)

# Reporting verbs after their subject that open a statement ('Putin said that ...').
CUES_ACTIVE = CUES_AFTER + ("say", "tell", "add", "believes", "believed", "thinks", "thought")

CUES_PASSIVE: tuple[str, ...] = ()

# "According to X, ..."
ACCORDING_TO = ("according to",)

THAT = ("that",)

PRONOUNS = ("he", "she", "they", "it")

DEMONSTRATIVES: tuple[str, ...] = ()

ROLE_WORDS = (
    "President", "Vice", "Prime", "Minister", "PM", "Chancellor", "King", "Queen", "Prince",
    "Princess", "Pope", "Secretary", "General", "Foreign", "Defence", "Defense", "State",
    "Senator", "Sen", "Rep", "Representative", "Governor", "Gov", "Mayor", "Chief", "Head",
    "Director", "Chairman", "Chairwoman", "Chair", "Spokesman", "Spokeswoman", "Spokesperson",
    "Ambassador", "Envoy", "Diplomat", "Leader", "Commander", "Colonel", "Col", "Major", "Lt",
    "Lieutenant", "Captain", "Capt", "Admiral", "Adm", "Gen", "Sgt", "Sergeant", "Officer",
    "Executive", "CEO", "Founder", "Dr", "Prof", "Professor", "Mr", "Mrs", "Ms", "Miss", "Sir",
    "Lord", "Lady", "Judge", "Justice", "Attorney", "Deputy", "Assistant", "Coach", "Manager",
    "Analyst", "Economist",
)

ROLE_CONTEXT_WORDS = (
    "Affairs", "Ministry", "Department", "Office", "Council", "Committee", "Security",
    "National", "United", "States", "Nations", "US", "U.S.", "UK", "EU", "UN", "NATO", "White",
    "House", "Kremlin", "Russian", "Chinese", "American", "British", "Ukrainian", "Indonesian",
    "Russia", "China", "Ukraine", "Indonesia", "Britain", "France", "French", "German",
    "Germany", "Japan", "Japanese", "India", "Indian", "Iran", "Israel", "Israeli",
    "Palestinian", "European", "Union", "Commission", "Party", "Communist", "Democratic",
    "Republican", "Bank", "Central", "Inc", "Corp", "Company", "University", "Institute",
    "Executive", "Financial", "Operating", "Officer", "Press", "Information", "Federal",
    "Reserve", "Treasury", "Justice", "Health", "Trade", "Finance", "Interior", "Defense",
    "Defence", "Foreign", "Senate", "Congress", "Parliament", "Supreme", "Court",
)

ROLE_LOWER_WORDS = (
    "spokesman", "spokeswoman", "spokesperson", "minister", "foreign", "president", "chief",
    "head", "director", "official", "senior", "top", "diplomat", "leader", "analyst", "deputy",
    "of", "the", "for", "affairs", "secretary", "general", "state",
)

NAME_PARTICLES = ("bin", "van", "der", "den", "de", "da", "dos", "von", "al", "el", "la", "le")

NOT_NAMES = (
    "The", "A", "An", "But", "And", "Or", "He", "She", "They", "We", "I", "It", "In", "On",
    "At", "For", "With", "From", "By", "To", "Of", "This", "That", "These", "Those", "When",
    "While", "After", "Before", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December", "However", "Meanwhile",
    "According", "Reuters", "AFP", "AP",
)


ADMIN_HEADS = ("University", "Bank", "Party", "Ministry", "Department")

ROLE_CONNECTORS = ("of", "and", "&", "/", "(", ")", "-", "for", "the", "at")

SUBJECT_ADVERBS = ("also", "later", "then", "previously", "earlier", "has", "had", "have", "was", "is")

ADVERBIAL_OPENERS = ("in", "at", "on", "during", "after", "before", "who", "when", "speaking", "as")

PLACE_MARKERS = ("in", "to", "from", "of", "near")

# Words introducing the office of the name before them ("Edison Sembiring selaku Kepala Divisi
# ... menjelaskan"): the name, not the office, is the subject of the verb that follows.
APPOSITION_MARKERS = ("as",)

# Words joining the parts of a body's name inside a role phrase ("Fakultas Ekonomi dan Bisnis
# Universitas Indonesia Teguh Dartanto"), read backwards from the name.
BODY_CONNECTORS = ("and", "of", "&")
