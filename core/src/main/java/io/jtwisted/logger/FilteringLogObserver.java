package io.jtwisted.logger;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Passes on the events its predicates accept, as Twisted's {@code FilteringLogObserver}: the predicates are
 * asked in order until one says {@link PredicateResult#YES} or {@link PredicateResult#NO}; an event every
 * predicate is unsure about is passed on. Rejected events go to the negative observer, when there is one.
 */
public final class FilteringLogObserver implements ILogObserver {
    private final ILogObserver observer;
    private final List<ILogFilterPredicate> predicates;
    private final @Nullable ILogObserver negativeObserver;

    /** Passes events {@code predicates} accept to {@code observer}, and drops the others. */
    public FilteringLogObserver(ILogObserver observer, List<? extends ILogFilterPredicate> predicates) {
        this(observer, predicates, null);
    }

    /** Passes events {@code predicates} accept to {@code observer}, and the others to {@code negativeObserver} (may be null). */
    public FilteringLogObserver(
            ILogObserver observer,
            List<? extends ILogFilterPredicate> predicates,
            @Nullable ILogObserver negativeObserver) {
        this.observer = observer;
        this.predicates = List.copyOf(predicates);
        this.negativeObserver = negativeObserver;
    }

    @Override
    public void observe(LogEvent event) {
        for (ILogFilterPredicate predicate : predicates) {
            PredicateResult result = predicate.test(event);
            if (result == PredicateResult.YES) {
                break;
            }
            if (result == PredicateResult.NO) {
                if (negativeObserver != null) {
                    negativeObserver.observe(event);
                }
                return;
            }
        }
        observer.observe(event);
    }
}
