"""Many articles at once (``run``: batch, engines) and the same contact or person reported by
several articles merged into one row (``merge``)."""
from .merge import actor_map, merge_actors, merge_contacts, merge_mentions
from .run import CorpusResult, analyze_corpus, articles, batch

__all__ = ["CorpusResult", "actor_map", "analyze_corpus", "articles", "batch", "merge_actors", "merge_contacts",
           "merge_mentions"]
