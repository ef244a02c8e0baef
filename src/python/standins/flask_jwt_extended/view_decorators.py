"""@jwt_required() and verify_jwt_in_request() (stand-in; see flask_jwt_extended/__init__.py)."""
from datetime import datetime, timezone
from functools import wraps
from re import split

from flask import current_app, g, request
from werkzeug.exceptions import BadRequest

from .config import config
from .exceptions import CSRFError, FreshTokenRequired, InvalidHeaderError, InvalidQueryParamError, NoAuthorizationError, UserLookupError
from .internal_utils import custom_verification_for_token, has_user_lookup, user_lookup, verify_token_not_blocklisted, verify_token_type
from .utils import decode_token, get_unverified_jwt_headers


def _verify_token_is_fresh(jwt_header, jwt_data):
    fresh = jwt_data["fresh"]
    if isinstance(fresh, bool):
        if not fresh:
            raise FreshTokenRequired("Fresh token required", jwt_header, jwt_data)
    else:
        now = datetime.timestamp(datetime.now(timezone.utc))
        if fresh < now:
            raise FreshTokenRequired("Fresh token required", jwt_header, jwt_data)


def verify_jwt_in_request(optional=False, fresh=False, refresh=False, locations=None, verify_type=True, skip_revocation_check=False):
    """Checks the request's token; returns (header, claims), or None for OPTIONS or no token with optional=True."""
    if request.method in config.exempt_methods:
        return None
    try:
        jwt_data, jwt_header, jwt_location = _decode_jwt_from_request(
            locations, fresh, refresh=refresh, verify_type=verify_type, skip_revocation_check=skip_revocation_check
        )
    except NoAuthorizationError:
        if not optional:
            raise
        g._jwt_extended_jwt = {}
        g._jwt_extended_jwt_header = {}
        g._jwt_extended_jwt_user = {"loaded_user": None}
        g._jwt_extended_jwt_location = None
        return None
    # Saved only now, so a token that fails any check leaves nothing behind.
    g._jwt_extended_jwt_user = _load_user(jwt_header, jwt_data)
    g._jwt_extended_jwt_header = jwt_header
    g._jwt_extended_jwt = jwt_data
    g._jwt_extended_jwt_location = jwt_location
    return jwt_header, jwt_data


def jwt_required(optional=False, fresh=False, refresh=False, locations=None, verify_type=True, skip_revocation_check=False):
    """Protects a view: ``@jwt_required()`` (with the parentheses) before ``def view():``."""

    def wrapper(fn):
        @wraps(fn)
        def decorator(*args, **kwargs):
            verify_jwt_in_request(optional, fresh, refresh, locations, verify_type, skip_revocation_check)
            return current_app.ensure_sync(fn)(*args, **kwargs)

        return decorator

    return wrapper


def _load_user(jwt_header, jwt_data):
    if not has_user_lookup():
        return None
    identity = jwt_data[config.identity_claim_key]
    user = user_lookup(jwt_header, jwt_data)
    if user is None:
        raise UserLookupError(f"user_lookup returned None for {identity}", jwt_header, jwt_data)
    return {"loaded_user": user}


def _decode_jwt_from_headers():
    header_name = config.header_name
    header_type = config.header_type
    auth_header = request.headers.get(header_name, "").strip().strip(",")
    if not auth_header:
        raise NoAuthorizationError(f"Missing {header_name} Header")
    # The header may hold several comma-separated fields; exactly one must be "<type> <JWT>".
    if header_type:
        field_values = split(r",\s*", auth_header)
        jwt_headers = [s for s in field_values if s and s.split()[0] == header_type]
        if len(jwt_headers) != 1:
            raise NoAuthorizationError(f"Missing '{header_type}' type in '{header_name}' header. Expected '{header_name}: {header_type} <JWT>'")
        parts = jwt_headers[0].split()
        if len(parts) != 2:
            raise InvalidHeaderError(f"Bad {header_name} header. Expected '{header_name}: {header_type} <JWT>'")
        encoded_token = parts[1]
    else:
        parts = auth_header.split()
        if len(parts) != 1:
            raise InvalidHeaderError(f"Bad {header_name} header. Expected '{header_name}: <JWT>'")
        encoded_token = parts[0]
    return encoded_token, None


def _decode_jwt_from_cookies(refresh):
    if refresh:
        cookie_key = config.refresh_cookie_name
        csrf_header_key = config.refresh_csrf_header_name
        csrf_field_key = config.refresh_csrf_field_name
    else:
        cookie_key = config.access_cookie_name
        csrf_header_key = config.access_csrf_header_name
        csrf_field_key = config.access_csrf_field_name

    encoded_token = request.cookies.get(cookie_key)
    if not encoded_token:
        raise NoAuthorizationError(f'Missing cookie "{cookie_key}"')

    # Double submit: a state-changing request must repeat the token's csrf claim.
    if config.cookie_csrf_protect and request.method in config.csrf_request_methods:
        csrf_value = request.headers.get(csrf_header_key, None)
        if not csrf_value and config.csrf_check_form:
            csrf_value = request.form.get(csrf_field_key, None)
        if not csrf_value:
            raise CSRFError("Missing CSRF token")
    else:
        csrf_value = None
    return encoded_token, csrf_value


def _decode_jwt_from_query_string():
    param_name = config.query_string_name
    prefix = config.query_string_value_prefix
    value = request.args.get(param_name)
    if not value:
        raise NoAuthorizationError(f"Missing '{param_name}' query paramater")
    if not value.startswith(prefix):
        raise InvalidQueryParamError(f"Invalid value for query parameter '{param_name}'. Expected the value to start with '{prefix}'")
    return value[len(prefix) :], None


def _decode_jwt_from_json(refresh):
    if not request.is_json:
        raise NoAuthorizationError("Invalid content-type. Must be application/json.")
    token_key = config.refresh_json_key if refresh else config.json_key
    try:
        encoded_token = request.json and request.json.get(token_key, None)
        if not encoded_token:
            raise BadRequest()
    except BadRequest:
        raise NoAuthorizationError(f'Missing "{token_key}" key in json data.') from None
    return encoded_token, None


def _decode_jwt_from_request(locations, fresh, refresh=False, verify_type=True, skip_revocation_check=False):
    if isinstance(locations, str):
        locations = [locations]
    if not locations:
        locations = config.token_location

    get_encoded_token_functions = []
    for location in locations:
        if location == "cookies":
            get_encoded_token_functions.append((location, lambda: _decode_jwt_from_cookies(refresh)))
        elif location == "query_string":
            get_encoded_token_functions.append((location, _decode_jwt_from_query_string))
        elif location == "headers":
            get_encoded_token_functions.append((location, _decode_jwt_from_headers))
        elif location == "json":
            get_encoded_token_functions.append((location, lambda: _decode_jwt_from_json(refresh)))
        else:
            raise RuntimeError(f"'{location}' is not a valid location")

    errors = []
    decoded_token = None
    for location, get_encoded_token_function in get_encoded_token_functions:
        try:
            encoded_token, csrf_token = get_encoded_token_function()
            decoded_token = decode_token(encoded_token, csrf_token)
            jwt_location = location
            jwt_header = get_unverified_jwt_headers(encoded_token)
            break
        except NoAuthorizationError as e:
            errors.append(str(e))

    if not decoded_token:
        if len(locations) > 1:
            err_msg = "Missing JWT in {start_locs} or {end_locs} ({details})".format(
                start_locs=", ".join(locations[:-1]), end_locs=locations[-1], details="; ".join(errors)
            )
            raise NoAuthorizationError(err_msg)
        raise NoAuthorizationError(errors[0])

    if verify_type:
        verify_token_type(decoded_token, refresh)
    if fresh:
        _verify_token_is_fresh(jwt_header, decoded_token)
    if not skip_revocation_check:
        verify_token_not_blocklisted(jwt_header, decoded_token)
    custom_verification_for_token(jwt_header, decoded_token)
    return decoded_token, jwt_header, jwt_location
