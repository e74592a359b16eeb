Feature: Wrong names and wrong routes get Dataverse's errors
  Entity sets and navigation properties are case sensitive (D7, D16). Each error comes as
  {"error":{"code":"...","message":"..."}} with the status of the catalogue (src/site/markdown/sources.md, "The error catalogue").

  Background:
    Given an account "Contoso"
    And an opportunity "Big deal"

  @conflict
  Scenario: E1 - an unknown entity set (wrong case) answers 404 "Resource not found for the segment"
    When I send GET "Accounts({Contoso})"
    Then the response follows the "unknown-segment-code" behaviour
    And the error message contains "Resource not found for the segment 'Accounts'."

  Scenario: E1 - a misspelt navigation property answers 404 "Resource not found for the segment"
    When I send GET "accounts({Contoso})/opportunity_customer_acounts"
    Then the request fails with 404
    And the error message contains "Resource not found for the segment 'opportunity_customer_acounts'."

  Scenario: E2 - a misspelt navigation property before $ref answers 400 and changes nothing
    When I send POST "accounts({Contoso})/opportunity_customer_acounts/$ref" with body:
      """
      {"@odata.id":"{root}/opportunities({Big deal})"}
      """
    Then the request fails with 400 and error code "0x8006088a"
    And the error message contains "invalid after the segment 'opportunity_customer_acounts'"
    And the opportunity_customer_accounts of account "Contoso" are empty

  Scenario: E2 - a lookup column name before $ref answers 400 "$ref is invalid after the segment"
    Given a contact "Ann"
    When I send PUT "contacts({Ann})/parentcustomerid/$ref" with body:
      """
      {"@odata.id":"{root}/accounts({Contoso})"}
      """
    Then the request fails with 400, error code "0x8006088a" and a message containing "The URI segment '$ref' is invalid after the segment 'parentcustomerid'."

  Scenario: E2 - an intersect entity name is not a navigation property (I7)
    Given a competitor "Rival"
    When I send POST "opportunities({Big deal})/opportunitycompetitors/$ref" with body:
      """
      {"@odata.id":"{root}/competitors({Rival})"}
      """
    Then the request fails with 400 and error code "0x8006088a"

  Scenario: E3 - an unknown property in $select answers 400 "Could not find a property"
    When I send GET "accounts({Contoso})?$select=nmae"
    Then the request fails with 400, error code "0x0" and a message containing "Could not find a property named 'nmae' on type 'Microsoft.Dynamics.CRM.account'."

  @inferred
  Scenario: E4 - a method the route does not have answers 404 "No HTTP resource was found"
    When I send POST "accounts({Contoso})" with body:
      """
      {"name": "x"}
      """
    Then the request fails with 404
    And the error message contains "No HTTP resource was found that matches the request URI"

  @inferred
  Scenario: E20 - POST on a single-valued $ref is not supported
    When I send POST "opportunities({Big deal})/customerid_account/$ref" with body:
      """
      {"@odata.id":"{root}/accounts({Contoso})"}
      """
    Then the request fails with 405
    And the customerid_account of opportunity "Big deal" is empty

  @inferred
  Scenario: E20 - PUT on a collection-valued $ref is not supported
    When I send PUT "accounts({Contoso})/opportunity_customer_accounts/$ref" with body:
      """
      {"@odata.id":"{root}/opportunities({Big deal})"}
      """
    Then the request fails with 405
    And the opportunity_customer_accounts of account "Contoso" are empty

  Scenario Outline: Every supported API version answers with the same semantics (<version>)
    When I send POST "/api/data/<version>/accounts({Contoso})/opportunity_customer_accounts/$ref" with body:
      """
      {"@odata.id":"{host}/api/data/<version>/opportunities({Big deal})"}
      """
    Then the response status is 204
    And the customerid_account of opportunity "Big deal" is account "Contoso"

    Examples:
      | version |
      | v8.0    |
      | v8.1    |
      | v8.2    |
      | v9.0    |
      | v9.1    |
      | v9.2    |
