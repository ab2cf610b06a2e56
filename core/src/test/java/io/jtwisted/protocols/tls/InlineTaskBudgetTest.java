package io.jtwisted.protocols.tls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The inline budget of delegated tasks, on a clock the test moves (JTwisted's own; Twisted runs every task inline). */
class InlineTaskBudgetTest {
    private long nanos = 1_000_000_000L;
    private final InlineTaskBudget budget = new InlineTaskBudget(() -> nanos);

    private void spend(long taskNanos) {
        long started = budget.now();
        nanos += taskNanos;
        budget.spentSince(started);
    }

    @Test
    void tasksRunInlineUntilTheyTookTheShareOfTheWindow() {
        assertThat(budget.allows(0.5)).isTrue();
        spend(30_000_000L);
        assertThat(budget.allows(0.5)).isTrue();
        spend(20_000_000L); // 50 ms of the 100 ms window: the half is spent
        assertThat(budget.allows(0.5)).isFalse();
        assertThat(budget.allows(0.6)).as("a larger share leaves room").isTrue();
    }

    @Test
    void aNewWindowGivesTheBudgetBack() {
        spend(80_000_000L);
        assertThat(budget.allows(0.5)).isFalse();
        nanos += InlineTaskBudget.WINDOW_NANOS;
        assertThat(budget.allows(0.5)).isTrue();
    }

    @Test
    void shareZeroNeverAllowsAndShareOneAlwaysDoes() {
        assertThat(budget.allows(0)).isFalse();
        assertThat(budget.allows(1)).isTrue();
        spend(99_000_000L);
        assertThat(budget.allows(0)).isFalse();
        assertThat(budget.allows(1)).isTrue();
        spend(5_000_000L); // past the window's end: a new window
        assertThat(budget.allows(1)).isTrue();
    }

    @Test
    void eachThreadHasItsOwnBudget() throws InterruptedException {
        InlineTaskBudget mine = InlineTaskBudget.forCurrentThread();
        InlineTaskBudget[] theirs = new InlineTaskBudget[1];
        Thread other = new Thread(() -> theirs[0] = InlineTaskBudget.forCurrentThread());
        other.start();
        other.join();
        assertThat(InlineTaskBudget.forCurrentThread()).isSameAs(mine);
        assertThat(theirs[0]).isNotNull().isNotSameAs(mine);
    }
}
