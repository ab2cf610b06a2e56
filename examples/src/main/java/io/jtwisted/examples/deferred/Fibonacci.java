package io.jtwisted.examples.deferred;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.defer.Deferred;
import java.math.BigInteger;
import org.jspecify.annotations.Nullable;

/**
 * The howtos' "Deferreds do not make code asynchronous" example: largeFibonnaciNumber computes the
 * 10 000th Fibonacci number before it returns its (already fired) Deferred, so the callback added
 * afterwards runs at once. Prints progress every 100 steps, the time the call took, then
 * {@code Adding the callback now.} and {@code The 10000th Fibonacci number is ...}.
 */
@Example("Deferreds do not make code asynchronous")
public final class Fibonacci {
    static final int TARGET = 10000;

    private Fibonacci() {}

    static Deferred<BigInteger> largeFibonnaciNumber() {
        // create a Deferred object to return:
        Deferred<BigInteger> d = new Deferred<>();

        // calculate the ten thousandth Fibonnaci number
        BigInteger first = BigInteger.ZERO;
        BigInteger second = BigInteger.ONE;
        for (int i = 0; i < TARGET - 1; i++) {
            BigInteger next = first.add(second);
            first = second;
            second = next;
            if (i % 100 == 0) {
                System.out.printf("Progress: calculating the %dth Fibonnaci number%n", i);
            }
        }

        // give the Deferred the answer to pass to the callbacks:
        d.callback(second);

        // return the Deferred with the answer:
        return d;
    }

    public static void main(String[] args) {
        long timeBefore = System.nanoTime();

        // call the function and get our Deferred
        Deferred<BigInteger> d = largeFibonnaciNumber();

        long timeAfter = System.nanoTime();
        System.out.printf(
                "Total time taken for largeFibonnaciNumber call: %.3f seconds%n", (timeAfter - timeBefore) / 1e9);

        // add a callback to it to print the number
        System.out.println("Adding the callback now.");
        d.<@Nullable Object>addCallback(number -> {
            System.out.printf("The %dth Fibonacci number is %d%n", TARGET, number);
            return null;
        });
    }
}
