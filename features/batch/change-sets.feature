Feature: Associate, bind and rebind inside $batch change sets
  "Create these rows and link them, all or nothing": a change set's requests succeed or fail together, and a
  request can name a row an earlier request of the change set created by its Content-ID, $1 (D11, "Execute batch
  operations using the Web API"; OData 4.0 Protocol 11.7). The batch answers 200 with a multipart body, one
  response per request.

  Background:
    Given an account "Fabrikam"
    And an opportunity "Big deal"

  Scenario: One change set creates an account and a contact and links them every way, by Content-ID
    When a change set is sent:
      | request   | row                    | navigation                    | other row         |
      | create    | account "Contoso"      |                               |                   |
      | create    | contact "Ann"          |                               |                   |
      | rebind    | account "Contoso"      | primarycontactid              | contact "Ann"     |
      | bind      | contact "Ann"          | parentcustomerid_account      | account "Contoso" |
      | associate | opportunity "Big deal" | opportunity_customer_accounts | account "Contoso" |
    Then the batch succeeds
    And change set 1 of the batch is committed
    And request 1 of the batch succeeds with 204 No Content
    And request 3 of the batch succeeds with 204 No Content
    And the primarycontactid of account "Contoso" is contact "Ann"
    And the parentcustomerid_account of contact "Ann" is account "Contoso"
    And the customerid_account of opportunity "Big deal" is account "Contoso"

  Scenario: Many-to-many: a new competitor is associated to an existing deal in the change set that creates it
    When a change set is sent:
      | request   | row                    | navigation                         | other row              |
      | create    | competitor "Rival"     |                                    |                        |
      | associate | competitor "Rival"     | opportunitycompetitors_association | opportunity "Big deal" |
    Then the batch succeeds
    And the opportunitycompetitors_association of opportunity "Big deal" contain competitor "Rival"

  Scenario: Rebind and unbind in one change set
    Given a contact "Ann"
    And the customerid_account of opportunity "Big deal" is bound to account "Fabrikam"
    When a change set is sent:
      | request | row                    | navigation               | other row          |
      | rebind  | contact "Ann"          | parentcustomerid_account | account "Fabrikam" |
      | unbind  | opportunity "Big deal" | customerid_account       |                    |
    Then the batch succeeds
    And the parentcustomerid_account of contact "Ann" is account "Fabrikam"
    And the customerid_account of opportunity "Big deal" is empty

  Scenario: Disassociate (1:N and N:N) and clear a lookup in one change set
    Given a contact "Ann"
    And a competitor "Rival"
    And contact "Ann" is in the contact_customer_accounts of account "Fabrikam"
    And competitor "Rival" is in the opportunitycompetitors_association of opportunity "Big deal"
    And the customerid_account of opportunity "Big deal" is bound to account "Fabrikam"
    When a change set is sent:
      | request      | row                    | navigation                         | other row              |
      | disassociate | contact "Ann"          | contact_customer_accounts          | account "Fabrikam"     |
      | disassociate | competitor "Rival"     | opportunitycompetitors_association | opportunity "Big deal" |
      | clear        | opportunity "Big deal" | customerid_account                 |                        |
    Then the batch succeeds
    And the contact_customer_accounts of account "Fabrikam" is empty
    And the opportunitycompetitors_association of opportunity "Big deal" is empty
    And the customerid_account of opportunity "Big deal" is empty

  Scenario: A change set with a failing request is rolled back, and reading back shows nothing of it
    When a change set is sent:
      | request | row               | navigation       | other row           |
      | create  | account "Contoso" |                  |                     |
      | rebind  | account "Contoso" | primarycontactid | contact "{missing}" |
    Then the batch answers 404
    And change set 1 of the batch is rolled back
    And request 2 of the batch fails with 404 and error code "0x80040217"
    When I send GET "accounts?$select=name&$filter=name eq '{name:Contoso}'"
    Then the response JSON "value" has 0 items

  Scenario: Without continue-on-error the batch stops at the failed change set; with it, later change sets still run
    When a batch is sent with the change sets:
      | change set | request | row                | navigation       | other row           |
      | 1          | rebind  | account "Fabrikam" | primarycontactid | contact "{missing}" |
      | 2          | create  | account "Later"    |                  |                     |
    Then the batch answers 404
    When I send GET "accounts?$select=name&$filter=name eq '{name:Later}'"
    Then the response JSON "value" has 0 items
    When a batch is sent with the change sets, continuing on error:
      | change set | request | row                | navigation       | other row           |
      | 1          | rebind  | account "Fabrikam" | primarycontactid | contact "{missing}" |
      | 2          | create  | account "Later"    |                  |                     |
    Then the batch answers 200
    And change set 1 of the batch is rolled back
    And change set 2 of the batch is committed
    And account "Later" still exists

  Scenario: With continue-on-error, the change sets on both sides of a failed one are committed (D11)
    When a batch is sent with the change sets, continuing on error:
      | change set | request | row                | navigation       | other row           |
      | 1          | create  | account "Early"    |                  |                     |
      | 2          | rebind  | account "Fabrikam" | primarycontactid | contact "{missing}" |
      | 3          | create  | account "Late"     |                  |                     |
    Then the batch answers 200
    And change set 1 of the batch is committed
    And change set 2 of the batch is rolled back
    And change set 3 of the batch is committed
    And account "Late" still exists
