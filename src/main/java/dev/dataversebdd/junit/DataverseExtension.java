package dev.dataversebdd.junit;

import dev.dataversebdd.dsl.Dataverse;
import dev.dataversebdd.dsl.DataverseSession;
import dev.dataversebdd.dsl.Target;
import dev.dataversebdd.targets.Settings;
import dev.dataversebdd.targets.Targets;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives JUnit 5 tests the configured target, started once per test class, and a fresh {@link DataverseSession} per
 * test, closed (its rows removed) when the test ends. Use {@link DataverseTest}, or register it yourself.
 *
 * <pre>{@code
 * @DataverseTest
 * class AssociateTest {
 *     @Test
 *     void associates(DataverseSession dv) {
 *         RowRef contoso = dv.create(NewRow.of("account", "Contoso")).row();
 *     }
 * }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class DataverseExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DataverseExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == DataverseSession.class || type == Dataverse.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Dataverse dataverse = connection(context);
        if (parameter.getParameter().getType() == Dataverse.class) {
            return dataverse;
        }
        Closing<DataverseSession> session = new Closing<>(dataverse.openSession());
        context.getStore(NAMESPACE).put(parameter.getIndex() + "-session", session);
        return session.value;
    }

    /** One connection per test class, closed with it. */
    // getOrComputeIfAbsent, deprecated in JUnit 6 for computeIfAbsent, is the form every JUnit 5 version has
    @SuppressWarnings("deprecation")
    private static Dataverse connection(ExtensionContext context) {
        ExtensionContext classContext = context.getTestClass().isPresent() && context.getParent().isPresent()
                && context.getTestMethod().isPresent() ? context.getParent().get() : context;
        Connection connection = classContext.getStore(NAMESPACE).getOrComputeIfAbsent("connection",
                key -> new Connection(Settings.fromSystem()), Connection.class);
        return connection.dataverse;
    }

    /** The target and its connection, closed when the test class's context closes. */
    // AutoCloseable is how JUnit 6 (and 5.13+) closes stored values; CloseableResource, how older 5.x versions do
    @SuppressWarnings("deprecation")
    private static final class Connection implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        private final Target target;
        private final Dataverse dataverse;

        Connection(Settings settings) {
            this.target = Targets.fromConfiguration(settings);
            this.dataverse = Targets.connect(target, settings);
        }

        @Override
        public void close() {
            try {
                dataverse.close();
            } finally {
                target.close();
            }
        }
    }

    /** A session closed when its test ends: cleanup runs, and a cleanup problem fails the test. */
    // "try": close() throws what the value's close() throws (Exception, which includes InterruptedException), as JUnit's
    // AutoCloseable store values may
    @SuppressWarnings({"deprecation", "try"})
    private static final class Closing<T extends AutoCloseable>
            implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        private final T value;

        Closing(T value) {
            this.value = value;
        }

        @Override
        public void close() throws Exception {
            value.close();
        }
    }
}
