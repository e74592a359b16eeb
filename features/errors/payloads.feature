Feature: Bodies with wrong property names or broken JSON are refused, and nothing is written
  "Lookup column names are not navigation property names" (D16); names are case sensitive (D7, I16).

  Background:
    Given an account "Contoso"

  Scenario: E8 - @odata.bind on a lookup column name answers 400 0x80048d19
    When I send POST "contacts" with body:
      """
      {"lastname": "x", "parentcustomerid@odata.bind": "/accounts({Contoso})"}
      """
    Then the request fails with 400, error code "0x80048d19" and a message containing "An undeclared property 'parentcustomerid' which only has property annotations in the payload"
    And the contact_customer_accounts of account "Contoso" are empty

  Scenario: E9 - a wrong-case property answers 400 "Invalid property"
    When I send POST "accounts" with body:
      """
      {"Name": "Wrong case"}
      """
    Then the request fails with 400, error code "0x0" and a message containing "Invalid property 'Name' was found in entity 'Microsoft.Dynamics.CRM.account'"

  Scenario: E9 - a wrong-case navigation property on create answers 400 (I16)
    When I send POST "emails" with body:
      """
      {"subject": "x", "Email_activity_parties": []}
      """
    Then the request fails with 400, error code "0x0" and a message containing "Invalid property 'Email_activity_parties'"

  Scenario: E9 - nulling a lookup by its column name in PATCH answers 400 (I3)
    Given a contact "Ann"
    And the parentcustomerid_account of contact "Ann" is bound to account "Contoso"
    When I send PATCH "contacts({Ann})" with body:
      """
      {"parentcustomerid": null}
      """
    Then the request fails with 400
    And the error message contains "Invalid property 'parentcustomerid'"
    And the parentcustomerid_account of contact "Ann" is account "Contoso"

  @inferred
  Scenario: Writing a lookup property (_x_value) is refused: it is read-only (D8)
    Given an opportunity "Big deal"
    When I send PATCH "opportunities({Big deal})" with body:
      """
      {"_customerid_value": "{Contoso}"}
      """
    Then the request fails with 400
    And the customerid_account of opportunity "Big deal" is empty

  @inferred
  Scenario: Malformed JSON answers a Dataverse 400, not a server error
    When I send POST "accounts" with body:
      """
      {"name": "unterminated
      """
    Then the request fails with 400 and error code "0x0"

  @inferred
  Scenario: A value of the wrong type answers 400
    When I send POST "accounts" with body:
      """
      {"name": 42}
      """
    Then the request fails with 400 and error code "0x0"

  @inferred
  Scenario: E17 - activity parties cannot be created on their own (I15)
    When I send POST "activityparties" with body:
      """
      {"participationtypemask": 2}
      """
    Then the request fails with 400
    And the error message contains "The 'Create' method does not support entities of type 'activityparty'."
