# Drives Debian's python3-keystoneclient (with keystoneauth1; run with /usr/bin/python3) against a
# running gateway's Keystone v3 routes, as an OpenStack tool would: a password session scoped to
# the account, application credentials created, listed, found by name, shown and deleted through
# the client's manager, a session on the application credential (keystoneauth1's
# ApplicationCredential plugin) that finds the object-store endpoint, and that session's token
# validated and revoked. Prints one line per check and exits non-zero on the first failure.
# Usage: GW_URL=http://127.0.0.1:8080 GW_SWIFT_USER=account:user GW_SWIFT_KEY=<password> /usr/bin/python3 keystone-v3.py
import os
import sys
import time

from keystoneauth1 import exceptions, session
from keystoneauth1.identity import v3
from keystoneclient.v3 import client

url = os.environ['GW_URL'] + '/v3'
account, user = os.environ['GW_SWIFT_USER'].split(':', 1)
password = os.environ['GW_SWIFT_KEY']


def ok(message):
    print(f'  keystoneclient: {message}')


sess = session.Session(auth=v3.Password(auth_url=url, username=user, password=password, user_domain_id='default', project_name=account, project_domain_id='default'))
ks = client.Client(session=sess)
user_id = sess.get_user_id()
ok(f'password session of user {user_id} in project {sess.get_project_id()}')

name = f'keystoneclient-{int(time.time())}-{os.getpid()}'
created = ks.application_credentials.create(name=name, description='conformance', roles=[{'name': 'reader'}])
assert created.secret and [r['name'] for r in created.roles] == ['reader'], created
ok('create (secret answered once, reader role)')
assert name in [c.name for c in ks.application_credentials.list(user=user_id)]
assert ks.application_credentials.find(name=name).id == created.id
shown = ks.application_credentials.get(created.id)
assert shown.name == name and not getattr(shown, 'secret', None), shown
ok('list, find by name, show (no secret)')

app = session.Session(auth=v3.ApplicationCredential(auth_url=url, application_credential_id=created.id, application_credential_secret=created.secret))
token = app.get_token()
endpoint = app.get_endpoint(service_type='object-store', interface='public')
assert '/v1/AUTH_' in endpoint, endpoint
ok(f'application credential session; object-store endpoint {endpoint}')

body = ks.tokens.validate(token)
assert body['methods'] == ['application_credential'] and body['application_credential']['id'] == created.id, body
ok('validate the token it was issued')
ks.tokens.revoke_token(token)
try:
    ks.tokens.validate(token)
    raise AssertionError('a revoked token still validates')
except exceptions.NotFound:
    ok('revoke it; it no longer validates (404)')

ks.application_credentials.delete(created.id)
assert name not in [c.name for c in ks.application_credentials.list(user=user_id)]
try:
    session.Session(auth=v3.ApplicationCredential(auth_url=url, application_credential_id=created.id, application_credential_secret=created.secret)).get_token()
    raise AssertionError('a deleted application credential still authenticates')
except exceptions.Unauthorized:
    ok('delete; it no longer authenticates (401)')
sys.exit(0)
