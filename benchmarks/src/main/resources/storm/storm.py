"""The connection storm of benchmarks/storm.sh: servers and the client.

  storm.py twisted-server PORT       the real Twisted's Echo, reactor.listenTCP with its default backlog (50)
  storm.py client PORT COUNT         COUNT connections to 127.0.0.1:PORT, one after another, each
                                     connected then closed; prints "<count> <seconds> <connections/s>"
"""
import socket
import sys
import time


def twisted_server(port):
    from twisted.internet import protocol, reactor

    class Echo(protocol.Protocol):
        def dataReceived(self, data):
            self.transport.write(data)

    listening = reactor.listenTCP(port, protocol.Factory.forProtocol(Echo), interface="127.0.0.1")
    print("READY %d" % listening.getHost().port, flush=True)
    reactor.run()


def client(port, count):
    started = time.monotonic()
    for _ in range(count):
        s = socket.create_connection(("127.0.0.1", port))
        s.close()
    elapsed = time.monotonic() - started
    print("%d %.3f %.0f" % (count, elapsed, count / elapsed), flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "twisted-server":
        twisted_server(int(sys.argv[2]))
    elif sys.argv[1] == "client":
        client(int(sys.argv[2]), int(sys.argv[3]))
    else:
        raise SystemExit(__doc__)
