Feature: Associate a row to a one-to-many collection with POST $ref
  Dataverse adds a row to a collection-valued navigation property with
  `POST {parent}/{collectionNav}/$ref` and `{"@odata.id": "<row URL>"}` (D1, D2, D18).
  It answers 204 No Content with OData-Version 4.0, and the child's lookup then points to the parent.

  Background:
    Given an account "Contoso"
    And an opportunity "Big deal"

  Scenario: Associating an opportunity to an account answers 204 and sets the customer
    When opportunity "Big deal" is added to the opportunity_customer_accounts of account "Contoso"
    Then the request succeeds with 204 No Content
    And the opportunity_customer_accounts of account "Contoso" contain opportunity "Big deal"
    And the customerid_account of opportunity "Big deal" is account "Contoso"

  Scenario: An @odata.id with the GUID in upper case names the same row (O2)
    The key of a row is a GUID, and OData's URL syntax reads its hexadecimal digits in either case.
    When I send POST "accounts({Contoso})/opportunity_customer_accounts/$ref" with body:
      """
      {"@odata.id": "{root}/opportunities({upper:Big deal})"}
      """
    Then the response status is 204
    And the customerid_account of opportunity "Big deal" is account "Contoso"

  @seed-v9.0
  Scenario: The v9.0 request of the 2021 documentation answers 204 No Content with an empty body
    When I send POST "/api/data/v9.0/accounts({Contoso})/opportunity_customer_accounts/$ref" with body:
      """
      {"@odata.id":"{host}/api/data/v9.0/opportunities({Big deal})"}
      """
    Then the response status is 204
    And the response header "OData-Version" is "4.0"
    And the response body is empty
    And the customerid_account of opportunity "Big deal" is account "Contoso"

  @seed-v8.2
  Scenario: The v8.2 request of the CRM 2016 documentation answers 204 No Content with an empty body
    When I send POST "/api/data/v8.2/accounts({Contoso})/opportunity_customer_accounts/$ref" with body:
      """
      {"@odata.id":"{host}/api/data/v8.2/opportunities({Big deal})"}
      """
    Then the response status is 204
    And the response header "OData-Version" is "4.0"
    And the response body is empty
    And the opportunity_customer_accounts of account "Contoso" contain opportunity "Big deal"

  Scenario: Associating the same pair again still answers 204 and changes nothing
    Given opportunity "Big deal" is in the opportunity_customer_accounts of account "Contoso"
    When opportunity "Big deal" is added to the opportunity_customer_accounts of account "Contoso"
    Then the request succeeds with 204 No Content
    And the opportunity_customer_accounts of account "Contoso" hold 1 row

  @inferred
  Scenario: Associating a child that belongs to another parent moves it to the new parent
    Given an account "Fabrikam"
    And opportunity "Big deal" is in the opportunity_customer_accounts of account "Fabrikam"
    When opportunity "Big deal" is added to the opportunity_customer_accounts of account "Contoso"
    Then the request succeeds with 204 No Content
    And the customerid_account of opportunity "Big deal" is account "Contoso"
    And the opportunity_customer_accounts of account "Fabrikam" do not contain opportunity "Big deal"

  Scenario: Associating through the account side of a multi-table lookup clears the contact side
    Given a contact "Ann"
    And opportunity "Big deal" is in the opportunity_customer_contacts of contact "Ann"
    When opportunity "Big deal" is added to the opportunity_customer_accounts of account "Contoso"
    Then the request succeeds with 204 No Content
    And the customerid_account of opportunity "Big deal" is account "Contoso"
    And the customerid_contact of opportunity "Big deal" is empty
    And the opportunity_customer_contacts of contact "Ann" do not contain opportunity "Big deal"

  Scenario: A contact joins an account's contact_customer_accounts (D2's example)
    Given a contact "Peter Cambel"
    When contact "Peter Cambel" is added to the contact_customer_accounts of account "Contoso"
    Then the request succeeds with 204 No Content
    And the parentcustomerid_account of contact "Peter Cambel" is account "Contoso"

  Scenario: A task becomes regarding an account through Account_Tasks, a mixed-case navigation property
    Given a task "Call back"
    When task "Call back" is added to the Account_Tasks of account "Contoso"
    Then the request succeeds with 204 No Content
    And the Account_Tasks of account "Contoso" contain task "Call back"
    And the regardingobjectid_account_task of task "Call back" is account "Contoso"

  Scenario: A child account joins its parent's account_parent_account hierarchy
    Given an account "Contoso Europe"
    When account "Contoso Europe" is added to the account_parent_account of account "Contoso"
    Then the request succeeds with 204 No Content
    And the parentaccountid of account "Contoso Europe" is account "Contoso"
