Feature: Clear a single-valued navigation property with DELETE $ref
  "For a single-valued navigation property, remove the $id query string parameter." (D1, D18)

  Background:
    Given an account "Contoso"
    And an opportunity "Big deal"
    And the customerid_account of opportunity "Big deal" is bound to account "Contoso"

  Scenario: Clearing the customer answers 204 and empties the lookup
    When the customerid_account of opportunity "Big deal" is removed
    Then the request succeeds with 204 No Content
    And the customerid_account of opportunity "Big deal" is empty
    And the opportunity_customer_accounts of account "Contoso" are empty

  @seed-v9.0
  Scenario: The v9.0 request of the 2021 documentation answers 204 No Content
    When I send DELETE "/api/data/v9.0/opportunities({Big deal})/customerid_account/$ref"
    Then the response status is 204
    And the response header "OData-Version" is "4.0"
    And the response body is empty
    And the customerid_account of opportunity "Big deal" is empty

  @seed-v8.2
  Scenario: The v8.2 request of the CRM 2016 documentation answers 204 No Content
    When I send DELETE "/api/data/v8.2/opportunities({Big deal})/customerid_account/$ref"
    Then the response status is 204
    And the response header "OData-Version" is "4.0"
    And the customerid_account of opportunity "Big deal" is empty

  Scenario: Clearing a lookup that is already empty still answers 204
    When the parentaccountid of opportunity "Big deal" is removed
    Then the request succeeds with 204 No Content
    And the customerid_account of opportunity "Big deal" is account "Contoso"

  Scenario: Clearing one lookup leaves the others of the row in place
    Given the parentaccountid of opportunity "Big deal" is bound to account "Contoso"
    When the customerid_account of opportunity "Big deal" is removed
    Then the request succeeds with 204 No Content
    And the parentaccountid of opportunity "Big deal" is account "Contoso"

  Scenario: $id is refused on a single-valued $ref
    When I send DELETE "opportunities({Big deal})/customerid_account/$ref?$id={root}/accounts({Contoso})"
    Then the request fails with 400
    And the customerid_account of opportunity "Big deal" is account "Contoso"

  Scenario: DELETE on the navigation property without /$ref never deletes the related row
    When I send DELETE "opportunities({Big deal})/customerid_account"
    Then the request fails with 405
    And account "Contoso" still exists
    And the customerid_account of opportunity "Big deal" is account "Contoso"
