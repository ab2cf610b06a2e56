package io.jtwisted.logger;

/** Decides whether a {@link FilteringLogObserver} passes an event on, as Twisted's {@code ILogFilterPredicate}. */
@FunctionalInterface
public interface ILogFilterPredicate {
    /** {@link PredicateResult#YES}, {@link PredicateResult#NO} or {@link PredicateResult#MAYBE} for {@code event}. */
    PredicateResult test(LogEvent event);
}
