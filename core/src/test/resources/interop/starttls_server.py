"""A Twisted STARTTLS line server: python3 starttls_server.py SERVER.pem

Listens on 127.0.0.1 (port chosen by the system, printed first). The line STARTTLS is answered
with GO in clear, then the connection switches to TLS with transport.startTLS; every later line
comes back prefixed with "tls:".
"""
import sys

from twisted.internet import protocol, reactor, ssl
from twisted.protocols import basic


class StartTLSLines(basic.LineReceiver):
    switched = False

    def lineReceived(self, line):
        if self.switched:
            self.sendLine(b"tls:" + line)
        elif line == b"STARTTLS":
            self.sendLine(b"GO")
            self.transport.startTLS(options)
            self.switched = True


with open(sys.argv[1]) as f:
    options = ssl.PrivateCertificate.loadPEM(f.read()).options()
port = reactor.listenTCP(0, protocol.Factory.forProtocol(StartTLSLines), interface="127.0.0.1")
print(port.getHost().port, flush=True)
reactor.run()
