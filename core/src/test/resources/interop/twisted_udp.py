"""UDP peers for UdpTwistedInteropTest, built on the real Twisted.

    twisted_udp.py echo             listen on 127.0.0.1:0, print the port, echo every datagram
    twisted_udp.py ping PORT TEXT   send TEXT to 127.0.0.1:PORT, print what comes back, exit
"""
import sys

from twisted.internet import reactor
from twisted.internet.protocol import DatagramProtocol


class Echo(DatagramProtocol):
    def datagramReceived(self, data, addr):
        self.transport.write(data, addr)


class Ping(DatagramProtocol):
    def __init__(self, port, text):
        self.port = port
        self.text = text

    def startProtocol(self):
        self.transport.write(self.text.encode("ascii"), ("127.0.0.1", self.port))
        reactor.callLater(10, reactor.stop)

    def datagramReceived(self, data, addr):
        print("got %s from %s" % (data.decode("ascii"), addr[0]), flush=True)
        reactor.stop()


if sys.argv[1] == "echo":
    port = reactor.listenUDP(0, Echo(), interface="127.0.0.1")
    print(port.getHost().port, flush=True)
else:
    reactor.listenUDP(0, Ping(int(sys.argv[2]), sys.argv[3]), interface="127.0.0.1")
reactor.run()
