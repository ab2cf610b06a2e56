"""Fetches URLs with the real Twisted's Agent and prints, per URL: status, length, sha256 of the body.

Usage: agent_client.py URL [URL...]; all requests share one HTTPConnectionPool (keep-alive).
"""
import hashlib
import sys

from twisted.internet import defer, task
from twisted.web.client import Agent, HTTPConnectionPool, readBody


@defer.inlineCallbacks
def main(reactor, *urls):
    pool = HTTPConnectionPool(reactor, persistent=True)
    agent = Agent(reactor, pool=pool)
    for url in urls:
        response = yield agent.request(b"GET", url.encode("ascii"))
        body = yield readBody(response)
        print(response.code, len(body), hashlib.sha256(body).hexdigest(), flush=True)
    yield pool.closeCachedConnections()


task.react(main, sys.argv[1:])
