Feature: How far a privilege reaches: Basic, Local, Deep, Global
  Dana, in business unit Sales, may append opportunities to accounts at one depth; the account's owner decides whether
  the depth reaches it (S1). Out of reach is 403 0x80048306, the privilege being held.
  On a live org the business units and users are the org's own, named in dataverse.existing-rows (each user holding
  no role of their own); the roles and teams are the run's, given to those users and deleted at cleanup. A scenario
  whose units or users are not named is skipped with the line to add.

  Background:
    Given a businessunit "Sales" under the root business unit
    And a businessunit "West" under businessunit "Sales"
    And a role "Everyone" in businessunit "Sales" granting:
      | privilege            | depth |
      | prvReadAccount       | Basic |
    And a systemuser "Avery" in businessunit "Sales" with role "Everyone"
    And a systemuser "Blake" in businessunit "West" with role "Everyone"
    And an account "Contoso"
    And an opportunity "Big deal"

  Scenario: Basic depth reaches the user's own row
    Given a role "Salesperson" in businessunit "Sales" granting:
      | privilege            | depth  |
      | prvReadOpportunity   | Global |
      | prvWriteOpportunity  | Global |
      | prvAppendOpportunity | Global |
      | prvReadAccount       | Basic  |
      | prvAppendToAccount   | Basic  |
    And a systemuser "Dana" in businessunit "Sales" with role "Salesperson"
    And account "Contoso" is owned by systemuser "Dana"
    When as Dana, opportunity "Big deal" is added to the opportunity_customer_accounts of account "Contoso"
    Then the request succeeds with 204 No Content

  Scenario: Basic depth does not reach a row of a colleague
    Given a role "Salesperson" in businessunit "Sales" granting:
      | privilege            | depth  |
      | prvReadOpportunity   | Global |
      | prvWriteOpportunity  | Global |
      | prvAppendOpportunity | Global |
      | prvReadAccount       | Basic  |
      | prvAppendToAccount   | Basic  |
    And a systemuser "Dana" in businessunit "Sales" with role "Salesperson"
    And account "Contoso" is owned by systemuser "Avery"
    When as Dana, opportunity "Big deal" is added to the opportunity_customer_accounts of account "Contoso"
    Then the request is denied: Dana has no access to account "Contoso"

  Scenario: Local depth reaches a row of the user's business unit
    Given a role "Salesperson" in businessunit "Sales" granting:
      | privilege            | depth  |
      | prvReadOpportunity   | Global |
      | prvWriteOpportunity  | Global |
      | prvAppendOpportunity | Global |
      | prvReadAccount       | Local  |
      | prvAppendToAccount   | Local  |
    And a systemuser "Dana" in businessunit "Sales" with role "Salesperson"
    And account "Contoso" is owned by systemuser "Avery"
    When as Dana, opportunity "Big deal" is added to the opportunity_customer_accounts of account "Contoso"
    Then the request succeeds with 204 No Content

  Scenario: Local depth does not reach a row of a unit beneath
    Given a role "Salesperson" in businessunit "Sales" granting:
      | privilege            | depth  |
      | prvReadOpportunity   | Global |
      | prvWriteOpportunity  | Global |
      | prvAppendOpportunity | Global |
      | prvReadAccount       | Local  |
      | prvAppendToAccount   | Local  |
    And a systemuser "Dana" in businessunit "Sales" with role "Salesperson"
    And account "Contoso" is owned by systemuser "Blake"
    When as Dana, opportunity "Big deal" is added to the opportunity_customer_accounts of account "Contoso"
    Then the request is denied: Dana has no access to account "Contoso"

  Scenario: Deep depth reaches a row of a unit beneath
    Given a role "Salesperson" in businessunit "Sales" granting:
      | privilege            | depth  |
      | prvReadOpportunity   | Global |
      | prvWriteOpportunity  | Global |
      | prvAppendOpportunity | Global |
      | prvReadAccount       | Deep   |
      | prvAppendToAccount   | Deep   |
    And a systemuser "Dana" in businessunit "Sales" with role "Salesperson"
    And account "Contoso" is owned by systemuser "Blake"
    When as Dana, opportunity "Big deal" is added to the opportunity_customer_accounts of account "Contoso"
    Then the request succeeds with 204 No Content

  Scenario: Deep depth does not reach a row of the unit above
    Given a role "Salesperson" in businessunit "West" granting:
      | privilege            | depth  |
      | prvReadOpportunity   | Global |
      | prvWriteOpportunity  | Global |
      | prvAppendOpportunity | Global |
      | prvReadAccount       | Deep   |
      | prvAppendToAccount   | Deep   |
    And a systemuser "Will" in businessunit "West" with role "Salesperson"
    And account "Contoso" is owned by systemuser "Avery"
    When as Will, opportunity "Big deal" is added to the opportunity_customer_accounts of account "Contoso"
    Then the request is denied: Will has no access to account "Contoso"

  Scenario: Global depth reaches every row
    Given a role "Salesperson" in businessunit "Sales" granting:
      | privilege            | depth  |
      | prvReadOpportunity   | Global |
      | prvWriteOpportunity  | Global |
      | prvAppendOpportunity | Global |
      | prvReadAccount       | Basic  |
    And role "Salesperson" also grants prvAppendToAccount at Global depth
    And role "Salesperson" also grants prvReadAccount at Global depth
    And a systemuser "Dana" in businessunit "Sales" with role "Salesperson"
    When as Dana, opportunity "Big deal" is added to the opportunity_customer_accounts of account "Contoso"
    Then the request succeeds with 204 No Content

  Scenario: The rights a depth gives, read with RetrievePrincipalAccess
    Given a role "Salesperson" in businessunit "Sales" granting prvAppendToAccount at Local depth
    And role "Salesperson" also grants prvReadAccount at Local depth
    And a systemuser "Dana" in businessunit "Sales" with role "Salesperson"
    And an account "Fabrikam"
    And account "Contoso" is owned by systemuser "Avery"
    Then Dana has Read and AppendTo access to account "Contoso"
    And Dana has no AppendTo access to account "Fabrikam"
