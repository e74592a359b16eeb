package dev.dataversebdd.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A JUnit 5 test class whose tests may take a {@code DataverseSession} (fresh per test, cleaned up after it) or the
 * {@code Dataverse} connection (one per class) as parameters; the target is the configured one (the embedded emulator
 * unless {@code dataverse.target=live}).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@java.lang.annotation.Target(ElementType.TYPE)
@ExtendWith(DataverseExtension.class)
public @interface DataverseTest {
}
