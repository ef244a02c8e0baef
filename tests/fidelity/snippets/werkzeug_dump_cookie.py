"""werkzeug.http.dump_cookie writes Set-Cookie values; parse_cookie reads Cookie headers."""
from datetime import datetime, timedelta, timezone

from werkzeug.http import dump_cookie, parse_cookie

fixed = datetime(2030, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
print(dump_cookie("session", "abc"))
print(dump_cookie("session", "abc", path=None))
print(dump_cookie("a", "b", expires=fixed, max_age=3600, domain=".Example.com:8000", secure=True, httponly=True, samesite="lax"))
print(dump_cookie("a", "b", expires=0))
print(dump_cookie("a", "b", expires=1893456000, max_age=timedelta(days=1)))
print(dump_cookie("a", "b", expires="Sun, 01 Jan 2040 00:00:00 GMT"))
print(dump_cookie("a", "b", max_age=60, sync_expires=False))
print(dump_cookie("a", "b", partitioned=True, samesite="none"))
print(dump_cookie("a", "b", path="/my path/ü"))
for value in ["plain", "with space", 'quote"d', "semi;colon", "comma,", "back\\slash", "ünïcode", "", "a=b", "tab\there"]:
    dumped = dump_cookie("k", value)
    print(repr(value), "->", dumped, "->", parse_cookie(dumped.split(";")[0]).get("k") == value)
try:
    dump_cookie("a", "b", samesite="sometimes")
except ValueError as error:
    print("ValueError:", error)
print(parse_cookie("a=1; b=2; a=3").getlist("a"))
print(parse_cookie('x="quoted \\"value\\""; y = spaced ; z').to_dict())
print(parse_cookie("bad cookie; =novalue; good=yes").to_dict())
print(parse_cookie({"HTTP_COOKIE": "env=1"}).to_dict(), parse_cookie(None).to_dict(), parse_cookie("").to_dict())
