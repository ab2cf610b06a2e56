package io.jtwisted.examples.deferred;

import static io.jtwisted.internet.Reactor.reactor;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.python.failure.Failure;
import org.jspecify.annotations.Nullable;

/**
 * The howtos' "multiple callbacks" example: the source chooses between callback and errback, and
 * a callback transforms the result on its way. Prints the failure for 3 (on standard error) and
 * {@code Result: 12} for 4.
 */
@Example("Multiple callbacks: the source chooses callback or errback")
public final class Getter {
    private @Nullable Deferred<String> d;

    /** Fires the Deferred: even numbers succeed (times three), odd ones fail. */
    void gotResults(int x) {
        if (d == null) {
            System.out.println("Nowhere to put results");
            return;
        }
        Deferred<String> current = d;
        d = null;
        if (x % 2 == 0) {
            current.callback(String.valueOf(x * 3));
        } else {
            current.errback(new IllegalArgumentException("You used an odd number!"));
        }
    }

    /** Converts the result to "HTML"; its result feeds the next callback. */
    private String toHTML(String r) {
        return "Result: " + r;
    }

    /** A Deferred for a result that gotResults delivers two seconds from now. */
    Deferred<String> getDummyData(int x) {
        d = new Deferred<>();
        reactor.callLater(2, () -> gotResults(x));
        return d.addCallback(this::toHTML);
    }

    static Void cbPrintData(String result) {
        System.out.println(result);
        return null;
    }

    static Void ebPrintError(Failure failure) {
        System.err.println(failure);
        return null;
    }

    public static void main(String[] args) {
        // this series of callbacks and errbacks will print an error message
        Getter g = new Getter();
        Deferred<String> d = g.getDummyData(3);
        d.addCallback(Getter::cbPrintData).addErrback(Getter::ebPrintError);

        // this series of callbacks and errbacks will print "Result: 12"
        g = new Getter();
        d = g.getDummyData(4);
        d.addCallback(Getter::cbPrintData).addErrback(Getter::ebPrintError);

        reactor.callLater(4, reactor::stop);
        reactor.run();
    }
}
