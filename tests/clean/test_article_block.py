"""Which stretch of a page is the article, given the line judge's per-line verdicts: the rules
that overrule a confidently wrong judge (a short post under a long comment thread, teaser cards
above the article's header, a list of headlines below it, a "Related articles" box in the
middle). Hand-written (invented) pages; each test sets the judge's keep/cut by hand, as the
judge got such pages wrong, so it fails when the rule goes."""

import pytest

from kabar.clean.blocks import (
    Verdict,
    _cut_after_comments,
    _extend_body,
    _keep_main_blocks,
    _prefer_post_above_related,
    _reach_back_to_header,
    _start_after_header,
    mark_related_lists,
)
from kabar.clean.rules import rule_kind


def _page(lines: list[str]) -> list[Verdict]:
    verdicts = [Verdict(t, rule_kind(t)) for t in lines]
    mark_related_lists(verdicts)
    return verdicts


def _kept(verdicts, keep) -> list[str]:
    return [v.text for v, k in zip(verdicts, keep) if k]


POST = ("Our goal with these quarterly open threads is to give readers a place to raise comments or "
        "questions about our work in a public forum.")
REPLY = ("We looked at that paper in some detail last year and wrote up what we found, which you can read "
         "in the review linked from our research page; in short, the effect was smaller than reported.")


def test_a_post_above_its_comment_thread_is_the_article():
    lines = ["Blog", "Open thread, autumn", "September 10, 2018 | by Catherine", POST,
             "You can view our previous open thread here.", "Comments",
             "Milan on September 12, 2018 at 4:47 pm said:", "Any update on the follow-up paper?",
             "Catherine on September 13, 2018 at 5:23 pm said:", REPLY, REPLY.replace("last", "this"),
             "Comments are closed."]
    verdicts = _page(lines)
    assert sum(v.kind == "comments" for v in verdicts) >= 2  # the rules know the thread's markers
    keep = [t in (REPLY, REPLY.replace("last", "this")) for t in lines]  # the judge took a reply
    _cut_after_comments(verdicts, keep)
    assert _kept(verdicts, keep) == [POST, "You can view our previous open thread here."]


def test_one_comments_link_in_the_header_does_not_move_the_article():
    body = [REPLY, REPLY.replace("last", "this"), REPLY.replace("year", "month")]
    lines = ["Home", "Comments", "Share", "Copyright notice: this material may not be republished.", *body]
    verdicts = _page(lines)
    keep = [t in body for t in lines]
    _cut_after_comments(verdicts, keep)
    assert _kept(verdicts, keep) == body


TEASERS = [
    "Police: 2 In Custody After Death Of A StudentA 24-year-old woman and a 28-year-old man have been arrested.",
    "Customers Leave Without Paying At SteakhouseA party of six left the restaurant without paying the bill.",
    "Panel Applications Go Out To 250,000The state will mail applications to randomly selected voters.",
]
ARTICLE = [
    "ST. JOSEPH (AP) — Health authorities are reporting a sixth death linked to a mosquito-borne virus this year.",
    "County officials said Monday the victim was one of two people who contracted the virus in the same week.",
    "The virus first appeared in the west of the state at the end of August and has since spread to ten counties.",
]


def test_teaser_cards_above_the_articles_date_line_are_cut():
    lines = [*TEASERS, "Officials: Sixth Death Linked To Virus", "November 19, 2019 at 9:45 am", *ARTICLE]
    verdicts = _page(lines)
    keep = [True] * len(lines)  # the judge kept the cards, the headline and the date line
    _start_after_header(verdicts, keep)
    assert _kept(verdicts, keep) == ARTICLE


def test_an_article_above_a_tweets_date_is_kept_whole():
    tweet = ["The air was horrific on Sunday, but depressingly familiar to everyone who lives here.",
             "— Josh (@josh) November 3, 2019"]
    lines = [*ARTICLE, *tweet, *[a.replace("virus", "disease") for a in ARTICLE]]
    verdicts = _page(lines)
    keep = [True] * len(lines)
    _start_after_header(verdicts, keep)
    assert all(keep)


def test_a_short_post_above_a_related_header_beats_the_cards_below_it():
    post = ("Living a true love is one of the greatest pleasures in life, and only those who love "
            "themselves can find it, because love begins at home and grows from there every day")
    card = "Life asks us for optimism and courage, to hope for the best and to make the best happen."
    lines = ["Menu", "Only those who love themselves", "Share on WhatsApp", post, "Self-esteem",
             "You may also like", *[x for i in range(4) for x in (card.replace("best", f"best {i}"),
                                                                   "Share on WhatsApp")]]
    verdicts = _page(lines)
    keep = [v.text.startswith("Life asks") or v.text == "Share on WhatsApp" and i > 5
            for i, v in enumerate(verdicts)]
    _prefer_post_above_related(verdicts, keep)
    assert _kept(verdicts, keep) == [post]


def test_a_headline_list_below_the_article_goes_however_long():
    headlines = ["Amsterdam mayor slams tourists who crowd the old town", "Drunk man drives tank through small town",
                 "Oxygen bars open as the city chokes under pollution", "Three asteroids headed this way, astronomers say",
                 "Debt will soon hit a new record, analysts warn", "Football manager loses job after outburst on air"]
    lines = [*ARTICLE, "Trends: politics", "Where to watch", *headlines]
    verdicts = _page(lines)
    keep = [t in ARTICLE or t in headlines for t in lines]
    _keep_main_blocks(verdicts, keep)
    assert _kept(verdicts, keep) == ARTICLE


def test_sentence_case_headlines_under_a_related_header_are_the_box_not_the_article():
    lines = [ARTICLE[0], "Related articles", "Weather alert: plague of mosquitos to devastate Britain as Hurri...",
             "Bible bombshell: scientists claim discovery of root of all evil", ARTICLE[1]]
    verdicts = _page(lines)
    assert [v.kind for v in verdicts[1:4]] == ["related-links"] * 3
    assert verdicts[4].kind is None


def test_menus_kept_above_the_byline_are_cut():
    menus = ["Applications OS Channel Programs Cloud Components", "Industry Outlooks", "Corporate CloseUps",
             "News, Analysis and Perspective for Solution Providers", "AddThis Sharing Buttons"]
    lines = [*menus, "By Joseph Tsidulko November 19, 2019, 07:47 PM EST", *ARTICLE]
    verdicts = _page(lines)
    keep = [True] * len(lines)
    _start_after_header(verdicts, keep)
    assert _kept(verdicts, keep) == ARTICLE


@pytest.mark.parametrize("insert", [
    "SINGER CLEARED TO PERFORM HITS AT AWARDS AMID FEUD WITH FORMER LABEL: REPORT",  # a shouted link to another story
    "[The Verge]",  # the source of the excerpt above, in a round-up of reviews
])
def test_the_body_grows_past_an_insert_between_paragraphs(insert):
    lines = [ARTICLE[0], insert, ARTICLE[1]]
    verdicts = _page(lines)
    keep = [True, False, False]
    _extend_body(verdicts, keep)
    assert keep == [True, False, True]


def test_the_article_reaches_back_to_its_byline():
    opening = ["In July we recommended a grant to a new incubator of cost-effective programs.",
               "This post will discuss the following:", "Why the incubator is promising.", "Risks we see"]
    lines = ["Previous Post", "Next Post", "October 9, 2018 | by Olivia Larsen", *opening, *ARTICLE]
    verdicts = _page(lines)
    keep = [t in ARTICLE for t in lines]  # the judge missed the opening
    _reach_back_to_header(verdicts, keep)
    assert _kept(verdicts, keep) == [*opening, *ARTICLE]


def test_a_sentence_that_gives_a_date_does_not_open_the_article():
    """Quoted openings ("on 'Enhancing ...'") are no teaser cards run together, and a sentence
    naming a date is the article's text, not its date line: nothing above it is cut."""
    opening = ["On Tuesday the capital hosts a seminar on 'Enhancing the electoral system', the organisers said.",
               "'The objectives of this meeting are to give expert support to the commission', the statement said.",
               "The commission plans to hold elections on December 15 2013."]
    lines = [*opening, *ARTICLE]
    verdicts = _page(lines)
    keep = [True] * len(lines)
    _start_after_header(verdicts, keep)
    assert all(keep)
