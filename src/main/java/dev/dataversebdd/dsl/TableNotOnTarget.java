package dev.dataversebdd.dsl;

import dev.dataversebdd.wire.ClientSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apiguardian.api.API;

/**
 * A scenario names a standard Dataverse table (one of the packaged emulator's, such as {@code competitor}) that the
 * target's {@code $metadata} does not declare: the target cannot run the scenario, which is no fault of either. The
 * step library skips such a scenario with this message; a misspelt table, which no schema knows, fails instead.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public final class TableNotOnTarget extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;
    private static final String STANDARD_SCHEMA = "/dev/dataversebdd/emulator/metadata.xml";
    private static volatile ClientSchema standard;

    TableNotOnTarget(String name) {
        super("the target has no table '" + name + "', a standard Dataverse table this scenario needs: its $metadata "
                + "does not declare it");
    }

    /** Whether {@code name} (a logical name or entity set) is a table of the packaged standard schema. */
    static boolean isStandard(String name) {
        return standardSchema().tableIgnoringCase(name).isPresent();
    }

    private static ClientSchema standardSchema() {
        ClientSchema known = standard;
        if (known == null) {
            try (InputStream csdl = TableNotOnTarget.class.getResourceAsStream(STANDARD_SCHEMA)) {
                if (csdl == null) {
                    throw new IllegalStateException("the packaged standard schema " + STANDARD_SCHEMA + " is missing");
                }
                known = ClientSchema.parse(csdl.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            standard = known;
        }
        return known;
    }
}
