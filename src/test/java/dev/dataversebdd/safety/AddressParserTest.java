package dev.dataversebdd.safety;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dataversebdd.wire.ClientSchema;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one resolver, read without the DSL above it: every spelling of a row the most lenient server would accept is
 * read as that row, into the typed address the guard switches over; what it cannot read is refused.
 */
class AddressParserTest {

    private static final String ID = "7d3f0000-0000-0000-0000-000000000001";
    private static final AddressParser PARSER = new AddressParser(schema(), "https://org.example/api/data/v9.2");

    private static ClientSchema schema() {
        try (InputStream csdl = AddressParserTest.class.getResourceAsStream("/dev/dataversebdd/emulator/metadata.xml")) {
            return ClientSchema.parse(csdl.readAllBytes());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "accounts(" + ID + ")",
        "/api/data/v9.0/accounts(" + ID + ")",
        "https://ORG.example/api/data/v8.2/accounts(" + ID + ")",
        "Accounts(7D3F0000-0000-0000-0000-000000000001)",
        "accounts({" + ID + "})",
        "accounts('" + ID + "')",
        "accounts(accountid=" + ID + ")",
        "accounts%28" + ID + "%29",
        "accounts(" + ID + ")/",
        "accounts(" + ID + ")?$select=name",
    })
    void should_read_every_spelling_of_a_row_as_that_row(String written) throws AddressParser.Unreadable {
        Address.Row row = (Address.Row) PARSER.url(written);
        assertThat(row.table().logicalName(), equalTo("account"));
        assertThat(row.key(), equalTo(new Address.Key.Id(UUID.fromString(ID))));
        assertThat(row.following(), equalTo(new Address.Following.Nothing()));
    }

    @ParameterizedTest(name = "{0} -> {1} {2} ref={3}")
    @CsvSource(delimiter = '|', value = {
        "accounts(" + ID + ")/opportunity_customer_accounts/$ref|opportunity_customer_accounts|opportunity_customer_accounts|true",
        "accounts(" + ID + ")/OPPORTUNITY_customer_accounts/$REF|opportunity_customer_accounts|OPPORTUNITY_customer_accounts|true",
        "accounts(" + ID + ")/opportunity_customer_accounts(" + ID + ")/$ref|opportunity_customer_accounts|opportunity_customer_accounts(" + ID + ")|true",
        "accounts(" + ID + ")/primarycontactid/$ref|primarycontactid|primarycontactid|true",
        "accounts(" + ID + ")/contact_customer_accounts|contact_customer_accounts|contact_customer_accounts|false",
    })
    void should_type_a_navigation_property_after_a_row(String written, String navigation, String segment, boolean ref)
            throws AddressParser.Unreadable {
        Address.Following.Navigation following = (Address.Following.Navigation) ((Address.Row) PARSER.url(written))
                .following();
        assertThat(following.nav().name(), equalTo(navigation));
        assertThat(following.segment(), equalTo(segment));
        assertThat(following.ref(), equalTo(ref));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "accounts(" + ID + ")/no_such_navigation/$ref|no_such_navigation/$ref",
        "accounts(" + ID + ")/primarycontactid/fullname|primarycontactid/fullname",
        "accounts(" + ID + ")/opportunity_customer_accounts/$ref/more|opportunity_customer_accounts/$ref/more",
    })
    void should_keep_what_it_does_not_model_after_a_row_as_other(String written, String path)
            throws AddressParser.Unreadable {
        assertThat(((Address.Row) PARSER.url(written)).following(), equalTo(new Address.Following.Other(path)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "accounts(accountnumber='A-1')|Alternate|accountnumber='A-1'",
        "accounts(accountid=not-a-guid)|Alternate|accountid=not-a-guid",
        "accounts(not-a-guid)|Malformed|not-a-guid",
    })
    void should_tell_an_alternate_key_from_a_key_that_names_no_row(String written, String kind, String key)
            throws AddressParser.Unreadable {
        Address.Key parsed = ((Address.Row) PARSER.url(written)).key();
        assertThat(parsed, equalTo(kind.equals("Alternate") ? new Address.Key.Alternate(key)
                : new Address.Key.Malformed(key)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "accounts|",
        "accounts?$select=name|",
        "accounts/|",
        "accounts/Microsoft.Dynamics.CRM.SomeAction|Microsoft.Dynamics.CRM.SomeAction",
    })
    void should_keep_what_follows_an_entity_set(String written, String following) throws AddressParser.Unreadable {
        Address.EntitySet set = (Address.EntitySet) PARSER.url(written);
        assertThat(set.table().logicalName(), equalTo("account"));
        assertThat(set.following(), equalTo(following));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"no_such_set(" + ID + ")", "no_such_set/x", "/api/data/v9.2/"})
    void should_read_a_url_outside_the_entity_sets_as_unknown(String written) throws AddressParser.Unreadable {
        assertThat(PARSER.url(written), instanceOf(Address.Unknown.class));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"$batch,$batch", "GrantAccess,GrantAccess", "/api/data/v9.2/Microsoft.Dynamics.CRM.RevokeAccess,"
            + "Microsoft.Dynamics.CRM.RevokeAccess", "Grant%41ccess,GrantAccess"})
    void should_read_one_segment_that_is_no_entity_set_as_an_operation(String written, String name)
            throws AddressParser.Unreadable {
        assertThat(((Address.Operation) PARSER.url(written)).name(), equalTo(name));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/_emulator/reset", "/other/path"})
    void should_read_nothing_outside_the_web_api(String written) throws AddressParser.Unreadable {
        assertThat(PARSER.url(written), nullValue());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "https://elsewhere.example/api/data/v9.2/accounts(" + ID + ")",
        "accounts%2528" + ID + "%2529",
        "accounts(" + ID + "/x",
        "accounts(" + ID + ")x",
        "accounts(" + ID + ")/../accounts(" + ID + ")",
        "accounts(" + ID + ")/./primarycontactid/$ref",
        "accounts(" + ID + ")/contact_customer_accounts($1)/$ref",
        "$1/primarycontactid/$ref",
        "https://org.example/api/data/v9.2/$1",
    })
    void should_refuse_what_it_cannot_read(String written) {
        assertThrows(AddressParser.Unreadable.class, () -> PARSER.url(written));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "https://elsewhere.example/api/data/v9.2/accounts(" + ID + ")",
        "/api/data/v9.1/accounts(" + ID + ")",
        "accounts(" + ID + ")",
    })
    void should_read_a_reference_as_the_row_its_path_names_whatever_its_host(String written)
            throws AddressParser.Unreadable {
        Address.Row row = (Address.Row) PARSER.reference(written);
        assertThat(row.key(), equalTo(new Address.Key.Id(UUID.fromString(ID))));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"$1", "$12", "/$1", "https://org.example/api/data/v9.2/$1", "accounts($1)", "../accounts(" + ID + ")"})
    void should_refuse_an_unresolved_content_id_or_a_dot_segment_in_a_reference(String written) {
        assertThrows(AddressParser.Unreadable.class, () -> PARSER.reference(written));
    }
}
