"""UNIX-domain datagram peers for UnixDatagramTwistedInteropTest, built on the real Twisted.

    twisted_unix_datagram.py echo PATH             listenUNIXDatagram on PATH, print "ready", send
                                                   every datagram back to its sender
    twisted_unix_datagram.py send PATH BIND TEXT   connectUNIXDatagram to PATH bound to BIND, send
                                                   TEXT, print "echo " and the answer, exit
    twisted_unix_datagram.py empty PATH            connectUNIXDatagram to PATH, unbound, send a
                                                   zero-length datagram, print "sent", exit
"""
import sys

from twisted.internet import reactor
from twisted.internet.protocol import ConnectedDatagramProtocol, DatagramProtocol


class Echo(DatagramProtocol):
    def datagramReceived(self, data, addr):
        self.transport.write(data, addr)


class Sender(ConnectedDatagramProtocol):
    def __init__(self, text):
        self.text = text

    def startProtocol(self):
        self.transport.write(self.text)
        if not self.text:
            print("sent", flush=True)
            reactor.callLater(0, reactor.stop)

    def datagramReceived(self, data):
        print("echo %s" % data.decode("ascii"), flush=True)
        reactor.stop()

    def connectionFailed(self, reason):
        print("failed %s" % reason.getErrorMessage(), flush=True)
        reactor.callLater(0, reactor.stop)


if sys.argv[1] == "echo":
    reactor.listenUNIXDatagram(sys.argv[2], Echo())
    print("ready", flush=True)
elif sys.argv[1] == "send":
    reactor.connectUNIXDatagram(sys.argv[2], Sender(sys.argv[4].encode("ascii")), bindAddress=sys.argv[3])
    reactor.callLater(10, reactor.stop)
else:
    reactor.connectUNIXDatagram(sys.argv[2], Sender(b""))
    reactor.callLater(10, reactor.stop)
reactor.run()
