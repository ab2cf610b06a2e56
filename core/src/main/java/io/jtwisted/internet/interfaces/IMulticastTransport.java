package io.jtwisted.internet.interfaces;

import io.jtwisted.internet.defer.Deferred;
import org.jspecify.annotations.Nullable;

/** A UDP transport that takes part in IP multicast, as Twisted's {@code IMulticastTransport}. */
public interface IMulticastTransport extends IUDPTransport {
    /** The address of the interface multicast datagrams are sent from ({@code ""}: the system's choice). */
    String getOutgoingInterface();

    /**
     * Sends multicast datagrams from the interface that has address {@code addr}.
     *
     * @return a Deferred that fires with {@code null} once set, or fails if no interface has it
     */
    Deferred<@Nullable Void> setOutgoingInterface(String addr);

    /** Whether this host's own multicast datagrams are looped back to it. */
    boolean getLoopbackMode();

    /** Loops this host's own multicast datagrams back to it, or not ({@code IP_MULTICAST_LOOP}). */
    void setLoopbackMode(boolean mode);

    /** The time-to-live of multicast datagrams sent. */
    int getTTL();

    /** Sets the time-to-live of multicast datagrams sent ({@code IP_MULTICAST_TTL}). */
    void setTTL(int ttl);

    /**
     * Joins the multicast group {@code addr} on the interface with address {@code iface}
     * ({@code ""}: the outgoing interface if one was set, else the system's default multicast
     * interface).
     *
     * @return a Deferred that fires with {@code null} once joined, or fails with
     *     {@link io.jtwisted.internet.error.MulticastJoinError}
     */
    Deferred<@Nullable Void> joinGroup(String addr, String iface);

    /** {@link #joinGroup(String, String)} on the default interface. */
    default Deferred<@Nullable Void> joinGroup(String addr) {
        return joinGroup(addr, "");
    }

    /** Leaves a group joined with {@link #joinGroup(String, String)}; fires with {@code null}. */
    Deferred<@Nullable Void> leaveGroup(String addr, String iface);

    /** {@link #leaveGroup(String, String)} on the default interface. */
    default Deferred<@Nullable Void> leaveGroup(String addr) {
        return leaveGroup(addr, "");
    }
}
