package io.jtwisted.logger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ports of twisted/logger/test/test_filter.py: FilteringLogObserverTests (test_shouldLogEventNoFilters,
 * test_shouldLogEventNoFilter, test_shouldLogEventYesFilter, test_shouldLogEventYesNoFilter,
 * test_shouldLogEventYesMaybeNoFilter, test_shouldLogEventMaybeFilter, test_shouldLogEventOtherObserver)
 * and LogLevelFilterPredicateTests (test_defaultLogLevel, test_setLogLevel, test_filtering,
 * test_clearLogLevels). Not ported: test_interface and test_call (zope.interface checks) and
 * test_shouldLogEventBadPredicateResult (a Java enum cannot hold a bad value).
 */
class FilteringLogObserverTest {
    private static LogEvent event(int count) {
        return new LogEvent(LogLevel.INFO, "ns", "{count}", new Object[] {count}, null, 0);
    }

    private static List<Integer> filtered(List<ILogFilterPredicate> predicates, List<Integer> rejected) {
        List<Integer> passed = new ArrayList<>();
        FilteringLogObserver observer = new FilteringLogObserver(
                e -> passed.add((Integer) e.get("count")),
                predicates,
                rejected == null ? null : e -> rejected.add((Integer) e.get("count")));
        for (int i = 0; i < 5; i++) {
            observer.observe(event(i));
        }
        return passed;
    }

    private static ILogFilterPredicate when(java.util.function.IntPredicate test, PredicateResult result) {
        return e -> test.test((Integer) e.get("count")) ? result : PredicateResult.MAYBE;
    }

    @Test
    void withoutPredicatesEverythingPasses() {
        assertThat(filtered(List.of(), null)).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void noDropsAndYesStopsAsking() {
        assertThat(filtered(List.of(when(i -> i % 2 == 0, PredicateResult.NO)), null))
                .containsExactly(1, 3);
        assertThat(filtered(List.of(when(i -> i == 2, PredicateResult.YES), when(i -> true, PredicateResult.NO)), null))
                .containsExactly(2);
        assertThat(filtered(
                        List.of(
                                when(i -> i == 3, PredicateResult.YES),
                                when(i -> i > 1, PredicateResult.MAYBE),
                                when(i -> i == 4 || i == 0, PredicateResult.NO)),
                        null))
                .containsExactly(1, 2, 3);
    }

    @Test
    void maybeEverywherePasses() {
        assertThat(filtered(List.of(e -> PredicateResult.MAYBE, e -> PredicateResult.MAYBE), null))
                .containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void rejectedEventsGoToTheNegativeObserver() {
        List<Integer> rejected = new ArrayList<>();
        assertThat(filtered(List.of(when(i -> i < 3, PredicateResult.NO)), rejected))
                .containsExactly(3, 4);
        assertThat(rejected).containsExactly(0, 1, 2);
    }

    @Test
    void levelPredicateDefaultsToInfoAndInheritsFromDottedParents() {
        LogLevelFilterPredicate predicate = new LogLevelFilterPredicate();
        assertThat(predicate.logLevelForNamespace("a.b")).isEqualTo(LogLevel.INFO);
        predicate.setLogLevelForNamespace("a", LogLevel.WARN);
        predicate.setLogLevelForNamespace("a.b.c", LogLevel.DEBUG);
        assertThat(predicate.logLevelForNamespace("a")).isEqualTo(LogLevel.WARN);
        assertThat(predicate.logLevelForNamespace("a.b")).isEqualTo(LogLevel.WARN);
        assertThat(predicate.logLevelForNamespace("a.b.c.d")).isEqualTo(LogLevel.DEBUG);
        assertThat(predicate.logLevelForNamespace("ab")).isEqualTo(LogLevel.INFO);
        assertThat(predicate.logLevelForNamespace(null)).isEqualTo(LogLevel.INFO);
        predicate.clearLogLevels();
        assertThat(predicate.logLevelForNamespace("a.b.c")).isEqualTo(LogLevel.INFO);
    }

    @Test
    void levelPredicateDropsEventsBelowTheirNamespacesLevel() {
        LogLevelFilterPredicate predicate = new LogLevelFilterPredicate(LogLevel.WARN);
        predicate.setLogLevelForNamespace("chatty", LogLevel.DEBUG);
        assertThat(predicate.test(LogEvent.ofMessage(LogLevel.INFO, "x", "", null, 0)))
                .isEqualTo(PredicateResult.NO);
        assertThat(predicate.test(LogEvent.ofMessage(LogLevel.ERROR, "x", "", null, 0)))
                .isEqualTo(PredicateResult.MAYBE);
        assertThat(predicate.test(LogEvent.ofMessage(LogLevel.DEBUG, "chatty.part", "", null, 0)))
                .isEqualTo(PredicateResult.MAYBE);
        assertThat(LogLevel.levelWithName("Warn")).isEqualTo(LogLevel.WARN);
        assertThat(LogLevel.CRITICAL.levelName()).isEqualTo("critical");
    }
}
