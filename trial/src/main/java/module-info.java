/**
 * JTwisted trial: trial-style tests on JUnit 5 (the {@code TrialExtension}, the {@code TestCase}
 * engine, the dirty-reactor janitor). Reaches the reactor only through core's public API.
 */
module io.jtwisted.trial {
    requires transitive io.jtwisted.core;
    requires transitive org.junit.jupiter.api;
    requires transitive org.junit.platform.engine;

    exports io.jtwisted.trial;
    exports io.jtwisted.trial.unittest;

    provides org.junit.platform.engine.TestEngine with
            io.jtwisted.trial.TrialTestEngine;
}
