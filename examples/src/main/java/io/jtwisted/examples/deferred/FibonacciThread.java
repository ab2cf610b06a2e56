package io.jtwisted.examples.deferred;

import static io.jtwisted.internet.Reactor.reactor;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.threads.Threads;
import java.math.BigInteger;

/**
 * The howtos' deferToThread example: a blocking computation runs in a thread while the reactor
 * thread goes on. Prints {@code 1st line after the addition of the callback},
 * {@code 2nd line after the addition of the callback}, then
 * {@code largeFibonnaciNumber result = ...}, and stops the reactor.
 */
@Example("deferToThread: a blocking computation off the reactor thread")
public final class FibonacciThread {
    private FibonacciThread() {}

    /** A long-running blocking function: the TARGETth Fibonacci number. */
    static BigInteger largeFibonnaciNumber() {
        int target = 10000;
        BigInteger first = BigInteger.ZERO;
        BigInteger second = BigInteger.ONE;
        for (int i = 0; i < target - 1; i++) {
            BigInteger next = first.add(second);
            first = second;
            second = next;
        }
        return second;
    }

    /** Prints the result, then stops the reactor so that the example ends. */
    static Void fibonacciCallback(BigInteger result) {
        System.out.println("largeFibonnaciNumber result = " + result);
        reactor.stop();
        return null;
    }

    static void run() {
        // get our Deferred which will be called with the largeFibonnaciNumber result
        Deferred<BigInteger> d = Threads.deferToThread(reactor, FibonacciThread::largeFibonnaciNumber);
        // add our callback to print it out
        d.addCallback(FibonacciThread::fibonacciCallback);
        System.out.println("1st line after the addition of the callback");
        System.out.println("2nd line after the addition of the callback");
    }

    public static void main(String[] args) {
        run();
        reactor.run();
    }
}
