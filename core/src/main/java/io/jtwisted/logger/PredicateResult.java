package io.jtwisted.logger;

/** What an {@link ILogFilterPredicate} says of an event, as Twisted's {@code PredicateResult}. */
public enum PredicateResult {
    /** Observe the event; no further predicate is asked. */
    YES,
    /** Drop the event; no further predicate is asked. */
    NO,
    /** No opinion: ask the next predicate (the event is observed if every predicate says this). */
    MAYBE
}
