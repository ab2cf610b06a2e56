package io.jtwisted.protocols.policies;

import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.IProtocolFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Logs the traffic of each connection to its own file, {@code <logfilePrefix>-<n>} with n counting
 * from 1, as Twisted's {@code twisted.protocols.policies.TrafficLoggingFactory}. See
 * {@link TrafficLoggingProtocol} for the format.
 */
public class TrafficLoggingFactory extends WrappingFactory {
    private final String logfilePrefix;
    private final @Nullable Integer lengthLimit;
    private int counter;

    public TrafficLoggingFactory(IProtocolFactory wrappedFactory, String logfilePrefix) {
        this(wrappedFactory, logfilePrefix, null);
    }

    /** {@code lengthLimit}: the longest data logged whole, or {@code null} for no limit. */
    public TrafficLoggingFactory(IProtocolFactory wrappedFactory, String logfilePrefix, @Nullable Integer lengthLimit) {
        super(wrappedFactory);
        this.logfilePrefix = logfilePrefix;
        this.lengthLimit = lengthLimit;
    }

    /** Opens the log file {@code name} for writing (truncating it); override to log elsewhere. */
    protected Writer open(String name) {
        try {
            return Files.newBufferedWriter(Path.of(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The number of the last connection built. */
    public int counter() {
        return counter;
    }

    /** Starts numbering connections from 1 again. */
    public void resetCounter() {
        counter = 0;
    }

    @Override
    public @Nullable IProtocol buildProtocol(IAddress address) {
        counter++;
        IProtocol wrapped =
                Objects.requireNonNull(wrappedFactory, "no wrapped factory").buildProtocol(address);
        if (wrapped == null) {
            return null;
        }
        Writer logfile = open(logfilePrefix + "-" + counter);
        return new TrafficLoggingProtocol(this, wrapped, logfile, lengthLimit, counter);
    }
}
