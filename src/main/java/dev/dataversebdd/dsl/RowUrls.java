package dev.dataversebdd.dsl;

/**
 * How requests name other rows: {@code @odata.id} and {@code $id} absolute, {@code @odata.bind} root-relative, as
 * Microsoft's documentation writes them, unless a scenario chose another {@link ReferenceForm}.
 */
final class RowUrls {

    private String serviceRoot;
    private ReferenceForm form;

    RowUrls(String serviceRoot) {
        this.serviceRoot = serviceRoot;
    }

    void serviceRoot(String root) {
        this.serviceRoot = root;
    }

    void use(ReferenceForm chosen) {
        this.form = chosen;
    }

    /** The URL of {@code row} as {@code @odata.id} or {@code $id} carries it. */
    String id(RowRef row) {
        return (form == null ? ReferenceForm.ABSOLUTE : form).render(serviceRoot, row);
    }

    /** The URL of {@code row} as {@code @odata.bind} carries it. */
    String bind(RowRef row) {
        return (form == null ? ReferenceForm.ROOT_RELATIVE : form).render(serviceRoot, row);
    }
}
