package dev.dataversebdd.dsl;

import dev.dataversebdd.dsl.internal.ClientSchema;
import dev.dataversebdd.dsl.internal.HttpChannel;
import dev.dataversebdd.dsl.internal.JdkTransport;
import dev.dataversebdd.report.Redactor;
import dev.dataversebdd.target.Target;
import java.util.List;

/**
 * The entry point: a connection to one target (the embedded emulator or a live org), its schema read once from
 * {@code $metadata}, and a factory of per-scenario sessions.
 *
 * <pre>{@code
 * try (Target target = Targets.fromConfiguration(Settings.fromSystem())) {
 *     Dataverse dataverse = Dataverse.connect(target);
 *     try (DataverseSession dv = dataverse.openSession()) {
 *         RowRef contoso = dv.create(NewRow.of("account", "Contoso")).row();
 *         RowRef deal = dv.create(NewRow.of("opportunity", "Big deal")).row();
 *         dv.associate(deal).to(contoso).via("opportunity_customer_accounts").isNoContent();
 *         dv.expect(contoso).collection("opportunity_customer_accounts").contains(deal);
 *     }   // closing deletes what the session created
 * }
 * }</pre>
 */
public final class Dataverse {

    private final Target target;
    private final ClientSchema schema;
    private final Redactor redactor;
    private final JdkTransport jdk = new JdkTransport();

    private Dataverse(Target target, ClientSchema schema, Redactor redactor) {
        this.target = target;
        this.schema = schema;
        this.redactor = redactor;
    }

    /** Reads the target's {@code $metadata} and returns a connection; the caller keeps ownership of the target. */
    public static Dataverse connect(Target target) {
        return connect(target, List.of());
    }

    /** As {@link #connect(Target)}, masking the given secret values wherever text leaves the process. */
    public static Dataverse connect(Target target, List<String> secrets) {
        ClientSchema schema;
        try {
            schema = ClientSchema.parse(target.metadataDocument());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("cannot read the schema of " + target.description() + ": " + e.getMessage(), e);
        }
        List<String> all = new java.util.ArrayList<>(secrets);
        all.addAll(target.secrets());
        return new Dataverse(target, schema, Redactor.withSecrets(all));
    }

    /** A session for one scenario or test: it remembers every row and link it creates and removes them on close. */
    public DataverseSession openSession() {
        return new DataverseSession(this);
    }

    public Target target() {
        return target;
    }

    ClientSchema schema() {
        return schema;
    }

    Redactor redactor() {
        return redactor;
    }

    /** A channel to the target that reports every exchange to {@code listener}. */
    HttpChannel channel(java.util.function.Consumer<dev.dataversebdd.report.RecordedExchange> listener) {
        return new HttpChannel(target, jdk, listener);
    }
}
