"""The real Twisted's UDP echo, measured by UdpEchoBenchmark: prints READY <port>."""
import sys

from twisted.internet import reactor
from twisted.internet.protocol import DatagramProtocol


class Echo(DatagramProtocol):
    noisy = False

    def datagramReceived(self, data, addr):
        self.transport.write(data, addr)


port = reactor.listenUDP(int(sys.argv[1]) if len(sys.argv) > 1 else 0, Echo(), interface="127.0.0.1")
print("READY %d" % port.getHost().port, flush=True)
reactor.run()
