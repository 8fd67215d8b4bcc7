"""parley: news articles about diplomatic relations, as tables of actors, dates, events and contacts."""
from .article import Article, read_article
from .errors import ParleyError

__all__ = ["Article", "ParleyError", "Result", "analyze", "read_article"]
__version__ = "0.1.0"


def __getattr__(name: str):
    # The pipeline imports spaCy; load it only when asked for, so `import parley` stays light.
    if name in {"analyze", "Result"}:
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
