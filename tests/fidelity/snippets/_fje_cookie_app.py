"""Helpers shared by the fje_cookie_* snippets (imported, not run on its own).

Token and CSRF values hold iat/exp/jti and random ids, and Expires follows the clock when
Max-Age is set, so the Set-Cookie headers are shown with those parts replaced.
"""
SECRET = "fje-cookie-secret-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGH"


def show_set_cookies(response):
    """Prints each Set-Cookie header: name, whether it has a value, then its attributes."""
    headers = response.headers.getlist("Set-Cookie")
    if not headers:
        print("   (no Set-Cookie)")
    for header in headers:
        parts = header.split("; ")
        name, _, value = parts[0].partition("=")
        shown = [name + "=" + ("<value>" if value else "")]
        has_max_age = any(part.startswith("Max-Age=") for part in parts)
        for part in parts[1:]:
            if part.startswith("Expires=") and has_max_age:
                part = "Expires=<now + Max-Age>"
            shown.append(part)
        print("   Set-Cookie:", "; ".join(shown))


def show(label, response):
    print(label, response.status_code, response.get_json())


def jar(client, *names, path="/"):
    """Which of these cookies the test client holds (for that path)."""
    return {name: client.get_cookie(name, path=path) is not None for name in names}
