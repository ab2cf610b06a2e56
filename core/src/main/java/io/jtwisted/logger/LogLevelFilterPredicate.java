package io.jtwisted.logger;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Accepts events at or above a level set per namespace, as Twisted's {@code LogLevelFilterPredicate}. A
 * namespace without its own level takes its nearest dotted parent's ({@code a.b.c}, then {@code a.b}, then
 * {@code a}), and else the default level. Says {@link PredicateResult#NO} below the level and
 * {@link PredicateResult#MAYBE} otherwise, so later predicates still get a say.
 */
public final class LogLevelFilterPredicate implements ILogFilterPredicate {
    private final Map<String, LogLevel> levels = new ConcurrentHashMap<>();
    private volatile LogLevel defaultLogLevel;

    /** A predicate whose default level is {@link LogLevel#INFO}, as Twisted's. */
    public LogLevelFilterPredicate() {
        this(LogLevel.INFO);
    }

    /** A predicate whose default level is {@code defaultLogLevel}. */
    public LogLevelFilterPredicate(LogLevel defaultLogLevel) {
        this.defaultLogLevel = defaultLogLevel;
    }

    /** The level events of {@code namespace} must reach ({@code null}: the root, that is the default level). */
    public LogLevel logLevelForNamespace(@Nullable String namespace) {
        if (namespace == null || namespace.isEmpty()) {
            return defaultLogLevel;
        }
        String name = namespace;
        while (true) {
            LogLevel level = levels.get(name);
            if (level != null) {
                return level;
            }
            int dot = name.lastIndexOf('.');
            if (dot < 0) {
                return defaultLogLevel;
            }
            name = name.substring(0, dot);
        }
    }

    /** Sets the level of {@code namespace} and of its children that have none of their own; {@code null}: the default. */
    public void setLogLevelForNamespace(String namespace, LogLevel level) {
        if (namespace == null || namespace.isEmpty()) {
            defaultLogLevel = level;
        } else {
            levels.put(namespace, level);
        }
    }

    /** Forgets every namespace's level; the default level stays. */
    public void clearLogLevels() {
        levels.clear();
    }

    @Override
    public PredicateResult test(LogEvent event) {
        return event.level().compareTo(logLevelForNamespace(event.namespace())) < 0
                ? PredicateResult.NO
                : PredicateResult.MAYBE;
    }
}
