"""flask_jwt_extended.typing: the type aliases of Flask-JWT-Extended 4.7 (stand-in)."""
from datetime import timedelta
from typing import Literal, Union

ExpiresDelta = Union[Literal[False], timedelta]
Fresh = Union[bool, float, timedelta]
