"""Web: the FastAPI app (``server``: REST API and the page) and the page's files (``static/``).

Layer 6: may import every layer below; never ``cli``.
"""
