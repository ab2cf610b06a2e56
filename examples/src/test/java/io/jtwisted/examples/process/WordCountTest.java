package io.jtwisted.examples.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.examples.ExampleProcess;
import org.junit.jupiter.api.Test;

/** The WordCount example in its own JVM, with the real wc. */
class WordCountTest {
    @Test
    void printsWhatWcCountsInTheTextItWasGiven() throws Exception {
        try (ExampleProcess example = ExampleProcess.start(WordCount.class, "one two three\nfour\n")) {
            assertThat(example.nextLine(30)).isEqualTo("2 lines, 4 words, 19 bytes");
            assertThat(example.waitForExit(20)).isZero();
        }
    }
}
