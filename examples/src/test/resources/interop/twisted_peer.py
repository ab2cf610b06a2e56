"""
The real Twisted's side of JTwisted's interoperability tests for twisted.protocols.basic.

    twisted_peer.py client KIND PORT   connect to 127.0.0.1:PORT, send MESSAGES[KIND], collect as
                                       many replies, then send OVER_LIMIT[KIND] (if any) and wait
                                       for the server to close; print one JSON line with the
                                       replies (hex) and whether the connection was closed.
    twisted_peer.py server KIND        listen on 127.0.0.1 (free port), print "port N", echo every
                                       line/string with Twisted's default limits.

KIND is lines, netstring, int8, int16 or int32. A client gives up after 20 seconds ("timed_out"); a server stops after 60.
"""
import json
import struct
import sys

from twisted.internet import protocol, reactor
from twisted.protocols import basic

BINARY = bytes(range(256))
MESSAGES = {
    "lines": [b"How are you?", b"", b"x" * 16384, "h\u00e9llo".encode("utf-8"), b"How are you?"],
    "netstring": [b"", b"hello", BINARY, b"x" * 99999],
    "int8": [b"", b"hello", BINARY[:255], b"y" * 255],
    "int16": [b"", b"hello", BINARY, b"z" * 65535],
    "int32": [b"", b"hello", BINARY, b"w" * 99999],
}
OVER_LIMIT = {
    "lines": b"x" * 16385 + b"\r\n",
    "netstring": b"100000:",
    "int32": struct.pack("!I", 100000),
}
BASES = {
    "lines": basic.LineReceiver,
    "netstring": basic.NetstringReceiver,
    "int8": basic.Int8StringReceiver,
    "int16": basic.Int16StringReceiver,
    "int32": basic.Int32StringReceiver,
}


def send(proto, kind, message):
    if kind == "lines":
        proto.sendLine(message)
    else:
        proto.sendString(message)


def client(kind, port):
    base = BASES[kind]
    result = {"received": [], "closed": False, "timed_out": False}
    messages = MESSAGES[kind]

    class Client(base):
        def connectionMade(self):
            for m in messages:
                send(self, kind, m)

        def received(self, data):
            result["received"].append(data.hex())
            if len(result["received"]) == len(messages):
                if kind in OVER_LIMIT:
                    self.transport.write(OVER_LIMIT[kind])
                else:
                    self.transport.loseConnection()

        def lineReceived(self, line):
            self.received(line)

        def stringReceived(self, string):
            self.received(string)

        def connectionLost(self, reason):
            result["closed"] = len(result["received"]) == len(messages) and not result["timed_out"]
            print(json.dumps(result), flush=True)
            reactor.stop()

    def timeout():
        result["timed_out"] = True
        reactor.stop()

    reactor.callLater(20, timeout)
    protocol.ClientCreator(reactor, Client).connectTCP("127.0.0.1", port).addErrback(
        lambda f: (print(json.dumps({"error": f.getErrorMessage()}), flush=True), reactor.stop())
    )


def server(kind):
    base = BASES[kind]

    class Echo(base):
        def lineReceived(self, line):
            self.sendLine(line)

        def stringReceived(self, string):
            self.sendString(string)

    port = reactor.listenTCP(0, protocol.Factory.forProtocol(Echo), interface="127.0.0.1")
    print("port %d" % port.getHost().port, flush=True)


if __name__ == "__main__":
    mode, kind = sys.argv[1], sys.argv[2]
    if mode == "client":
        client(kind, int(sys.argv[3]))
    else:
        server(kind)
    reactor.callLater(60, reactor.stop)  # never outlive a test run
    reactor.run()
