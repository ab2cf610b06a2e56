package io.jtwisted.internet.testing;

import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.address.IPv6Address;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IClientFactory;
import io.jtwisted.internet.interfaces.IConnector;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IProtocolFactory;
import io.jtwisted.internet.interfaces.IReactorCore;
import io.jtwisted.internet.interfaces.IReactorSocket;
import io.jtwisted.internet.interfaces.IReactorTCP;
import io.jtwisted.python.failure.ThrowingRunnable;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A reactor that does nothing but record what it is asked, for unit tests of code that takes a
 * reactor, as Twisted's {@code twisted.internet.testing.MemoryReactor}. {@link #run()} runs the
 * {@link #callWhenRunning} hooks and stops at once; system event triggers are recorded in
 * {@link #triggers()} and run, phase by phase, by {@link #fireSystemEvent}. TCP listen and
 * connect calls are recorded in {@link #tcpServers()} and {@link #tcpClients()} and return a
 * {@link FakePort} or a {@link FakeConnector}; a {@link ConnectionCompleter} can then connect a
 * recorded client to a recorded server in memory, or fail it.
 *
 * <p>Use {@link MemoryReactorClock} when the code under test also schedules calls.
 */
public class MemoryReactor implements IReactorCore, IReactorTCP, IReactorSocket {
    /** A recorded {@code listenTCP} call. */
    public record TcpServer(int port, IProtocolFactory factory, int backlog, String iface, boolean reusePort) {
        /** A call without {@code reusePort}. */
        public TcpServer(int port, IProtocolFactory factory, int backlog, String iface) {
            this(port, factory, backlog, iface, false);
        }
    }

    /** A recorded {@code connectTCP} call. */
    public record TcpClient(
            String host,
            int port,
            IClientFactory factory,
            double timeout,
            @Nullable InetSocketAddress bindAddress) {}

    private final List<TcpServer> tcpServers = new ArrayList<>();
    private final List<TcpClient> tcpClients = new ArrayList<>();
    private final List<FakeConnector> connectors = new ArrayList<>();
    private boolean running;
    private boolean hasRun;
    private boolean hasStopped;
    private boolean hasCrashed;
    private final List<ThrowingRunnable> whenRunningHooks = new ArrayList<>();
    private final Map<String, Map<String, List<SystemEventTrigger>>> triggers = new LinkedHashMap<>();
    private final Map<Object, TriggerId> triggerIds = new LinkedHashMap<>();

    /**
     * Marks the reactor running, runs every {@link #callWhenRunning} hook in order, then
     * {@link #stop()}s: a test's run() returns at once.
     *
     * @throws IllegalStateException if it is running already
     */
    @Override
    public void run() {
        if (running) {
            throw new IllegalStateException("MemoryReactor is already running");
        }
        running = true;
        hasRun = true;
        for (ThrowingRunnable hook : List.copyOf(whenRunningHooks)) {
            runUnchecked(hook);
        }
        stop();
    }

    /** Marks the reactor stopped ({@link #hasStopped()}). */
    @Override
    public void stop() {
        running = false;
        hasStopped = true;
    }

    /** Does nothing: a memory reactor has no loop (time moves through a {@code Clock}). */
    @Override
    public void iterate(double delay) {}

    /** Marks the reactor crashed ({@link #hasCrashed()}) and not running. */
    @Override
    public void crash() {
        running = false;
        hasCrashed = true;
    }

    @Override
    public boolean running() {
        return running;
    }

    /** True once {@link #run()} was called. */
    public boolean hasRun() {
        return hasRun;
    }

    /** True once {@link #stop()} was called (run() calls it). */
    public boolean hasStopped() {
        return hasStopped;
    }

    /** True once {@link #crash()} was called. */
    public boolean hasCrashed() {
        return hasCrashed;
    }

    /** Records {@code callable}; {@link #run()} calls it. */
    @Override
    public void callWhenRunning(ThrowingRunnable callable) {
        whenRunningHooks.add(callable);
    }

    /** The hooks given to {@link #callWhenRunning}, in order. */
    public List<ThrowingRunnable> whenRunningHooks() {
        return List.copyOf(whenRunningHooks);
    }

    /** Records {@code trigger} under {@code triggers().get(phase).get(eventType)}. */
    @Override
    public Object addSystemEventTrigger(String phase, String eventType, SystemEventTrigger trigger) {
        if (!phase.equals("before") && !phase.equals("during") && !phase.equals("after")) {
            throw new IllegalArgumentException("phase must be before, during or after, not " + phase);
        }
        triggers.computeIfAbsent(phase, p -> new LinkedHashMap<>())
                .computeIfAbsent(eventType, e -> new ArrayList<>())
                .add(trigger);
        TriggerId id = new TriggerId(phase, eventType, trigger);
        triggerIds.put(id, id);
        return id;
    }

    /**
     * Removes a trigger.
     *
     * @throws IllegalArgumentException if {@code triggerId} is unknown or was removed already
     */
    @Override
    public void removeSystemEventTrigger(Object triggerId) {
        TriggerId id = triggerIds.remove(triggerId);
        if (id == null) {
            throw new IllegalArgumentException("unknown or removed trigger: " + triggerId);
        }
        Objects.requireNonNull(Objects.requireNonNull(triggers.get(id.phase)).get(id.eventType))
                .remove(id.trigger); // added with its id
    }

    /**
     * Calls the triggers of {@code eventType}: the before phase, then during, then after.
     * Deferreds returned by before-triggers are not waited on.
     */
    @Override
    public void fireSystemEvent(String eventType) {
        for (String phase : List.of("before", "during", "after")) {
            List<SystemEventTrigger> list =
                    triggers.getOrDefault(phase, Map.of()).getOrDefault(eventType, List.of());
            for (SystemEventTrigger trigger : List.copyOf(list)) {
                try {
                    trigger.call();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException("system event trigger raised " + e, e);
                }
            }
        }
    }

    /** The recorded triggers: phase, then event type, then triggers in the order added. */
    public Map<String, Map<String, List<SystemEventTrigger>>> triggers() {
        return triggers;
    }

    /**
     * Records the call and returns a {@link FakePort} whose host is {@code 0.0.0.0:port}, or
     * {@code iface:port} for an IPv6 interface.
     */
    @Override
    public IListeningPort listenTCP(int port, IProtocolFactory factory, int backlog, String iface) {
        return listenTCP(port, factory, new ListenOptions(backlog, iface, false));
    }

    /** Records the call, {@code reusePort} included, as the four-argument {@code listenTCP} does. */
    @Override
    public IListeningPort listenTCP(int port, IProtocolFactory factory, ListenOptions options) {
        String iface = options.iface();
        tcpServers.add(new TcpServer(port, factory, options.backlog(), iface, options.reusePort()));
        IAddress address =
                isIPv6(iface) ? new IPv6Address("TCP", iface, port) : new IPv4Address("TCP", "0.0.0.0", port);
        return new FakePort(address);
    }

    /**
     * Records the call, tells {@code factory} it started connecting, and returns a
     * {@link FakeConnector} to {@code host:port}; nothing else happens until a
     * {@link ConnectionCompleter} says so.
     */
    @Override
    public IConnector connectTCP(
            String host, int port, IClientFactory factory, double timeout, @Nullable InetSocketAddress bindAddress) {
        tcpClients.add(new TcpClient(host, port, factory, timeout, bindAddress));
        IAddress destination = isIPv6(host) ? new IPv6Address("TCP", host, port) : new IPv4Address("TCP", host, port);
        FakeConnector connector = new FakeConnector(destination);
        factory.startedConnecting(connector);
        connectors.add(connector);
        return connector;
    }

    /** The {@code listenTCP} calls, in order (a live list: a completer removes what it uses). */
    public List<TcpServer> tcpServers() {
        return tcpServers;
    }

    /** The {@code connectTCP} calls not yet completed, in order (a live list). */
    public List<TcpClient> tcpClients() {
        return tcpClients;
    }

    /** The connectors returned by {@code connectTCP} and not yet completed, in order (a live list). */
    public List<FakeConnector> connectors() {
        return connectors;
    }

    // IReactorSocket, as Twisted's MemoryReactor: adoptions are recorded, nothing is opened.

    /** A recorded {@code adoptStreamPort} or {@code adoptStreamConnection} call. */
    public record Adopted(int fileDescriptor, ProtocolFamily addressFamily, IProtocolFactory factory) {}

    private final List<Adopted> adoptedPorts = new ArrayList<>();
    private final List<Adopted> adoptedConnections = new ArrayList<>();

    /** Records the call; the port's host is {@code 0.0.0.0:1234}, as in Twisted's MemoryReactor. */
    @Override
    public IListeningPort adoptStreamPort(int fileDescriptor, ProtocolFamily addressFamily, IProtocolFactory factory) {
        adoptedPorts.add(new Adopted(fileDescriptor, addressFamily, factory));
        return new FakePort(new IPv4Address("TCP", "0.0.0.0", 1234));
    }

    /** Records the call. */
    @Override
    public void adoptStreamConnection(int fileDescriptor, ProtocolFamily addressFamily, IProtocolFactory factory) {
        adoptedConnections.add(new Adopted(fileDescriptor, addressFamily, factory));
    }

    /** The {@code adoptStreamPort} calls, in order. */
    public List<Adopted> adoptedPorts() {
        return adoptedPorts;
    }

    /** The {@code adoptStreamConnection} calls, in order. */
    public List<Adopted> adoptedConnections() {
        return adoptedConnections;
    }

    private static boolean isIPv6(String host) {
        return host != null && host.indexOf(':') >= 0;
    }

    static void runUnchecked(ThrowingRunnable runnable) {
        try {
            runnable.run();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(runnable + " raised " + e, e);
        }
    }

    private record TriggerId(String phase, String eventType, SystemEventTrigger trigger) {
        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }
}
