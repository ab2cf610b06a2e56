"""UNIX-domain stream peers for UnixTwistedInteropTest, built on the real Twisted.

    twisted_unix.py echo PATH         listen on PATH, print "ready", echo every byte
    twisted_unix.py send PATH TEXT    connect to PATH, send TEXT, print the echo, exit
"""
import sys

from twisted.internet import reactor
from twisted.internet.protocol import ClientFactory, Factory, Protocol


class Echo(Protocol):
    def dataReceived(self, data):
        self.transport.write(data)


class Sender(Protocol):
    def connectionMade(self):
        self.received = b""
        self.transport.write(self.factory.text)

    def dataReceived(self, data):
        self.received += data
        if len(self.received) >= len(self.factory.text):
            print("echo %s" % self.received.decode("ascii"), flush=True)
            self.transport.loseConnection()

    def connectionLost(self, reason):
        reactor.stop()


if sys.argv[1] == "echo":
    reactor.listenUNIX(sys.argv[2], Factory.forProtocol(Echo))
    print("ready", flush=True)
else:
    factory = ClientFactory.forProtocol(Sender)
    factory.text = sys.argv[3].encode("ascii")
    reactor.connectUNIX(sys.argv[2], factory)
    reactor.callLater(10, reactor.stop)
reactor.run()
