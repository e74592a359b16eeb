Feature: References to rows that do not exist, or are written wrongly, are refused
  A row that does not exist answers 404 "{logicalname} With Id = {guid} Does Not Exist" (0x80040217, D9, D15).
  GUIDs "must be clean – this means no enclosing curled braces" (B1). Nothing changes when a request is refused.

  Background:
    Given an account "Contoso"
    And an opportunity "Big deal"

  Scenario: E5 - associating to an account that does not exist answers 404
    When I send POST "accounts({missing})/opportunity_customer_accounts/$ref" with body:
      """
      {"@odata.id":"{root}/opportunities({Big deal})"}
      """
    Then the request fails with 404, error code "0x80040217" and a message containing "account With Id = {missing} Does Not Exist"

  @inferred
  Scenario: E5 - an @odata.id naming a row that does not exist answers 404 and changes nothing
    When I send POST "accounts({Contoso})/opportunity_customer_accounts/$ref" with body:
      """
      {"@odata.id":"{root}/opportunities({missing})"}
      """
    Then the request fails with 404 and error code "0x80040217"
    And the opportunity_customer_accounts of account "Contoso" are empty

  @inferred
  Scenario: E6 - an alternate key that matches no row answers 404 0x80060891
    When I send PUT "opportunities({Big deal})/customerid_account/$ref" with body:
      """
      {"@odata.id":"{root}/accounts(accountnumber='NO-SUCH')"}
      """
    Then the request fails with 404 and error code "0x80060891"

  Scenario: A named primary key addresses the row like a bare GUID (D12)
    When I send PUT "opportunities(opportunityid={Big deal})/customerid_account/$ref" with body:
      """
      {"@odata.id":"{root}/accounts(accountid={Contoso})"}
      """
    Then the response status is 204
    And the customerid_account of opportunity "Big deal" is account "Contoso"

  @inferred
  Scenario: E7 - key names that match no declared key answer 400
    When I send GET "accounts(name='Contoso')"
    Then the request fails with 400
    And the error message contains "The key in the request URI is not valid for resource 'Microsoft.Dynamics.CRM.account'"

  @inferred
  Scenario: A GUID in braces is refused
    When I send GET "accounts({{Contoso}})"
    Then the request fails with 400

  @inferred
  Scenario: A $ref body without @odata.id is refused
    When I send POST "accounts({Contoso})/opportunity_customer_accounts/$ref" with body:
      """
      {"@odata.bind":"{root}/opportunities({Big deal})"}
      """
    Then the request fails with 400 and error code "0x0"
    And the opportunity_customer_accounts of account "Contoso" are empty

  @inferred
  Scenario: A target of the wrong table for the navigation property is refused
    Given a contact "Ann"
    When I send POST "accounts({Contoso})/opportunity_customer_accounts/$ref" with body:
      """
      {"@odata.id":"{root}/contacts({Ann})"}
      """
    Then the request fails with 400
    And the opportunity_customer_accounts of account "Contoso" are empty

  @inferred
  Scenario: E18 - an @odata.id outside any service root is refused
    When I send POST "accounts({Contoso})/opportunity_customer_accounts/$ref" with body:
      """
      {"@odata.id":"https://elsewhere.example/opportunities({Big deal})"}
      """
    Then the request fails with 400
    And the error message contains "AbsoluteUri should contain ServiceRouteUri"

  Scenario: An @odata.id on another host, under /api/data/, is matched by its path
    When I send POST "accounts({Contoso})/opportunity_customer_accounts/$ref" with body:
      """
      {"@odata.id":"http://localhost:1/api/data/v9.2/opportunities({Big deal})"}
      """
    Then the response status is 204
    And the customerid_account of opportunity "Big deal" is account "Contoso"
