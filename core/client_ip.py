"""The visitor's address, the one every rate limit and lockout counts by.

Behind a reverse proxy every request comes from the proxy: counting by REMOTE_ADDR would put every
visitor in one bucket, so one attacker could use up the limits of every campaigner. The proxy
passes the visitor's address in a header (DJANGO_CLIENT_IP_HEADER). With X-Forwarded-For, each
proxy appends the address it saw, and anything to the left of our own proxies' entries was written
by the visitor and can be forged: the address is the one DJANGO_PROXY_COUNT entries from the right.
"""

import ipaddress

from django.conf import settings
from django.utils.crypto import salted_hmac
from django_ratelimit.core import is_ratelimited


def client_ip(request):
    header = settings.CLIENT_IP_META_KEY
    if header:
        hops = [hop.strip() for hop in request.META.get(header, "").split(",") if hop.strip()]
        if len(hops) >= settings.PROXY_COUNT:
            candidate = hops[-settings.PROXY_COUNT]
            if _is_address(candidate):
                return candidate
    # No proxy, or a request that did not come through it: the connection's own address.
    return request.META.get("REMOTE_ADDR") or "0.0.0.0"  # noqa: S104 (an address to count by, not to bind)


def _is_address(value):
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True


def visitor_key(group, request):
    """What a rate limit counts a visitor by: a keyed hash of their address, never the address. The
    counts live a few hours in the cache; without the secret key, a key there leads to no one."""
    return keyed(client_ip(request))


def over_limit(request, group, rate):
    """Count this request against the visitor's allowance in `group`; True once it is used up."""
    return is_ratelimited(request, group=group, key="core.client_ip.visitor_key", rate=rate, increment=True)


def keyed(value):
    return salted_hmac("core.client_ip.rate-limit", value.strip().lower(), algorithm="sha256").hexdigest()
