"""UNIX-domain stream peers for UnixTwistedInteropTest, built on the real Twisted.

    twisted_unix.py echo PATH         listen on PATH, print "ready", echo every byte
    twisted_unix.py send PATH TEXT    connect to PATH, send TEXT, print the echo, exit

A PATH written @name is the abstract-namespace address "\\0name" (argv cannot hold a NUL).
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


address = sys.argv[2]
if address.startswith("@"):
    address = "\0" + address[1:]

if sys.argv[1] == "echo":
    port = reactor.listenUNIX(address, Factory.forProtocol(Echo))
    if address.startswith("\0"):
        assert port.getHost().name == address.encode("ascii"), port.getHost()
    print("ready", flush=True)
else:
    factory = ClientFactory.forProtocol(Sender)
    factory.text = sys.argv[3].encode("ascii")
    reactor.connectUNIX(address, factory)
    reactor.callLater(10, reactor.stop)
reactor.run()
