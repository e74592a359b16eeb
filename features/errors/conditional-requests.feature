Feature: Conditional headers on PATCH: If-Match and If-None-Match (D4, D9)
  If-Match: * prevents an upsert: a missing row answers 404. An ETag that does not match answers 412.

  Background:
    Given an account "Contoso"
    And an opportunity "Big deal"

  Scenario: E5 - PATCH with If-Match: * on a missing row answers 404 and creates nothing
    Given the next request carries the header "If-Match" with value "*"
    When I send PATCH "opportunities({missing})" with body:
      """
      {"customerid_account@odata.bind": "/accounts({Contoso})"}
      """
    Then the request fails with 404 and error code "0x80040217"
    And the opportunity_customer_accounts of account "Contoso" are empty

  Scenario: E13 - PATCH with a stale ETag answers 412 and changes nothing
    Given the next request carries the header "If-Match" with value "W/\"1\""
    When I send PATCH "opportunities({Big deal})" with body:
      """
      {"customerid_account@odata.bind": "/accounts({Contoso})"}
      """
    Then the request fails with 412
    And the error message contains "The version of the existing record doesn't match the RowVersion property provided."
    And the customerid_account of opportunity "Big deal" is empty

  Scenario: E13 - DELETE with a stale ETag answers 412 and deletes nothing (D9)
    Given the next request carries the header "If-Match" with value "W/\"1\""
    When I send DELETE "opportunities({Big deal})"
    Then the request fails with 412
    And opportunity "Big deal" still exists

  Scenario: E14 - PATCH with If-None-Match: * on an existing row answers 412
    Given the next request carries the header "If-None-Match" with value "*"
    When I send PATCH "opportunities({Big deal})" with body:
      """
      {"customerid_account@odata.bind": "/accounts({Contoso})"}
      """
    Then the request fails with 412
    And the error message contains "A record with matching key values already exists."
    And the customerid_account of opportunity "Big deal" is empty

  Scenario: E14 - If-None-Match: * keeps an existing row's columns as they were too
    Given the next request carries the header "If-None-Match" with value "*"
    When I send PATCH "accounts({Contoso})" with body:
      """
      {"name": "Renamed"}
      """
    Then the request fails with 412
    When I send GET "accounts({Contoso})?$select=name"
    Then the response JSON "name" is "{name:Contoso}"
