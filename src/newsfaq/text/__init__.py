"""Text analysis shared by every capability: the spaCy pipeline and one parse per article
(``nlp``), numbers and dates (``numbers``, ``dates``), and the article's facts (``facts``: figures,
dates, quotes, attributions, roles, derived figures), which explain, ask and the audit all read;
word meaning from static word vectors (``wordvec``), and how well a passage answers a question
(``relevance``, a passage-ranking model).

Layer 1: may import only the core modules (``newsfaq.models``, ``errors``, ``settings``,
``atomic``); never ``ingest`` or any higher layer.
"""
