"""Sign-in guarding: guesses slow the guesser, never the campaigner (django-axes, client_ip)."""

import pytest
from axes.models import AccessAttempt
from django.test import RequestFactory

from core.client_ip import client_ip

from .conftest import PASSWORD

LOGIN = "/admin/login/"
ATTACKER, CAMPAIGNER_HOME, PROXY = "203.0.113.9", "198.51.100.7", "10.0.0.2"


def sign_in(client, password, address, username="campaigner", **headers):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address, **headers)


@pytest.fixture(autouse=True)
def failure_limit(settings):
    settings.AXES_FAILURE_LIMIT = 5


def test_a_spray_from_one_address_blocks_that_address_not_the_campaigner(client, campaigner):
    codes = [sign_in(client, "wrong", ATTACKER).status_code for _ in range(6)]
    assert codes == [200, 200, 200, 200, 429, 429]
    assert sign_in(client, PASSWORD, ATTACKER).status_code == 429  # even the right password, from there
    assert sign_in(client, PASSWORD, CAMPAIGNER_HOME).status_code == 302


def test_guesses_from_many_addresses_never_lock_the_campaigner_out(client, campaigner):
    for n in range(40):
        assert sign_in(client, "wrong", f"203.0.113.{n}").status_code == 200
    assert sign_in(client, PASSWORD, CAMPAIGNER_HOME).status_code == 302


def test_a_correct_password_clears_the_count(client, campaigner):
    for _ in range(4):
        sign_in(client, "wrong", CAMPAIGNER_HOME)
    assert sign_in(client, PASSWORD, CAMPAIGNER_HOME).status_code == 302
    client.logout()
    assert [sign_in(client, "wrong", CAMPAIGNER_HOME).status_code for _ in range(4)] == [200] * 4


def test_the_account_name_counts_whatever_its_case(client, campaigner):
    for name in ["campaigner", "Campaigner", "CAMPAIGNER ", "campaigneR", "cAmpaigner"]:
        sign_in(client, "wrong", ATTACKER, username=name)
    assert sign_in(client, "wrong", ATTACKER).status_code == 429
    assert AccessAttempt.objects.get().username == "campaigner"


def test_one_address_failing_on_many_accounts_is_slowed(client, campaigner, settings):
    settings.ADMIN_LOGIN_FAILURES_PER_IP = "3/h"
    codes = [sign_in(client, "wrong", ATTACKER, username=f"guess{n}").status_code for n in range(5)]
    assert codes == [200, 200, 200, 200, 429]
    assert sign_in(client, PASSWORD, CAMPAIGNER_HOME).status_code == 302


def test_successful_sign_ins_from_one_office_never_count_against_it(client, django_user_model, settings):
    settings.ADMIN_LOGIN_FAILURES_PER_IP = "3/h"
    for n in range(6):
        django_user_model.objects.create_user(f"staff{n}", password=PASSWORD, is_staff=True)
        assert sign_in(client, PASSWORD, CAMPAIGNER_HOME, username=f"staff{n}").status_code == 302
        client.logout()


def test_behind_a_proxy_each_visitor_is_counted_by_the_address_the_proxy_saw(client, campaigner, settings):
    settings.CLIENT_IP_META_KEY = "HTTP_X_FORWARDED_FOR"
    for _ in range(5):
        # The attacker forges an entry on the left; the proxy appends the address it really saw.
        sign_in(client, "wrong", PROXY, HTTP_X_FORWARDED_FOR=f"{CAMPAIGNER_HOME}, {ATTACKER}")
    assert sign_in(client, "wrong", PROXY, HTTP_X_FORWARDED_FOR=ATTACKER).status_code == 429
    assert sign_in(client, PASSWORD, PROXY, HTTP_X_FORWARDED_FOR=CAMPAIGNER_HOME).status_code == 302


@pytest.mark.parametrize(
    ("forwarded", "proxies", "expected"),
    [
        ("198.51.100.7", 1, "198.51.100.7"),
        ("1.1.1.1, 198.51.100.7", 1, "198.51.100.7"),  # the left entry is the visitor's own claim
        ("198.51.100.7, 10.0.0.5", 2, "198.51.100.7"),  # two proxies of ours
        ("", 1, PROXY),  # not through the proxy: the connection's address
        ("not-an-address", 1, PROXY),
    ],
)
def test_the_client_address_is_read_from_the_proxy_header(settings, forwarded, proxies, expected):
    settings.CLIENT_IP_META_KEY, settings.PROXY_COUNT = "HTTP_X_FORWARDED_FOR", proxies
    request = RequestFactory().get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected
