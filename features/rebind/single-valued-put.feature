Feature: Change a single-valued navigation property with PUT $ref
  "You can associate rows by setting the value of a single-valued navigation property using PUT" (D1, D18):
  `PUT {row}/{singleNav}/$ref` with `{"@odata.id": "<target URL>"}` answers 204 No Content.

  Background:
    Given an account "Contoso"
    And an account "Fabrikam"
    And an opportunity "Big deal"

  Scenario: Setting the customer of an opportunity answers 204 and sets the lookup
    When the customerid_account of opportunity "Big deal" is set to account "Contoso"
    Then the request succeeds with 204 No Content
    And the customerid_account of opportunity "Big deal" is account "Contoso"
    And the opportunity_customer_accounts of account "Contoso" contain opportunity "Big deal"

  Scenario: Setting it again to another account replaces the lookup
    Given the customerid_account of opportunity "Big deal" is bound to account "Contoso"
    When the customerid_account of opportunity "Big deal" is set to account "Fabrikam"
    Then the request succeeds with 204 No Content
    And the customerid_account of opportunity "Big deal" is account "Fabrikam"
    And the opportunity_customer_accounts of account "Contoso" are empty

  @seed-v8.2
  Scenario: The v8.2 request of the CRM 2016 documentation, with an absolute @odata.id, answers 204
    When I send PUT "/api/data/v8.2/opportunities({Big deal})/customerid_account/$ref" with body:
      """
      {"@odata.id":"{host}/api/data/v8.2/accounts({Contoso})"}
      """
    Then the response status is 204
    And the response header "OData-Version" is "4.0"
    And the response body is empty
    And the customerid_account of opportunity "Big deal" is account "Contoso"

  @seed-v9.0 @conflict
  Scenario: The v9.0 request of the 2021 documentation sends a relative @odata.id (D1), which D2 forbids
    When I send PUT "/api/data/v9.0/opportunities({Big deal})/customerid_account/$ref" with body:
      """
      {"@odata.id":"accounts({Contoso})"}
      """
    Then the response follows the "relative-odata-id" behaviour
    And under "relative-odata-id" = "accept", the customerid_account of opportunity "Big deal" is account "Contoso"
    And under "relative-odata-id" = "reject", the customerid_account of opportunity "Big deal" is empty

  @conflict @emulator-only
  Scenario: With relative @odata.id accepted, the 2021 example answers 204 and sets the lookup
    Given the emulator behaviour "relative-odata-id" is "accept"
    And references are sent in relative form
    When the customerid_account of opportunity "Big deal" is set to account "Contoso"
    Then the request succeeds with 204 No Content
    And the customerid_account of opportunity "Big deal" is account "Contoso"

  Scenario: Setting a contact as customer clears the account side of the multi-table lookup
    Given a contact "Ann"
    And the customerid_account of opportunity "Big deal" is bound to account "Contoso"
    When the customerid_contact of opportunity "Big deal" is set to contact "Ann"
    Then the request succeeds with 204 No Content
    And the customerid_contact of opportunity "Big deal" is contact "Ann"
    And the customerid_account of opportunity "Big deal" is empty
    And the customerid_contact of opportunity "Big deal" points to a contact

  Scenario: A contact's parent account is set with PUT (D2's example)
    Given a contact "Peter Cambel"
    When the parentcustomerid_account of contact "Peter Cambel" is set to account "Contoso"
    Then the request succeeds with 204 No Content
    And the contact_customer_accounts of account "Contoso" contain contact "Peter Cambel"

  Scenario: An account's parent is set within the account hierarchy
    When the parentaccountid of account "Fabrikam" is set to account "Contoso"
    Then the request succeeds with 204 No Content
    And the account_parent_account of account "Contoso" contain account "Fabrikam"
