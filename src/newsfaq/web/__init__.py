"""Web: the FastAPI app (``server``: REST API and the page), the page's files (``static/``) and
uvicorn's protection against slow clients (``slowclients``).

Layer 6: may import every layer below; never ``cli``.
"""
