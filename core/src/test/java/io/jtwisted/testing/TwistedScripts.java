package io.jtwisted.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The real Twisted as a peer: one interop script run with the Python {@link TwistedPython} finds,
 * each process killed by {@link #destroyAll()} (call it after each test).
 */
public final class TwistedScripts {
    private final String test;
    private final Path script;
    private final List<Process> processes = new ArrayList<>();

    /** Runs {@code script} for the interop test named {@code test} (the name shows when Twisted is missing). */
    public TwistedScripts(String test, Path script) {
        this.test = test;
        this.script = script;
    }

    /** Starts the script with {@code args}; its standard error is discarded. */
    public Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(TwistedPython.require(test), script.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        processes.add(process);
        return process;
    }

    /** The first line {@code process} prints, read on another thread. */
    public static CompletableFuture<String> firstLine(Process process) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                        .readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Kills every process this started. */
    public void destroyAll() {
        for (Process process : processes) {
            process.destroyForcibly();
        }
        processes.clear();
    }
}
