"""Speaker phrases: the language lexicon, reading a name or role phrase from tokens, and the
article's index of person names used to expand short forms and resolve pronouns."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType

from kabar.lang import en_quotes, id_quotes

TOKEN = re.compile(r"[^\W\d_][\w’'\-]*|\d[\w/,.:-]*|[^\w\s]")

# Administrative nouns whose next capitalised word is a place or body, not a name
# ("Kabupaten Banjarnegara", "Kota Bogor").
_LANGUAGES: dict[str, ModuleType] = {"id": id_quotes, "en": en_quotes}


@dataclass(frozen=True)
class Lexicon:
    cues_after: frozenset[str]
    cues_active: frozenset[str]
    cues_passive: frozenset[str]
    according_to: tuple[tuple[str, ...], ...]
    that: frozenset[str]
    pronouns: frozenset[str]
    demonstratives: frozenset[str]
    role_words: frozenset[str]  # lower-cased
    role_context: frozenset[str]  # lower-cased
    role_lower: frozenset[str]
    particles: frozenset[str]
    not_names: frozenset[str]
    admin_heads: frozenset[str]  # lower-cased
    connectors: frozenset[str]
    subject_adverbs: frozenset[str]
    adverbial_openers: frozenset[str]
    apposition_markers: frozenset[str]
    body_connectors: frozenset[str]
    place_markers: tuple[str, ...]

    def is_cue_after(self, word: str) -> bool:
        w = word.lower()
        return w in self.cues_after or (w.endswith("nya") and w[:-3] in self.cues_after)

    @property
    def cue_after_pattern(self) -> re.Pattern[str]:
        """A reporting verb right after a closing mark: ' kata', 'ujarnya', ' said'."""
        words = sorted(self.cues_after, key=len, reverse=True)
        return re.compile(r"\s*(?:" + "|".join(map(re.escape, words)) + r")(?:nya)?\b")

    def is_role(self, word: str) -> bool:
        w = word.lower().rstrip(".")
        return w in self.role_words or w in self.role_context


def _merge(modules: list[ModuleType], name: str) -> list[str]:
    out: list[str] = []
    for module in modules:
        out.extend(getattr(module, name))
    return out


@lru_cache(maxsize=8)
def lexicon(language: str) -> Lexicon:
    """The reporting verbs and role words of ``language``; both known languages for others."""
    base = (language or "").lower().split("-")[0]
    modules = [_LANGUAGES[base]] if base in _LANGUAGES else list(_LANGUAGES.values())

    def lower(name: str) -> frozenset[str]:
        return frozenset(w.lower() for w in _merge(modules, name))

    return Lexicon(
        cues_after=lower("CUES_AFTER"),
        cues_active=lower("CUES_ACTIVE"),
        cues_passive=lower("CUES_PASSIVE"),
        according_to=tuple(tuple(p.lower().split()) for p in _merge(modules, "ACCORDING_TO")),
        that=lower("THAT"),
        pronouns=lower("PRONOUNS"),
        demonstratives=lower("DEMONSTRATIVES"),
        role_words=lower("ROLE_WORDS"),
        role_context=lower("ROLE_CONTEXT_WORDS"),
        role_lower=lower("ROLE_LOWER_WORDS"),
        particles=lower("NAME_PARTICLES"),
        not_names=frozenset(_merge(modules, "NOT_NAMES")),
        admin_heads=lower("ADMIN_HEADS"),
        connectors=lower("ROLE_CONNECTORS"),
        subject_adverbs=lower("SUBJECT_ADVERBS"),
        adverbial_openers=lower("ADVERBIAL_OPENERS"),
        apposition_markers=lower("APPOSITION_MARKERS"),
        body_connectors=lower("BODY_CONNECTORS"),
        place_markers=tuple(_merge(modules, "PLACE_MARKERS")),
    )


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text)


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


@dataclass(frozen=True)
class SpeakerPhrase:
    """What stands in the speaker's place: a name (with the role words before it), a pronoun,
    a bare role ("Presiden") or an anaphoric role phrase ("Diplomat tertinggi China ini")."""

    kind: str  # "name" | "pronoun" | "role" | "anaphor"
    name: tuple[str, ...] = ()
    role: tuple[str, ...] = ()
    end: int = 0  # token index after the phrase


def read_phrase(words: list[str], start: int, lex: Lexicon) -> SpeakerPhrase | None:
    """Read a speaker phrase forwards from ``words[start]``."""
    if start >= len(words):
        return None
    first = words[start]
    if first.lower() in lex.pronouns:
        return SpeakerPhrase("pronoun", (first,), end=start + 1)
    collected: list[str] = []
    anaphor = False
    i = start
    while i < len(words):
        word = words[i]
        if word == "." and collected and len(collected[-1]) <= 4 and collected[-1].lower() in lex.role_words:
            i += 1  # "Dr." "H." "Prof." abbreviations
            continue
        if word == "(" and i + 2 < len(words) and words[i + 2] == ")" and lex.is_role(words[i + 1]):
            collected.append(words[i + 1])  # "Brigjen (Pol)"
            i += 3
            continue
        if is_capitalised(word) and word not in lex.not_names:
            collected.append(word)
        elif word.lower() in lex.role_lower and not any(is_capitalised(w) and not lex.is_role(w) for w in collected):
            collected.append(word)
        elif (word.lower() in lex.particles and collected and i + 1 < len(words)
              and is_capitalised(words[i + 1])):
            collected.append(word)
        elif word.lower() in lex.demonstratives and collected:
            anaphor = True
            i += 1
            break
        else:
            break
        i += 1
    if not collected:
        return None
    return classify(collected, lex, anaphor, end=i)


def classify(collected: list[str], lex: Lexicon, anaphor: bool = False, end: int = 0) -> SpeakerPhrase | None:
    """Split a phrase into its role words and its trailing name."""
    cut = len(collected)
    while cut > 0 and not _role_token(collected, cut - 1, lex):
        cut -= 1
    name = tuple(collected[cut:])
    role = tuple(collected[:cut])
    if anaphor or (not name and any(w.islower() for w in role)):
        if not role:
            return None
        return SpeakerPhrase("anaphor", role=role, end=end)
    if not name or _names_a_place(role, name, lex) or all(w.isupper() for w in name):
        return SpeakerPhrase("role", role=role + name, end=end)
    while name and name[0].lower() in lex.particles:
        name = name[1:]
    if not name:
        return None
    return SpeakerPhrase("name", name=name, role=role, end=end)


def _capitalised_run_length(words: list[str], start: int) -> int:
    end = start
    while end < len(words) and is_capitalised(words[end]):
        end += 1
    return end - start


def _names_a_place(role: tuple[str, ...], name: tuple[str, ...], lex: Lexicon) -> bool:
    """"Kota Bekasi", "Bank Dunia": a one-word name right after a place or body noun (but
    "Wali Kota Bima" is a mayor)."""
    if len(name) != 1 or not role or role[-1].lower() not in lex.admin_heads:
        return False
    return not (len(role) > 1 and role[-2].lower() in lex.role_words)


def _role_token(collected: list[str], index: int, lex: Lexicon) -> bool:
    word = collected[index]
    if not word.isalpha() and any(c.isdigit() for c in word):
        return True  # "Covid-19", "Daop 1"
    if word.islower():
        return word not in lex.particles
    if lex.is_role(word):
        return True
    # An acronym inside a role phrase names the body ("Advokat Publik LBH Samarinda ...").
    if word.isupper() and len(word) > 1 and index + 1 < len(collected):
        return True
    # The word after "Kabupaten", "Polres", "PT" ... names a place or body, when a name of at
    # least two words still follows ("Kota Serang Hari W Pamungkas", not "Wali Kota Bima Arya").
    return index > 0 and collected[index - 1].lower() in lex.admin_heads and len(collected) - index > 2


def read_phrase_backwards(words: list[str], end: int, lex: Lexicon) -> SpeakerPhrase | None:
    """Read the speaker phrase that ends just before ``words[end]`` (the subject of a verb)."""
    i = end - 1
    if i < 0:
        return None
    if words[i].lower() in lex.pronouns:
        return SpeakerPhrase("pronoun", (words[i],), end=end)
    anaphor = False
    if words[i].lower() in lex.demonstratives:
        anaphor = True
        i -= 1
    collected: list[str] = []
    while i >= 0:
        word = words[i]
        if word == ")" and i >= 2 and words[i - 2] == "(" and (lex.is_role(words[i - 1]) or words[i - 1].isupper()):
            collected.insert(0, words[i - 1])  # "Brigjen (Pol)", "Himpunan ... (HIMKI) Satori"
            i -= 3
            continue
        if word == "." and i > 0 and collected and len(words[i - 1]) <= 4 and words[i - 1].lower() in lex.role_words:
            i -= 1
            continue
        if is_capitalised(word) and word not in lex.not_names:
            collected.insert(0, word)
        elif word.lower() in lex.particles and collected:
            collected.insert(0, word)
        elif (word.lower() in lex.body_connectors and collected and i > 0 and is_capitalised(words[i - 1])
              and not any(is_capitalised(w) and not lex.is_role(w) for w in collected[:1])):
            collected.insert(0, word)  # "Fakultas Ekonomi dan Bisnis Universitas Indonesia Teguh ..."
        elif (anaphor and (word.lower() in lex.role_lower or word.islower()) and len(collected) < 6
              and word.lower() not in lex.adverbial_openers):
            collected.insert(0, word)  # "diplomat tertinggi China ini"
        elif word.lower() in lex.role_lower and collected and len(collected) < 6:
            collected.insert(0, word)  # "Diplomat utama Tiongkok mengatakan"
        else:
            break
        i -= 1
    if not collected:
        return None
    if anaphor and not any(w.lower() in lex.role_lower or lex.is_role(w) for w in collected):
        return None
    return classify(collected, lex, anaphor, end=end)


def read_attribution(words: list[str], start: int, lex: Lexicon, max_lead: int = 6) -> SpeakerPhrase | None:
    """Read the speaker phrase after a cue: a name, or a role phrase however long (commas,
    "dan", "dari" inside it) ending in a name ("kata Menteri Koordinator Bidang Politik, Hukum,
    dan Keamanan Mahfud MD dalam ..."), or a name followed by its role ("kata Dedy, Kepala ...")."""
    n = len(words)
    i = start
    if i < n and words[i].lower() in lex.pronouns:
        return SpeakerPhrase("pronoun", (words[i],), end=i + 1)
    lead: list[str] = []
    # Lower-case words before the name describe the speaker ("ekonom dan pemerhati kebijakan").
    while i < n and words[i].islower() and len(lead) < max_lead:
        if words[i] in lex.pronouns or words[i] in lex.demonstratives:
            break
        lead.append(words[i])
        i += 1
    runs: list[list[str]] = []
    current: list[str] = list(lead)
    anaphor = False
    while i < n:
        word = words[i]
        following = words[i + 1] if i + 1 < n else ""
        if word == "." and current and len(current[-1]) <= 4 and current[-1].lower() in lex.role_words:
            i += 1
            continue
        if is_capitalised(word) or (word[0].isdigit() and current):
            if word in lex.not_names:
                break
            current.append(word)
        elif word.lower() in lex.particles and current and is_capitalised(following):
            current.append(word)
        elif word.lower() in lex.role_lower and not runs:
            current.append(word)
        elif word == "," or word.lower() in lex.connectors or (
                # "Kepala Urusan Perencanaan di Desa Pandanlandung Doni Andriawan", but not
                # "Wali Kota Surabaya Tri Rismaharini di Taman Surya"
                word == "di" and following.lower() in lex.admin_heads and current
                and any(_role_token(current, k, lex) for k in range(len(current)))
                and _capitalised_run_length(words, i + 1) >= 3):
            if current:
                runs.append(current)
                current = []
            first = runs[0] if runs else []
            has_role = any(_role_token(first, k, lex) for k in range(len(first))) or bool(lead)
            after_next = words[i + 2] if i + 2 < n else ""
            continues = is_capitalised(following) or (
                (following.lower() in lex.connectors or following.lower() in lex.role_lower)
                and (is_capitalised(after_next) or after_next.lower() in lex.role_lower))
            if not has_role or not continues:
                break
            if following in lex.not_names:
                break
        elif word.lower() in lex.demonstratives and (current or runs):
            anaphor = True
            break
        else:
            break
        i += 1
    if current and runs and i < n and words[i].islower() and _full_name(runs[-1], lex):
        # "Menurut Guru Besar ... Muhammad Handry Imansyah, Kalsel harus ...": the name closed
        # the attribution; "Kalsel" is the subject of the clause that follows.
        current = []
    if current:
        runs.append(current)
    if not runs:
        return None
    first_has_role = any(_role_token(runs[0], k, lex) for k in range(len(runs[0])))
    if not first_has_role:
        return classify(runs[0], lex, anaphor, end=i)
    for run in reversed(runs):
        phrase = classify(run, lex, anaphor, end=i)
        if phrase is not None and phrase.kind == "name":
            return phrase
    return classify([w for run in runs for w in run], lex, anaphor, end=i)


def _full_name(run: list[str], lex: Lexicon) -> bool:
    """The run ends in a name of two words or more after its role words."""
    phrase = classify(run, lex)
    return phrase is not None and phrase.kind == "name" and len(phrase.name) > 1 and bool(phrase.role)


def _before_apposition(words: list[str], end: int, phrase: SpeakerPhrase, lex: Lexicon) -> SpeakerPhrase | None:
    """'Edison Sembiring selaku Kepala Divisi ... PD Pasar Jaya menjelaskan': the phrase before
    the verb is an office introduced by "selaku" / "sebagai"; the subject is the name before it."""
    if phrase.kind == "pronoun":
        return None
    first = end - len(phrase.name) - len(phrase.role)
    while first > 0 and words[first - 1].islower() and words[first - 1].lower() not in lex.apposition_markers \
            and (words[first - 1].lower() in lex.role_lower or words[first - 1].lower() in lex.connectors):
        first -= 1  # "selaku kepala dinas ..."
    if first < 2 or words[first - 1].lower() not in lex.apposition_markers:
        return None
    named = read_phrase_backwards(words, first - 1, lex)
    if named is None or named.kind != "name":
        return None
    return SpeakerPhrase("name", name=named.name, role=named.role + phrase.role + phrase.name, end=end)


def _name_in_apposition(words: list[str], opening: int, comma: int, end: int, lex: Lexicon) -> SpeakerPhrase | None:
    """'Ketua Umum Koperasi ... (KPBS) Pangalengan, Aun Gunawan, saat dihubungi, mengatakan': an
    office (with a title word) closed by a comma, then a bare name between commas: the name is
    the subject, the office its description."""
    if comma >= end or words[comma] != "," or not any(w.lower() in lex.role_words for w in words[opening:comma]):
        return None
    named = read_phrase(words, comma + 1, lex)
    if named is None or named.kind != "name" or named.role or named.end >= end or words[named.end] != ",":
        return None
    return SpeakerPhrase("name", name=named.name, role=tuple(w for w in words[opening:comma] if w not in "()"),
                         end=named.end)


def subject_of(words: list[str], verb: int, lex: Lexicon) -> SpeakerPhrase | None:
    """The subject of the reporting verb ``words[verb]``: the phrase just before it ("Lavrov
    mengatakan", "Agus juga mengimbau"), or the phrase opening the sentence when an apposition
    stands between ("Saraswati, Koordinator ..., mengatakan")."""
    end = verb
    while end > 0 and words[end - 1].lower() in lex.subject_adverbs:
        end -= 1
    start = end
    while start > 0 and words[start - 1] not in ".!?":
        start -= 1
    if end > 0 and words[end - 1] == ",":
        # "Pakar hukum pidana Universitas Bengkulu, Herlambang, mengemukakan"
        phrase = read_phrase_backwards(words, end - 1, lex)
        if phrase is not None and phrase.kind == "name":
            first = end - 1 - len(phrase.name) - len(phrase.role)
            if first > start and words[first - 1] == ",":
                before = words[start:first - 1]
                lead = classify(list(before), lex) if all(is_capitalised(w) for w in before) else None
                if (lead is not None and lead.kind == "name" and not lead.role
                        and any(w.lower() in lex.role_words for w in phrase.role)):
                    # "Junen, Sekretaris KSU Karya Nugraha Jaya, mengatakan": a bare name, then
                    # its office.
                    return SpeakerPhrase("name", name=lead.name, role=phrase.role + phrase.name, end=phrase.end)
                # The words before the apposition describe the person: keep them as the role.
                return SpeakerPhrase("name", name=phrase.name, role=tuple(before) + phrase.role,
                                     end=phrase.end)
        phrase = read_phrase(words, start, lex)
        if phrase is not None and phrase.end < end - 1 and words[phrase.end] == "," and phrase.kind != "role":
            if not phrase.role:
                # "Saraswati, Koordinator ..., mengatakan": the apposition is her office.
                apposition = tuple(w for w in words[phrase.end + 1:end - 1] if w not in ",()")
                return SpeakerPhrase("name", name=phrase.name, role=apposition, end=phrase.end)
            # "Ketua Koperasi Tani Makmur, Joko Susilo, saat dihubungi, mengatakan"
            named = read_phrase(words, phrase.end + 1, lex)
            if named is not None and named.kind == "name" and named.end < end and words[named.end] == ",":
                return SpeakerPhrase("name", name=named.name, role=phrase.role + phrase.name + named.role,
                                     end=named.end)
            return phrase
        # "Ketua Umum KPBS Pangalengan, Aun Gunawan, saat dihubungi, Senin, mengatakan" and
        # "Wali Kota Surabaya Tri Rismaharini di Surabaya, Rabu (16/9), mengatakan": the subject
        # opens the sentence (or follows one introductory clause), the rest are adverbials.
        commas = [k for k in range(start, end - 1) if words[k] == ","]
        for opening in [start] + [k + 1 for k in commas[:1]]:
            boundary = next((k for k in range(opening + 1, end) if words[k] == "," or words[k] in lex.adverbial_openers), end)
            if any(w.lower() in lex.cues_active for w in words[boundary:end - 1]):
                continue
            named = _name_in_apposition(words, opening, boundary, end, lex)
            if named is not None:
                return named
            phrase = read_phrase_backwards(words, boundary, lex)
            if phrase is not None and phrase.kind == "name":
                first = boundary - len(phrase.name) - len(phrase.role)
                # Only a role phrase may stand before the name in this segment.
                if all(is_capitalised(w) or w.lower() in lex.connectors or w.lower() in lex.role_lower
                       for w in words[opening:max(opening, first)]):
                    return SpeakerPhrase("name", name=phrase.name, role=tuple(words[opening:max(opening, first)]) + phrase.role,
                                         end=phrase.end)
            phrase = read_attribution(words, opening, lex, max_lead=0)
            if phrase is not None and phrase.kind == "name" and phrase.end < end:
                return phrase
        return None
    phrase = read_phrase_backwards(words, end, lex)
    if phrase is not None:
        return _before_apposition(words, end, phrase, lex) or phrase
    # "Ahmad Sahroni dalam acara tersebut mengungkapkan": skip one adverbial phrase.
    for gap in range(end - 1, max(start, end - 10), -1):
        if words[gap].lower() in lex.adverbial_openers and gap > start and is_capitalised(words[gap - 1]):
            phrase = read_phrase_backwards(words, gap, lex)
            if phrase is not None and phrase.kind == "name" and all(w.islower() or w == "," for w in words[gap:end]):
                return phrase
    return None
