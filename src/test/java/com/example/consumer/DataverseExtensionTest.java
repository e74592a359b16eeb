package com.example.consumer;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.dataversebdd.dsl.Dataverse;
import dev.dataversebdd.dsl.DataverseSession;
import dev.dataversebdd.dsl.NewRow;
import dev.dataversebdd.dsl.RowRef;
import dev.dataversebdd.junit.DataverseTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The JUnit 5 extension as a team uses it: a session per test, cleaned up after it, one target per class. */
@DataverseTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DataverseExtensionTest {

    @Test
    @Order(1)
    void associates_an_opportunity_to_an_account(DataverseSession dv) {
        RowRef contoso = dv.create(NewRow.of("account", "Contoso")).row();
        RowRef deal = dv.create(NewRow.of("opportunity", "Big deal")).row();
        dv.associate(deal).to(contoso).via("opportunity_customer_accounts").isNoContent();
        dv.expect(deal).lookup("customerid_account").pointsTo(contoso);
    }

    @Test
    @Order(2)
    void finds_nothing_left_of_the_previous_test(DataverseSession dv, Dataverse dataverse) {
        // GIVEN the same target for the whole class
        assertThat(dataverse.target().serviceRoot(), equalTo(dv.serviceRoot()));
        // THEN the previous test's rows were removed when it ended
        dv.send("GET", "accounts?$select=name").send().hasStatus(200).hasJsonItems("value", 0);
        dv.send("GET", "opportunities?$select=name").send().hasStatus(200).hasJsonItems("value", 0);
    }
}
