#!/usr/bin/env bash
# Makes a Python that imports today's releases of the libraries the stand-ins imitate:
# Flask 3.1.3, Werkzeug 3.1.9, PyJWT 2.15.1 and Flask-JWT-Extended 4.7.4 (with their
# dependencies), for regenerating tests/fidelity/**/*.expected.txt.
#
# PyPI is out of reach on this machine kind, but Debian's registry is not: Debian
# unstable (sid) packages exactly these releases. The .deb files are downloaded with
# a private apt list (nothing is installed system-wide) and unpacked into
# .cache/reference-python/. They are pure Python (MarkupSafe falls back to its pure
# Python code), so the machine's /usr/bin/python3 runs them.
#
# Usage: scripts/reference-python.sh           # prints the PYTHONPATH to use
#        PYTHONPATH=$(scripts/reference-python.sh) /usr/bin/python3 -c 'import flask'
# Elsewhere: any Python with `pip install flask==3.1.3 werkzeug==3.1.9 pyjwt==2.15.1
# flask-jwt-extended==4.7.4` is an equal reference (set REFERENCE_CURRENT_PYTHON).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cache="$root/.cache/reference-python"
site="$cache/root/usr/lib/python3/dist-packages"
packages=(
  python3-flask=3.1.3-4
  python3-werkzeug=3.1.9-1
  python3-jwt=2.15.1-1
  python3-python-flask-jwt-extended=4.7.4-1
  python3-itsdangerous python3-click python3-blinker python3-jinja2 python3-markupsafe
)
if [ ! -f "$site/flask/__init__.py" ] || [ ! -f "$cache/.complete" ]; then
  mkdir -p "$cache/state/lists/partial" "$cache/cache/archives/partial" "$cache/debs"
  cat > "$cache/sources.list" <<LIST
deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian sid main
LIST
  apt_options=(
    -o "Dir::Etc::sourcelist=$cache/sources.list" -o "Dir::Etc::sourceparts=-"
    -o "Dir::State=$cache/state" -o "Dir::Cache=$cache/cache" -o "Dir::State::status=/var/lib/dpkg/status"
    -o "APT::Sandbox::User=root" -qq
  )
  apt-get "${apt_options[@]}" update >&2
  (cd "$cache/debs" && apt-get "${apt_options[@]}" download "${packages[@]}" >&2)
  rm -rf "$cache/root" && mkdir -p "$cache/root"
  for deb in "$cache/debs"/*.deb; do dpkg-deb -x "$deb" "$cache/root"; done
  touch "$cache/.complete"
fi
echo "$site"
