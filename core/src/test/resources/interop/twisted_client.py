"""A real Twisted client for the interop tests: python3 twisted_client.py MODE PORT.

MODE echo: sends 2000 numbered lines plus a 256 KiB blob, checks that exactly the same bytes
come back, hangs up, prints "echo OK <bytes>" (or "echo MISMATCH ...").
MODE quote: reads until the server closes, prints "quote <text> <reason type>".
"""
import sys

from twisted.internet import protocol, reactor

MODE, PORT = sys.argv[1], int(sys.argv[2])


class EchoCheck(protocol.Protocol):
    def connectionMade(self):
        lines = b"".join(b"message %d\r\n" % i for i in range(2000))
        blob = bytes(range(256)) * 1024
        self.expected = lines + blob
        self.got = []
        self.size = 0
        self.transport.write(lines)
        self.transport.write(blob)

    def dataReceived(self, data):
        self.got.append(data)
        self.size += len(data)
        if self.size >= len(self.expected):
            self.transport.loseConnection()

    def connectionLost(self, reason):
        got = b"".join(self.got)
        print("echo", "OK" if got == self.expected else "MISMATCH", len(got), flush=True)
        reactor.stop()


class Quote(protocol.Protocol):
    def connectionMade(self):
        self.got = b""

    def dataReceived(self, data):
        self.got += data

    def connectionLost(self, reason):
        print("quote", repr(self.got.decode()), reason.type.__name__, flush=True)
        reactor.stop()


class Factory(protocol.ClientFactory):
    protocol = EchoCheck if MODE == "echo" else Quote

    def clientConnectionFailed(self, connector, reason):
        print("failed", reason.getErrorMessage(), flush=True)
        reactor.stop()


reactor.connectTCP("127.0.0.1", PORT, Factory())
reactor.callLater(20, lambda: (print("timeout", flush=True), reactor.stop()))
reactor.run()
