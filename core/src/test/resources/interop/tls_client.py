"""A Twisted TLS client: python3 tls_client.py PORT HOSTNAME CA.pem MESSAGE

Connects to 127.0.0.1:PORT, verifies the server against CA.pem for HOSTNAME
(optionsForClientTLS), sends MESSAGE plus a newline, prints the first line that comes back
and the peer certificate's common name, then closes. Prints "failed: REASON" on failure.
"""
import sys

from twisted.internet import defer, endpoints, protocol, reactor, ssl, task


class Client(protocol.Protocol):
    def __init__(self):
        self.received = b""
        self.done = defer.Deferred()

    def connectionMade(self):
        self.transport.write(sys.argv[4].encode() + b"\n")

    def dataReceived(self, data):
        self.received += data
        if b"\n" in self.received:
            cert = self.transport.getPeerCertificate()
            print(self.received.split(b"\n")[0].decode(), flush=True)
            print("peer:", cert.get_subject().CN, flush=True)
            self.transport.loseConnection()

    def connectionLost(self, reason):
        if b"\n" not in self.received:
            print("failed:", reason.getErrorMessage(), flush=True)
        self.done.callback(None)


def main(reactor):
    with open(sys.argv[3]) as f:
        authority = ssl.Certificate.loadPEM(f.read())
    options = ssl.optionsForClientTLS(sys.argv[2], authority)
    point = endpoints.wrapClientTLS(options, endpoints.TCP4ClientEndpoint(reactor, "127.0.0.1", int(sys.argv[1])))
    client = Client()
    return endpoints.connectProtocol(point, client).addCallback(lambda _: client.done)


task.react(main)
