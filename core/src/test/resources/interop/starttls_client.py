"""A Twisted STARTTLS line client: python3 starttls_client.py PORT|SOCKET-PATH CA.pem

Connects to 127.0.0.1:PORT (or, given a path, to that UNIX socket), sends STARTTLS, and on the answer GO switches to TLS with
transport.startTLS (verifying "localhost" against CA.pem) and sends the line hello. Prints every
line it receives after the switch and the peer certificate's common name, then "lost" when the
connection ends.
"""
import sys

from twisted.internet import protocol, reactor, ssl
from twisted.protocols import basic


class StartTLSClient(basic.LineReceiver):
    switched = False

    def connectionMade(self):
        self.sendLine(b"STARTTLS")

    def lineReceived(self, line):
        if self.switched:
            print("line", line.decode(), flush=True)
            peer = self.transport.getPeerCertificate()
            print("peer", peer.get_subject().commonName, flush=True)
        elif line == b"GO":
            self.transport.startTLS(options)
            self.switched = True
            self.sendLine(b"hello")

    def connectionLost(self, reason):
        print("lost", reason.type.__name__, flush=True)
        reactor.stop()


with open(sys.argv[2]) as f:
    authority = ssl.Certificate.loadPEM(f.read())
options = ssl.optionsForClientTLS("localhost", trustRoot=authority)
factory = protocol.ClientFactory.forProtocol(StartTLSClient)
if sys.argv[1].startswith("/"):
    reactor.connectUNIX(sys.argv[1], factory)
else:
    reactor.connectTCP("127.0.0.1", int(sys.argv[1]), factory)
reactor.run()
