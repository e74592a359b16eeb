Feature: Associate a row to a one-to-many collection with POST $ref
  Dataverse adds a row to a collection-valued navigation property with
  POST {parent}/{collectionNav}/$ref and {"@odata.id": "<row URL>"} (D1, D2).
  It answers 204 No Content, and the child's lookup then points to the parent.

  Background:
    Given an account "Contoso"
    And an opportunity "Big deal"

  Scenario: Associating an opportunity to an account answers 204 and sets the customer
    When opportunity "Big deal" is added to the opportunity_customer_accounts of account "Contoso"
    Then the request succeeds with 204 No Content
    And the opportunity_customer_accounts of account "Contoso" contain opportunity "Big deal"
    And the customerid_account of opportunity "Big deal" is account "Contoso"
