package io.jtwisted.internet.group;

/** How the listening ports of a {@link ReactorGroup} spread accepted connections over its reactors. */
public enum Spread {
    /**
     * One listening socket per reactor, all bound to the same address with {@code SO_REUSEPORT}; the kernel
     * gives each new connection to one of them by a hash of its addresses. Nothing is handed between
     * threads, and the split is even on average but not exactly (64 connections over two reactors may
     * split 28/36). Linux, and other systems with {@code SO_REUSEPORT}.
     */
    REUSE_PORT,
    /**
     * One listening socket, on the group's first reactor, which hands each connection it accepts to the
     * reactors in turn (itself included), as Netty's event loop groups do: the split is exact, and each
     * connection handed to another reactor costs a {@code callFromThread} (and a wake-up of that reactor).
     * Works wherever a socket can listen.
     */
    HAND_OFF
}
