package dev.dataversebdd.targets;

import dev.dataversebdd.emulator.http.DataverseEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link LocalOrg} for all tests of a class: {@code @RegisterExtension static final LocalOrgExtension LOCAL = …}.
 */
final class LocalOrgExtension implements BeforeAllCallback, AfterAllCallback {

    private Path folder;
    private LocalOrg local;
    private final DataverseEmulator.Builder emulator;

    LocalOrgExtension() {
        this(DataverseEmulator.builder());
    }

    /** A stand-in org that is the emulator {@code emulator} starts. */
    LocalOrgExtension(DataverseEmulator.Builder emulator) {
        this.emulator = emulator;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        folder = Files.createTempDirectory("local-org");
        local = new LocalOrg(folder, 3600, emulator);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        local.close();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file); // the key stores of the token endpoint
            }
        }
    }

    LocalTokenEndpoint endpoint() {
        return local.endpoint;
    }

    DataverseEmulator org() {
        return local.org;
    }

    Map<String, String> settings() {
        return local.settings();
    }
}
