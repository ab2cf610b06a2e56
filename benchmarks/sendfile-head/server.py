"""A keep-alive HTTP server that answers every request with one file, sent with sendfile.

It isolates how the response's head is sent from everything else a web server does, to see
which way of sending it lets a large body leave fastest over loopback:

  plain       send(head), then sendfile(body)
  cork        TCP_CORK on; send(head); sendfile(body); TCP_CORK off   (nginx's tcp_nopush)
  corkbody    send(head); TCP_CORK on; sendfile(body); TCP_CORK off   (the head still alone)
  nodelay     plain, with TCP_NODELAY
  sndbuf:N    plain, with SO_SNDBUF N
  prefix:N    send(head + the body's first N - len(head) bytes), then sendfile(the rest)
              (what JTwisted's stream transports do, with N = 65536)

Usage: server.py PORT FILE MODE. Prints READY when listening; on SIGTERM prints the sendfile
calls made and the bytes they sent on average.
"""
import os
import selectors
import signal
import socket
import sys


def stop(*_):
    raise KeyboardInterrupt


class Connection:
    def __init__(self, sock):
        self.sock = sock
        self.received = b""
        self.literal = b""  # bytes to send before the rest of the file
        self.offset = 0  # next byte of the file to send
        self.sending = False


def main():
    port, path, mode = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    size = os.path.getsize(path)
    fd = os.open(path, os.O_RDONLY)
    head = b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\nContent-Type: application/octet-stream\r\n\r\n" % size
    prefix = int(mode.split(":")[1]) - len(head) if mode.startswith("prefix:") else 0
    first_bytes = os.pread(fd, prefix, 0) if prefix else b""
    calls, sent = 0, 0
    selector = selectors.DefaultSelector()
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", port))
    listener.listen(128)
    listener.setblocking(False)
    selector.register(listener, selectors.EVENT_READ, None)

    def cork(c, on):
        c.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_CORK, 1 if on else 0)

    def start(c):
        if mode == "cork":
            cork(c, True)
        c.literal = head + first_bytes
        c.offset = len(first_bytes)
        c.sending = True
        pump(c)

    def pump(c):
        nonlocal calls, sent
        while c.literal:
            try:
                n = c.sock.send(c.literal)
            except BlockingIOError:
                selector.modify(c.sock, selectors.EVENT_WRITE, c)
                return
            c.literal = c.literal[n:]
            if not c.literal and mode == "corkbody":
                cork(c, True)
        while c.offset < size:
            try:
                n = os.sendfile(c.sock.fileno(), fd, c.offset, size - c.offset)
            except BlockingIOError:
                n = 0
            calls += 1
            if n == 0:
                selector.modify(c.sock, selectors.EVENT_WRITE, c)
                return
            sent += n
            c.offset += n
        c.sending = False
        if mode in ("cork", "corkbody"):
            cork(c, False)
        selector.modify(c.sock, selectors.EVENT_READ, c)

    def readable(c):
        data = c.sock.recv(65536)
        if not data:
            raise ConnectionResetError("closed by the client")
        c.received += data
        if not c.sending and b"\r\n\r\n" in c.received:
            c.received = c.received.split(b"\r\n\r\n", 1)[1]
            start(c)

    signal.signal(signal.SIGTERM, stop)
    print("READY", flush=True)
    try:
        while True:
            for key, _ in selector.select():
                if key.data is None:
                    sock, _ = listener.accept()
                    sock.setblocking(False)
                    if mode.startswith("sndbuf:"):
                        sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, int(mode.split(":")[1]))
                    if mode == "nodelay":
                        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                    selector.register(sock, selectors.EVENT_READ, Connection(sock))
                    continue
                c = key.data
                try:
                    if c.sending:
                        pump(c)
                    else:
                        readable(c)
                except OSError:
                    selector.unregister(c.sock)
                    c.sock.close()
    except KeyboardInterrupt:
        pass
    print("sendfile calls %d, %d bytes per call" % (calls, sent // max(calls, 1)), file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
