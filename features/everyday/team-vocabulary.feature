Feature: The everyday relationship work of a team, in its own words
  Steps a team needs beyond the operation-by-operation scenarios: a PATCH written as a table, an activity created
  with its parties, a column checked after a write, headers for a raw request, and a navigation property sent
  unchecked so that the server's refusal can be tested (D1, D3, D4, D13).

  Background:
    Given an account "Contoso"
    And an account "Fabrikam"
    And a contact "Ann"
    And a contact "Bob"

  Scenario: One PATCH binds, unbinds and sets columns, written as a table
    Given the parentcustomerid_account of contact "Bob" is bound to account "Fabrikam"
    When contact "Ann" is updated with:
      | property                 | value             |
      | parentcustomerid_account | account "Contoso" |
      | jobtitle                 | Buyer             |
    Then the request succeeds with 204 No Content
    And the parentcustomerid_account of contact "Ann" is account "Contoso"
    And the jobtitle of contact "Ann" is "Buyer"
    When contact "Bob" is updated with:
      | property                 | value |
      | parentcustomerid_account | null  |
      | jobtitle                 | null  |
    Then the request succeeds with 204 No Content
    And the parentcustomerid_account of contact "Bob" is empty
    And the jobtitle of contact "Bob" is null

  Scenario: An email is created with its parties, and the parties include the ones a scenario cares about
    When an email "Offer" is created with parties:
      | participation | party         |
      | to            | contact "Ann" |
      | cc            | contact "Bob" |
    Then the request succeeds with 204 No Content
    And the parties of email "Offer" include:
      | participation | party         |
      | to            | contact "Ann" |
    And the parties of email "Offer" are:
      | participation | party         |
      | to            | contact "Ann" |
      | cc            | contact "Bob" |

  Scenario: A Given email with its parties
    Given an email "Quarterly review" with parties:
      | participation | party         |
      | to            | contact "Bob" |
    Then the parties of email "Quarterly review" include:
      | participation | party         |
      | to            | contact "Bob" |

  Scenario: Headers for the next raw request, written as a table
    Given the next request carries the headers:
      | Prefer   | return=representation |
      | If-Match | *                     |
    When I send PATCH "accounts({Contoso})?$select=name" with body:
      """
      {"name": "{name:Contoso} Ltd"}
      """
    Then the response status is 200
    And the response JSON "name" ends with "Contoso Ltd"

  Scenario: A misspelt navigation property reaches the server on purpose, and the server refuses it
    When contact "Ann" is added to the unchecked navigation property "contact_customer_acounts" of account "Contoso"
    Then the request fails with 400 and error code "0x8006088a"
    And the contact_customer_accounts of account "Contoso" are empty

  @seed-v8.2
  Scenario: The 2016 document's requests in v8.2 paths, without writing them by hand
    Given the API version is v8.2
    When an account "Northwind" is created
    Then the request succeeds with 204 No Content
    And the response header "OData-EntityId" is "{host}/api/data/v8.2/accounts({Northwind})"
    When contact "Ann" is added to the contact_customer_accounts of account "Northwind"
    Then the request succeeds with 204 No Content
    And the parentcustomerid_account of contact "Ann" is account "Northwind"

  Scenario: Deep insert with column values and binds on the nested rows
    When an account "Parent" is created by deep insert with:
      | path                          | table       | name     | jobtitle | parentaccountid    |
      | contact_customer_accounts     | contact     | Dana     | Buyer    |                    |
      | opportunity_customer_accounts | opportunity | Big deal |          | account "Fabrikam" |
    Then the request succeeds with 204 No Content
    And the jobtitle of contact "Dana" is "Buyer"
    And the parentcustomerid_account of contact "Dana" is account "Parent"
    And the parentaccountid of opportunity "Big deal" is account "Fabrikam"
    And the customerid_account of opportunity "Big deal" is account "Parent"
