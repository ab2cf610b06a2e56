"""A real Twisted server for the interop tests: python3 twisted_server.py MODE.

Listens on 127.0.0.1, port chosen by the system, prints the port on the first line, runs until
killed. MODE echo: writes back what it receives. MODE quote: sends the seed's quote, then closes.
"""
import sys

from twisted.internet import protocol, reactor


class Echo(protocol.Protocol):
    def dataReceived(self, data):
        self.transport.write(data)


class QOTD(protocol.Protocol):
    def connectionMade(self):
        self.transport.write(b"An apple a day keeps the doctor away\r\n")
        self.transport.loseConnection()


factory = protocol.Factory.forProtocol(Echo if sys.argv[1] == "echo" else QOTD)
port = reactor.listenTCP(0, factory, interface="127.0.0.1")
print(port.getHost().port, flush=True)
reactor.run()
