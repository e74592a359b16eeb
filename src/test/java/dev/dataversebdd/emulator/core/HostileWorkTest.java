package dev.dataversebdd.emulator.core;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Work that once broke the emulator: defects inside a write, data deep enough to overflow a recursion. */
class HostileWorkTest {

    private final ServiceDriver dv = new ServiceDriver();

    /**
     * A chain contact 0 ← contact 1 ← … through the Cascade relationship contact_customer_contacts, linked from the
     * far end so that each link's loop check walks one step, not the whole chain.
     */
    private List<UUID> chainOfContacts(int length) {
        List<UUID> chain = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            chain.add(dv.create("contacts", "{\"lastname\":\"c" + i + "\"}"));
        }
        for (int i = length - 1; i > 0; i--) {
            EmulatorResponse linked = dv.send("PUT", "contacts(" + chain.get(i) + ")/parentcustomerid_contact/$ref",
                    ServiceDriver.ref("contacts", chain.get(i - 1)));
            assertThat(linked.bodyText(), linked.status(), equalTo(204));
        }
        return chain;
    }

    @Test
    void should_roll_back_and_answer_when_an_error_is_thrown_half_way_through_a_write() {
        // GIVEN accounts whose primary contact is in a cascading chain
        List<UUID> chain = chainOfContacts(30);
        for (int i = 0; i < 10; i++) {
            dv.create("accounts", "{\"name\":\"a" + i + "\",\"primarycontactid@odata.bind\":\"/contacts(" + chain.get(i)
                    + ")\"}");
        }
        SortedMap<String, String> before = dv.service.describeState();
        // WHEN the delete of the chain's root fails with an Error after 25 of its changes
        dv.service.injectDefect(new StackOverflowError("injected"), 25);
        EmulatorResponse response = dv.send("DELETE", "contacts(" + chain.get(0) + ")", null);
        // THEN the answer is a Dataverse-shaped 500 naming the request, and nothing of the delete stayed
        assertThat(response.status(), equalTo(500));
        assertThat(ServiceDriver.errorCode(response), equalTo("EMULATOR_DEFECT"));
        assertThat(ServiceDriver.errorMessage(response), containsString("DELETE /api/data/v9.2/contacts(" + chain.get(0) + ")"));
        assertThat(response.bodyText(), not(containsString("StackOverflowError")));
        assertThat(dv.service.describeState(), equalTo(before));
        // AND the next write works as usual
        assertThat(dv.send("DELETE", "contacts(" + chain.get(0) + ")", null).status(), equalTo(204));
    }

    @Test
    void should_delete_a_cascading_chain_of_any_depth_as_one_unit() {
        List<UUID> chain = chainOfContacts(12_000);
        UUID account = dv.create("accounts", "{\"name\":\"a\",\"primarycontactid@odata.bind\":\"/contacts("
                + chain.get(11_999) + ")\"}");
        assertThat(dv.send("DELETE", "contacts(" + chain.get(0) + ")", null).status(), equalTo(204));
        assertThat(dv.service.rowCount() - dv.service.startupRowCount(), equalTo(1));
        assertThat(dv.lookup("accounts", account, "_primarycontactid_value"), equalTo(null));
    }

    @Test
    void should_refuse_a_hierarchy_loop_at_any_depth() {
        List<UUID> chain = chainOfContacts(10_050);
        EmulatorResponse loop = dv.send("PATCH", "contacts(" + chain.get(0) + ")",
                "{\"parentcustomerid_contact@odata.bind\":\"/contacts(" + chain.get(10_049) + ")\"}", "If-Match", "*");
        assertThat(loop.status(), equalTo(400));
        assertThat(ServiceDriver.errorMessage(loop), containsString("would create a loop"));
        assertThat(dv.lookup("contacts", chain.get(0), "_parentcustomerid_value"), equalTo(null));
    }
}
