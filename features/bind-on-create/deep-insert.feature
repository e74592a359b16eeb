Feature: Create related rows in one operation (deep insert)
  Nested objects create related rows at any depth; the answer is 204 with the OData-EntityId of the root only
  ("The URIs for the related entities created aren't returned"). Deep insert is atomic: "either the entire
  operation succeeds and all the related objects are created, or the operation fails and none are created" (D3, D10).

  Scenario: D3's deep insert creates the account, its primary contact, an opportunity and its task
    When an account "Sample Account" is created by deep insert with:
      | path                                            | table       | name                                     |
      | primarycontactid                                | contact     | John Smith                               |
      | opportunity_customer_accounts                   | opportunity | Opportunity associated to Sample Account |
      | opportunity_customer_accounts/Opportunity_Tasks | task        | Task associated to opportunity           |
    Then the request succeeds with 204 No Content
    And the primarycontactid of account "Sample Account" is contact "John Smith"
    And the opportunity_customer_accounts of account "Sample Account" contain opportunity "Opportunity associated to Sample Account"
    And the Opportunity_Tasks of opportunity "Opportunity associated to Sample Account" contain task "Task associated to opportunity"

  Scenario: The raw D3 body answers 204 with only the root's OData-EntityId
    When I send POST "accounts" with body:
      """
      {
        "name": "Sample Account",
        "primarycontactid": {"firstname": "John", "lastname": "Smith"},
        "opportunity_customer_accounts": [
          {"name": "Opportunity associated to Sample Account",
           "Opportunity_Tasks": [{"subject": "Task associated to opportunity"}]}
        ]
      }
      """
    Then the response status is 204
    And the response body is empty
    And the created row is called "Sample Account"
    And the response header "OData-EntityId" ends with "/accounts({Sample Account})"
    And the primarycontactid of account "Sample Account" is known as "John Smith"
    And the opportunity_customer_accounts of account "Sample Account" hold 1 row

  Scenario: A failure anywhere in a deep insert creates nothing
    Given an account "Witness"
    When I send POST "accounts" with body:
      """
      {
        "name": "Half written",
        "opportunity_customer_accounts": [
          {"name": "Fine"},
          {"name": "Broken", "Opportunity_Tasks": [{"subjekt": "typo"}]}
        ]
      }
      """
    Then the request fails with 400 and error code "0x0"
    And the error message contains "Invalid property 'subjekt'"
    When I send GET "accounts?$select=name&$filter=name eq 'Half written'"
    Then the response JSON "value" has 0 items
    When I send GET "opportunities?$select=name&$filter=name eq 'Broken'"
    Then the response JSON "value" has 0 items

  Scenario: A deep insert whose nested row binds to a missing row creates nothing
    When I send POST "accounts" with body:
      """
      {
        "name": "Half bound",
        "opportunity_customer_accounts": [
          {"name": "Orphan", "parentaccountid@odata.bind": "/accounts({missing})"}
        ]
      }
      """
    Then the request fails with 404 and error code "0x80040217"
    When I send GET "accounts?$select=name&$filter=name eq 'Half bound'"
    Then the response JSON "value" has 0 items

  Scenario: Nested rows may bind to existing rows (activity parties on a new email)
    Given a contact "Ann"
    And a systemuser "Dana"
    When I send POST "emails" with body:
      """
      {
        "subject": "Quarterly review",
        "email_activity_parties": [
          {"partyid_systemuser@odata.bind": "/systemusers({Dana})", "participationtypemask": 1},
          {"partyid_contact@odata.bind": "/contacts({Ann})", "participationtypemask": 2}
        ]
      }
      """
    Then the response status is 204
    And the created row is called "Quarterly review"
    And the parties of email "Quarterly review" are:
      | participation | party              |
      | sender        | systemuser "Dana"  |
      | to            | contact "Ann"      |

  Scenario: An email made with a sender and a TO keeps each party in its role (D13)
    Given a contact "Ann"
    And a systemuser "Dana"
    And an email "Kick-off" with parties:
      | participation | party             |
      | sender        | systemuser "Dana" |
      | to            | contact "Ann"     |
    Then the parties of email "Kick-off" are:
      | participation | party             |
      | sender        | systemuser "Dana" |
      | to            | contact "Ann"     |

  @inferred
  Scenario: An N:N navigation property accepts nested rows in a deep insert (I18)
    When an opportunity "Big deal" is created by deep insert with:
      | path                                | table      | name  |
      | opportunitycompetitors_association  | competitor | Rival |
    Then the request succeeds with 204 No Content
    And the opportunitycompetitors_association of opportunity "Big deal" contain competitor "Rival"
