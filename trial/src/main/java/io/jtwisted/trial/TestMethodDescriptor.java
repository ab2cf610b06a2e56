package io.jtwisted.trial;

import io.jtwisted.trial.unittest.TestCase;
import java.lang.reflect.Method;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;

/** One test method of a {@link TestCase} subclass in the engine's tree. */
final class TestMethodDescriptor extends AbstractTestDescriptor {
    static final String SEGMENT_TYPE = "method";

    private final Class<? extends TestCase> testClass;
    private final Method method;

    TestMethodDescriptor(UniqueId parentId, Class<? extends TestCase> testClass, Method method) {
        // The source names the class the test runs in, so inherited tests are reported under it.
        super(parentId.append(SEGMENT_TYPE, method.getName()), method.getName(), MethodSource.from(testClass, method));
        this.testClass = testClass;
        this.method = method;
    }

    Class<? extends TestCase> testClass() {
        return testClass;
    }

    Method method() {
        return method;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }
}
