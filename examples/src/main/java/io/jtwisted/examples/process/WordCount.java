package io.jtwisted.examples.process;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.task.Task;
import io.jtwisted.internet.utils.Utils;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Twisted's process howto's {@code wc} example, with {@code utils}: writes some text to {@code
 * wc}'s stdin, closes it, and prints the counts {@code wc} answers with. {@code bin/run-example
 * WordCount [TEXT]}.
 */
@Example(value = "Hands text to wc through its stdin and prints what it counts", usage = "[TEXT]")
public final class WordCount {
    private WordCount() {}

    static Deferred<@Nullable Void> main(Reactor reactor, String text) {
        byte[] input = text.getBytes(StandardCharsets.UTF_8);
        return Utils.getProcessOutputAndValue(reactor, "wc", List.of("-l", "-w", "-c"), null, null, input)
                .thenAccept(result -> {
                    String[] counts = new String(result.out(), StandardCharsets.US_ASCII)
                            .strip()
                            .split("\\s+");
                    System.out.println(counts[0] + " lines, " + counts[1] + " words, " + counts[2] + " bytes");
                });
    }

    public static void main(String[] args) {
        String text = args.length > 0 ? args[0] : "The quick brown fox\njumps over the lazy dog\n";
        Task.react(reactor -> main(reactor, text));
    }
}
