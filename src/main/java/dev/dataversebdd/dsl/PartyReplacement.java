package dev.dataversebdd.dsl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Replaces an activity's parties: {@code PUT emails({id})/email_activity_parties} with {@code {"value":[…]}}
 * (D1's example; withdrawn by D2, so its outcome is a [CONFLICT] behaviour).
 *
 * <pre>{@code
 * dv.replaceParties(mail).with(Participation.CC, ann).with(Participation.TO, bob).send().isNoContent();
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class PartyReplacement {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Sender sender;
    private final RowUrls urls;
    private final RowRef activity;
    private final List<String> sentence = new ArrayList<>();
    private final ArrayNode parties = JSON.createArrayNode();
    private String navigation;

    PartyReplacement(Sender sender, RowUrls urls, RowRef activity) {
        this.sender = sender;
        this.urls = urls;
        this.activity = activity;
        this.navigation = activity.table() + "_activity_parties";
    }

    /** Another party, bound through {@code partyid_<table>@odata.bind}. */
    public PartyReplacement with(Participation participation, RowRef party) {
        ObjectNode json = parties.addObject();
        json.put("partyid_" + party.table() + "@odata.bind", urls.bind(party));
        json.put("participationtypemask", participation.mask());
        sentence.add(participation.label() + " " + party.describe());
        return this;
    }

    /** Several parties at once. */
    public PartyReplacement withAll(List<Party> parties) {
        parties.forEach(p -> with(p.participation(), p.row()));
        return this;
    }

    /** The party collection's name when it is not {@code <table>_activity_parties}. */
    public PartyReplacement via(String partyNavigation) {
        this.navigation = partyNavigation;
        return this;
    }

    public Outcome send() {
        ObjectNode body = JSON.createObjectNode();
        body.set("value", parties);
        return sender.send(Operation.of("replace parties", "replace the parties of " + activity.describe() + " with "
                + (sentence.isEmpty() ? "none" : String.join(", ", sentence)), "PUT", activity.path() + "/" + navigation,
                body.toString(), activity.table()));
    }
}
