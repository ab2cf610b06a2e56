"""
Feeds the cases of JTwisted's TwistedDifferentialTest to the real Twisted parsers and prints the
events they produce, one line per case, in the same notation as the Java side.

    twisted_parsers.py INPUT OUTPUT

Each INPUT line is "KIND STREAM_HEX CUT,CUT,..." (cuts are offsets into the stream; the stream is
fed in the pieces they delimit, and feeding stops once the transport is disconnecting, as a real
transport stops reading). KIND: lines, lineonly, netstring, int8, int16, int32; every parser has
MAX_LENGTH 20. Events: "L<hex>" line, "R<hex>" raw chunk, "X<hex>" line length exceeded,
"S<hex>" string, "T<n>" length limit exceeded, "C" connection closed by the parser.
"""
import sys

from twisted.internet.testing import StringTransport
from twisted.protocols import basic


def recorder(base, events):
    class Recorder(base):
        MAX_LENGTH = 20
        raw_left = 0

        def lineReceived(self, line):
            events.append("L" + line.hex())
            if line.startswith(b"raw "):
                self.raw_left = int(line[4:])
                self.setRawMode()

        def rawDataReceived(self, data):
            take = data[: self.raw_left]
            events.append("R" + take.hex())
            self.raw_left -= len(take)
            if self.raw_left == 0:
                self.setLineMode(data[len(take):])

        def lineLengthExceeded(self, line):
            events.append("X" + line.hex())
            return base.lineLengthExceeded(self, line)

        def stringReceived(self, string):
            events.append("S" + string.hex())

        def lengthLimitExceeded(self, length):
            events.append("T%d" % length)
            return base.lengthLimitExceeded(self, length)

    return Recorder


BASES = {
    "lines": basic.LineReceiver,
    "lineonly": basic.LineOnlyReceiver,
    "netstring": basic.NetstringReceiver,
    "int8": basic.Int8StringReceiver,
    "int16": basic.Int16StringReceiver,
    "int32": basic.Int32StringReceiver,
}


def run(kind, stream, cuts):
    events = []
    proto = recorder(BASES[kind], events)()
    transport = StringTransport()
    proto.makeConnection(transport)
    start = 0
    for end in cuts + [len(stream)]:
        if transport.disconnecting:
            break
        proto.dataReceived(stream[start:end])
        start = end
    if transport.disconnecting:
        events.append("C")
    return " ".join(events)


def main(source, target):
    with open(source) as f, open(target, "w") as out:
        for line in f:
            parts = line.rstrip("\n").split(" ")
            kind, stream = parts[0], bytes.fromhex(parts[1])
            cuts = [int(c) for c in parts[2].split(",") if c] if len(parts) > 2 else []
            out.write(run(kind, stream, cuts) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
