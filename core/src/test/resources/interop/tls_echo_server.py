"""A Twisted TLS echo server: python3 tls_echo_server.py SERVER.pem [CA.pem]

SERVER.pem holds the key and certificate; with CA.pem, clients must present a certificate
signed by it. Prints the port it listens on (127.0.0.1, chosen by the system), then serves.
"""
import sys

from twisted.internet import protocol, reactor, ssl


class Echo(protocol.Protocol):
    def dataReceived(self, data):
        self.transport.write(data)


with open(sys.argv[1]) as f:
    certificate = ssl.PrivateCertificate.loadPEM(f.read())
if len(sys.argv) > 2:
    with open(sys.argv[2]) as f:
        authority = ssl.Certificate.loadPEM(f.read())
    options = certificate.options(authority)
else:
    options = certificate.options()
port = reactor.listenSSL(0, protocol.Factory.forProtocol(Echo), options, interface="127.0.0.1")
print(port.getHost().port, flush=True)
reactor.run()
