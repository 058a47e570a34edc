"""BRIEF stage: one page per story: summary, timeline, who said what, coverage.

Public API: ``build_brief(story_id, articles, storyline=None) -> Story`` and
``render_brief(story, articles) -> rich renderable``.
"""

from kabar.brief.build import build_brief
from kabar.brief.render import render_brief

__all__ = ["build_brief", "render_brief"]
