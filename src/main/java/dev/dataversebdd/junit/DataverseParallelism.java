package dev.dataversebdd.junit;

import dev.dataversebdd.targets.Settings;
import dev.dataversebdd.targets.Targets;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Predicate;
import org.apiguardian.api.API;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.support.hierarchical.ParallelExecutionConfiguration;
import org.junit.platform.engine.support.hierarchical.ParallelExecutionConfigurationStrategy;

/**
 * The JUnit Platform's parallel pool sized by the one setting {@code dataverse.parallelism} (default 4), the same
 * number that bounds a live run's requests in flight. The pool is saturated at that size instead of growing: the
 * platform's own fixed strategy does not promise a maximum number of threads (a blocked worker may be compensated
 * for), and a live org counts every request. Scenarios run at once never exceed it; requests in flight are bounded
 * by the run's gate in any case. In {@code junit-platform.properties}:
 *
 * <pre>
 * cucumber.execution.parallel.enabled=true
 * cucumber.execution.parallel.config.strategy=custom
 * cucumber.execution.parallel.config.custom.class=dev.dataversebdd.junit.DataverseParallelism
 * </pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public final class DataverseParallelism implements ParallelExecutionConfigurationStrategy {

    /** Picked by the JUnit Platform by its class name. */
    public DataverseParallelism() {
    }

    @Override
    public ParallelExecutionConfiguration createConfiguration(ConfigurationParameters parameters) {
        return new Fixed(Targets.parallelism(Settings.fromSystem()));
    }

    /** {@code n} workers, never more. */
    private record Fixed(int n) implements ParallelExecutionConfiguration {
        @Override
        public int getParallelism() {
            return n;
        }

        @Override
        public int getMinimumRunnable() {
            return n;
        }

        @Override
        public int getMaxPoolSize() {
            return n;
        }

        @Override
        public int getCorePoolSize() {
            return n;
        }

        @Override
        public int getKeepAliveSeconds() {
            return 30;
        }

        @Override
        public Predicate<? super ForkJoinPool> getSaturatePredicate() {
            return pool -> true;
        }
    }
}
