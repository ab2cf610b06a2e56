package io.jtwisted.internet.defer;

/**
 * When the resumer of an {@link InlineCallbacks} hand-off spins before it parks. A spin that the
 * turn ends within saves both sides a wake-up through the operating system; a spin that times out
 * only burns a CPU, which on a loaded machine is the one the body is waiting for. So each
 * timed-out spin doubles the number of waits that park at once (up to {@link #MAX_SKIP}), and a
 * spin that succeeds spins again next time. Touched only by the resumer.
 */
final class SpinBackoff {
    private static final int MAX_SKIP = 64;

    private int skip; // waits left that park without spinning
    private int failures; // timed-out spins in a row

    /** True if this wait should spin first; counts a wait that does not. */
    boolean shouldSpin() {
        if (skip == 0) {
            return true;
        }
        skip--;
        return false;
    }

    /** Records whether the turn came within the spin. */
    void spun(boolean turnCame) {
        if (turnCame) {
            failures = 0;
        } else {
            failures = Math.min(failures + 1, Integer.numberOfTrailingZeros(MAX_SKIP));
            skip = 1 << failures;
        }
    }
}
