"""The real Twisted's echo server for the echo benchmark (the howtos' Echo protocol).

Usage: python3 twisted_echo_server.py [port]. Uses Twisted's default reactor (epoll on Linux),
sets TCP_NODELAY as the Java servers do, prints "READY <port>" once listening on 127.0.0.1.
"""
import sys

from twisted.internet import protocol, reactor


class Echo(protocol.Protocol):
    def connectionMade(self):
        self.transport.setTcpNoDelay(True)

    def dataReceived(self, data):
        self.transport.write(data)


port = reactor.listenTCP(int(sys.argv[1]) if len(sys.argv) > 1 else 0,
                         protocol.Factory.forProtocol(Echo), backlog=1024, interface="127.0.0.1")
print("READY", port.getHost().port, flush=True)
reactor.run()
