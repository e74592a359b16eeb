Feature: Disassociate on update with PATCH null
  "You can remove a reference to a single-valued navigation property when updating by setting the value to null.
  This method allows you to disassociate multiple references in a single operation." (D1)
  Two forms are documented: "nav@odata.bind": null and "nav": null. The second works everywhere (D1, D2, I4, I5);
  the first is reported refused (I3, 2021) and ignored (I5, 2023): a [CONFLICT].

  Background:
    Given an account "Contoso"
    And an account "Parent"
    And a contact "Ann"
    And the parentaccountid of account "Contoso" is bound to account "Parent"
    And the primarycontactid of account "Contoso" is bound to contact "Ann"

  @seed-v9.0
  Scenario: Setting both navigation properties to null disassociates both in one request
    When I send PATCH "/api/data/v9.0/accounts({Contoso})" with body:
      """
      {"parentaccountid": null, "primarycontactid": null}
      """
    Then the response status is 204
    And the response header "OData-Version" is "4.0"
    And the parentaccountid of account "Contoso" is empty
    And the primarycontactid of account "Contoso" is empty

  Scenario: The DSL's unbind clears one lookup and leaves the other
    When account "Contoso" is updated with its parentaccountid set to null
    Then the request succeeds with 204 No Content
    And the parentaccountid of account "Contoso" is empty
    And the primarycontactid of account "Contoso" is contact "Ann"

  Scenario: Unbinding two navigation properties at once
    When account "Contoso" is updated with its parentaccountid and primarycontactid set to null
    Then the request succeeds with 204 No Content
    And the parentaccountid of account "Contoso" is empty
    And the primarycontactid of account "Contoso" is empty
    And the account_parent_account of account "Parent" are empty

  @seed-v9.0 @conflict
  Scenario: The documented "@odata.bind": null form follows the bind-null behaviour
    When I send PATCH "/api/data/v9.0/accounts({Contoso})" with body:
      """
      {"parentaccountid@odata.bind": null, "primarycontactid@odata.bind": null}
      """
    Then the response follows the "bind-null" behaviour
    And under "bind-null" = "clears", the parentaccountid of account "Contoso" is empty
    And under "bind-null" = "clears", the primarycontactid of account "Contoso" is empty
    And under "bind-null" = "ignored", the parentaccountid of account "Contoso" is account "Parent"
    And under "bind-null" = "ignored", the primarycontactid of account "Contoso" is contact "Ann"
    And under "bind-null" = "rejected", the parentaccountid of account "Contoso" is account "Parent"
    And under "bind-null" = "rejected", the primarycontactid of account "Contoso" is contact "Ann"

  @conflict
  Scenario: The DSL's two "@odata.bind": null in one request follow the bind-null behaviour too
    When account "Contoso" is updated with parentaccountid@odata.bind and primarycontactid@odata.bind set to null
    Then the response follows the "bind-null" behaviour
    And under "bind-null" = "clears", the parentaccountid of account "Contoso" is empty
    And under "bind-null" = "clears", the primarycontactid of account "Contoso" is empty
    And under "bind-null" = "ignored", the parentaccountid of account "Contoso" is account "Parent"
    And under "bind-null" = "ignored", the primarycontactid of account "Contoso" is contact "Ann"
    And under "bind-null" = "rejected", the parentaccountid of account "Contoso" is account "Parent"
    And under "bind-null" = "rejected", the primarycontactid of account "Contoso" is contact "Ann"

  @conflict @emulator-only
  Scenario: With bind-null rejected, the request answers I3's 400 and changes nothing
    Given the emulator behaviour "bind-null" is "rejected"
    When account "Contoso" is updated with parentaccountid@odata.bind set to null
    Then the request fails with 400, error code "0x0" and a message containing "The 'odata.bind' instance or property annotation has a null value"
    And the parentaccountid of account "Contoso" is account "Parent"

  @conflict @emulator-only
  Scenario: With bind-null ignored, the request answers 204 and the lookup stays (I5)
    Given the emulator behaviour "bind-null" is "ignored"
    When account "Contoso" is updated with parentaccountid@odata.bind set to null
    Then the request succeeds with 204 No Content
    And the parentaccountid of account "Contoso" is account "Parent"

  Scenario: Nulling a multi-table lookup through one navigation property clears it
    Given an opportunity "Big deal"
    And the customerid_contact of opportunity "Big deal" is bound to contact "Ann"
    When opportunity "Big deal" is updated with its customerid_contact set to null
    Then the request succeeds with 204 No Content
    And the customerid_contact of opportunity "Big deal" is empty
