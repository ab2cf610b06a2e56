package io.jtwisted.trial;

import io.jtwisted.trial.unittest.TestCase;
import java.util.Optional;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.discovery.EngineDiscoveryRequestResolver;

/**
 * The JUnit Platform engine that runs trial-style {@link TestCase} subclasses, whose tests may
 * return a Deferred (JUnit Jupiter only runs {@code void} test methods). Registered through
 * {@code META-INF/services}, so Maven Surefire, Gradle and IDEs run these tests next to
 * Jupiter's without configuration. It discovers from class, method, package, class-path-root
 * and unique-id selectors (respecting class-name filters), and reports one container per class
 * with one test per method, sourced as {@code Class#method}.
 */
public final class TrialTestEngine implements TestEngine {
    /** The engine's id, for {@code EngineTestKit.engine(...)} and engine filters. */
    public static final String ENGINE_ID = "jtwisted-trial";

    private static final EngineDiscoveryRequestResolver<EngineDescriptor> RESOLVER =
            EngineDiscoveryRequestResolver.<EngineDescriptor>builder()
                    .addClassContainerSelectorResolver(TestCaseDescriptor::isTopLevelTestCaseClass)
                    .addSelectorResolver(context ->
                            new TestCaseResolver(context.getEngineDescriptor().getUniqueId()))
                    .build();

    @Override
    public String getId() {
        return ENGINE_ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("io.jtwisted");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("jtwisted-trial");
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        EngineDescriptor engine = new EngineDescriptor(uniqueId, "JTwisted trial");
        RESOLVER.resolve(request, engine);
        return engine;
    }

    @Override
    public void execute(ExecutionRequest request) {
        TestDescriptor engine = request.getRootTestDescriptor();
        EngineExecutionListener listener = request.getEngineExecutionListener();
        listener.executionStarted(engine);
        TestCaseRunner runner = new TestCaseRunner(listener, request.getConfigurationParameters());
        for (TestDescriptor child : engine.getChildren()) {
            if (child instanceof TestCaseDescriptor container) {
                runner.runClass(container);
            }
        }
        listener.executionFinished(engine, TestExecutionResult.successful());
    }
}
