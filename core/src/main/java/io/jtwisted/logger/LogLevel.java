package io.jtwisted.logger;

import java.util.Locale;

/** How serious a {@link LogEvent} is, as Twisted's {@code LogLevel}: from least to most severe. */
public enum LogLevel {
    DEBUG,
    INFO,
    WARN,
    ERROR,
    CRITICAL;

    /** The level's name as Twisted spells it: {@code "debug"}, {@code "info"}, … */
    public String levelName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The level named {@code name} ({@code "info"}, {@code "WARN"}: case does not matter), as Twisted's
     * {@code LogLevel.levelWithName}.
     *
     * @throws IllegalArgumentException naming the accepted names when there is no such level
     */
    public static LogLevel levelWithName(String name) {
        for (LogLevel level : values()) {
            if (level.name().equalsIgnoreCase(name)) {
                return level;
            }
        }
        throw new IllegalArgumentException("no log level named '" + name + "' (debug, info, warn, error, critical)");
    }
}
