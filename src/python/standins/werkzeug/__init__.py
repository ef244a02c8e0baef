"""A lightweight in-browser stand-in for the parts of Werkzeug that Flask needs.

This is not the real Werkzeug. It runs inside Pyodide for the course's examples and holds
only what the Flask stand-in uses: HTTP exceptions and their error pages, header and
multi-value dictionaries, WSGI-environ requests, responses with cookies, the test client with
its cookie jar, status texts, URL rules and ``redirect``. Whatever it does,
it does as Werkzeug 3.1 does; anything else fails loudly instead of answering wrongly.
"""

STANDIN_NOTICE = "in-browser Werkzeug stand-in"
