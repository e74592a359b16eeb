package dev.dataversebdd.safety;

import org.apiguardian.api.API;

/**
 * A row a request proved it created, and the name its body gave it: the value of the table's primary name column in
 * the JSON object that created it ({@code dvbdd-… Contoso} on a live org), null when that object gives none.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public record CreatedRow(RowId row, String name) {
}
