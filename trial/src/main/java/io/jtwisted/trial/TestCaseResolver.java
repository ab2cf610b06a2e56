package io.jtwisted.trial;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import io.jtwisted.trial.unittest.TestCase;
import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * Turns class, method and unique-id selectors into the engine's descriptors: a class selector
 * of a {@link TestCase} subclass gives its container with all its tests, a method selector one
 * test under its class's container. Package and class-path selectors arrive here as class
 * selectors, already filtered by the request's class-name filters.
 */
final class TestCaseResolver implements SelectorResolver {
    private final UniqueId engineId;

    TestCaseResolver(UniqueId engineId) {
        this.engineId = engineId;
    }

    @Override
    public Resolution resolve(ClassSelector selector, Context context) {
        Class<?> type = selector.getJavaClass();
        if (!TestCaseDescriptor.isTestCaseClass(type)) {
            return Resolution.unresolved();
        }
        return context.addToParent(
                        parent -> Optional.of(new TestCaseDescriptor(parent.getUniqueId(), asTestCase(type))))
                .map(descriptor -> Resolution.match(Match.exact(descriptor, () -> methodSelectors(descriptor))))
                .orElse(Resolution.unresolved());
    }

    @Override
    public Resolution resolve(MethodSelector selector, Context context) {
        Class<?> type = selector.getJavaClass();
        Method method = selector.getJavaMethod();
        if (!TestCaseDescriptor.isTestCaseClass(type) || !TestCaseDescriptor.isTestMethod(method)) {
            return Resolution.unresolved();
        }
        Class<? extends TestCase> testClass = asTestCase(type);
        return context.addToParent(
                        () -> selectClass(testClass),
                        parent -> Optional.of(new TestMethodDescriptor(parent.getUniqueId(), testClass, method)))
                .map(descriptor -> Resolution.match(Match.exact(descriptor)))
                .orElse(Resolution.unresolved());
    }

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        if (!selector.getUniqueId().hasPrefix(engineId)) {
            return Resolution.unresolved();
        }
        List<UniqueId.Segment> segments = selector.getUniqueId().getSegments();
        UniqueId.Segment last = segments.get(segments.size() - 1);
        if (last.getType().equals(TestCaseDescriptor.SEGMENT_TYPE)) {
            return Resolution.selectors(Set.of(selectClass(last.getValue())));
        }
        if (last.getType().equals(TestMethodDescriptor.SEGMENT_TYPE) && segments.size() >= 2) {
            UniqueId.Segment owner = segments.get(segments.size() - 2);
            if (owner.getType().equals(TestCaseDescriptor.SEGMENT_TYPE)) {
                return Resolution.selectors(Set.of(selectMethod(owner.getValue(), last.getValue())));
            }
        }
        return Resolution.unresolved();
    }

    private static Set<DiscoverySelector> methodSelectors(TestCaseDescriptor descriptor) {
        Class<? extends TestCase> testClass = descriptor.testClass();
        return TestCaseDescriptor.testMethods(testClass).stream()
                .map(method -> (DiscoverySelector) selectMethod(testClass, method))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends TestCase> asTestCase(Class<?> type) {
        return (Class<? extends TestCase>) type;
    }
}
