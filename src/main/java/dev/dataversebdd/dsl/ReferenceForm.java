package dev.dataversebdd.dsl;

import org.apiguardian.api.API;

/**
 * How a request names another row in {@code @odata.id}, {@code $id} or {@code @odata.bind}. Conformance
 * scenarios vary it on purpose; everyday use keeps the defaults, which follow Microsoft's documentation.
 *
 * <pre>{@code
 * dv.associate(deal).to(contoso).via("opportunity_customer_accounts");            // absolute @odata.id
 * dv.useReferenceForm(ReferenceForm.RELATIVE).rebind(deal).via("customerid_account").to(contoso);
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum ReferenceForm {
    /** {@code http://host/api/data/v9.2/accounts(…)}: what D2 requires for {@code @odata.id}. */
    ABSOLUTE,
    /** {@code /accounts(…)}: what D3 shows for {@code @odata.bind} on create. */
    ROOT_RELATIVE,
    /** {@code accounts(…)}: what D1 shows in its PUT and PATCH examples. */
    RELATIVE;

    String render(String serviceRoot, RowRef row) {
        return switch (this) {
            case ABSOLUTE -> serviceRoot + "/" + row.path();
            case ROOT_RELATIVE -> "/" + row.path();
            case RELATIVE -> row.path();
        };
    }
}
