Feature: Disassociate a row from a collection with DELETE $ref
  "Use a DELETE request to remove a reference to a row." For a collection-valued navigation property,
  name the row with `?$id=<row URL>` or with a key segment; "Either way, a successful response has status 204." (D1, D18)

  Background:
    Given an account "Contoso"
    And an opportunity "Big deal"
    And opportunity "Big deal" is in the opportunity_customer_accounts of account "Contoso"

  Scenario: Removing an opportunity by $id answers 204 and clears its customer
    When opportunity "Big deal" is removed from the opportunity_customer_accounts of account "Contoso"
    Then the request succeeds with 204 No Content
    And the opportunity_customer_accounts of account "Contoso" do not contain opportunity "Big deal"
    And the customerid_account of opportunity "Big deal" is empty

  Scenario: Removing an opportunity by key segment answers 204 and clears its customer
    When opportunity "Big deal" is removed from the opportunity_customer_accounts of account "Contoso" by key
    Then the request succeeds with 204 No Content
    And the customerid_account of opportunity "Big deal" is empty

  Scenario: A percent-encoded $id names the same row
    When opportunity "Big deal" is removed from the opportunity_customer_accounts of account "Contoso" by percent-encoded $id
    Then the request succeeds with 204 No Content
    And the customerid_account of opportunity "Big deal" is empty

  @seed-v9.0
  Scenario: The v9.0 $id request of the 2021 documentation answers 204 No Content
    When I send DELETE "/api/data/v9.0/accounts({Contoso})/opportunity_customer_accounts/$ref?$id={host}/api/data/v9.0/opportunities({Big deal})"
    Then the response status is 204
    And the response header "OData-Version" is "4.0"
    And the response body is empty
    And the customerid_account of opportunity "Big deal" is empty

  @seed-v9.0
  Scenario: The v9.0 key-segment request of the 2021 documentation answers 204 No Content
    When I send DELETE "/api/data/v9.0/accounts({Contoso})/opportunity_customer_accounts({Big deal})/$ref"
    Then the response status is 204
    And the response header "OData-Version" is "4.0"
    And the customerid_account of opportunity "Big deal" is empty

  @seed-v8.2
  Scenario: The v8.2 $id request of the CRM 2016 documentation answers 204 No Content
    When I send DELETE "/api/data/v8.2/accounts({Contoso})/opportunity_customer_accounts/$ref?$id={host}/api/data/v8.2/opportunities({Big deal})"
    Then the response status is 204
    And the response header "OData-Version" is "4.0"
    And the customerid_account of opportunity "Big deal" is empty

  @seed-v8.2
  Scenario: The v8.2 key-segment request of the CRM 2016 documentation answers 204 No Content
    When I send DELETE "/api/data/v8.2/accounts({Contoso})/opportunity_customer_accounts({Big deal})/$ref"
    Then the response status is 204
    And the response body is empty
    And the customerid_account of opportunity "Big deal" is empty

  Scenario: An $id under another API version names the same row (D10 step 8)
    When I send DELETE "accounts({Contoso})/opportunity_customer_accounts/$ref?$id={host}/api/data/v8.1/opportunities({Big deal})"
    Then the response status is 204
    And the customerid_account of opportunity "Big deal" is empty

  Scenario: Removing one row leaves the other rows of the collection in place
    Given an opportunity "Small deal"
    And opportunity "Small deal" is in the opportunity_customer_accounts of account "Contoso"
    When opportunity "Big deal" is removed from the opportunity_customer_accounts of account "Contoso"
    Then the request succeeds with 204 No Content
    And the opportunity_customer_accounts of account "Contoso" contain opportunity "Small deal"
    And the opportunity_customer_accounts of account "Contoso" hold 1 row

  @inferred
  Scenario: Removing a row that is not related follows the disassociate-unrelated behaviour
    Given an opportunity "Stranger"
    When opportunity "Stranger" is removed from the opportunity_customer_accounts of account "Contoso"
    Then the response follows the "disassociate-unrelated" behaviour
    And the opportunity_customer_accounts of account "Contoso" contain opportunity "Big deal"

  @inferred @emulator-only
  Scenario: In the not-found mode, removing an unrelated row answers 404 and changes nothing
    Given the emulator behaviour "disassociate-unrelated" is "not-found"
    And an opportunity "Stranger"
    When opportunity "Stranger" is removed from the opportunity_customer_accounts of account "Contoso"
    Then the request fails with 404
    And the opportunity_customer_accounts of account "Contoso" contain opportunity "Big deal"

  @inferred
  Scenario: DELETE on a collection $ref with neither $id nor key follows the delete-ref-without-id behaviour
    When I send DELETE "accounts({Contoso})/opportunity_customer_accounts/$ref"
    Then the response follows the "delete-ref-without-id" behaviour
    And under "delete-ref-without-id" = "reject", the opportunity_customer_accounts of account "Contoso" contain opportunity "Big deal"
    And under "delete-ref-without-id" = "remove-all", the opportunity_customer_accounts of account "Contoso" are empty

  @inferred @emulator-only
  Scenario: In the remove-all mode (OData 4.01), DELETE without $id empties the collection
    Given the emulator behaviour "delete-ref-without-id" is "remove-all"
    When I send DELETE "accounts({Contoso})/opportunity_customer_accounts/$ref"
    Then the response status is 204
    And the opportunity_customer_accounts of account "Contoso" are empty
