"""Clustering: near-duplicates, online event clustering and storylines.

```python
from kabar.cluster import StoryIndex
index = StoryIndex()                 # or StoryIndex.loads(blob) to resume
assignment = index.add(article)      # in arrival order
blob = index.dumps()                 # the whole state: a checkpoint
index.replay(article, story, duplicate_of)  # after a checkpoint: a stored assignment again

features = article_features(article) # the per-article half, computable anywhere beforehand
index.add(article, features)         # the same assignment as index.add(article)
```
"""

from .features import ArticleFeatures, article_features
from .index import StoryIndex, load_params, story_id
from .storylines import storyline_id

__all__ = ["ArticleFeatures", "article_features", "StoryIndex", "load_params", "story_id", "storyline_id"]
