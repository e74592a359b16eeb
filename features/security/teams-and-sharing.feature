Feature: Rows owned by a team, and rows shared with a user
  A member of an owner team reaches the team's rows with the team's roles (S4, S8); a share opens one row for the
  rights it carries, and never stands in for a missing privilege (S5, S11).
  On a live org the business units and users are the org's own, named in dataverse.existing-rows (each user holding
  no role of their own); the roles and teams are the run's, given to those users and deleted at cleanup. A scenario
  whose units or users are not named is skipped with the line to add.

  Background:
    Given a businessunit "Sales" under the root business unit
    And a role "Salesperson" in businessunit "Sales" granting:
      | privilege            | depth  |
      | prvReadOpportunity   | Global |
      | prvWriteOpportunity  | Global |
      | prvAppendOpportunity | Global |
    And an account "Contoso"
    And an opportunity "Big deal"

  Scenario: A member of the owning team appends to the team's row
    Given a role "Key account reader" in businessunit "Sales" granting:
      | privilege          | depth |
      | prvReadAccount     | Basic |
      | prvAppendToAccount | Basic |
    And a team "Key accounts" in businessunit "Sales" with role "Key account reader"
    And a systemuser "Dana" in businessunit "Sales" with role "Salesperson"
    And Dana is a member of team "Key accounts"
    And account "Contoso" is owned by team "Key accounts"
    When as Dana, opportunity "Big deal" is added to the opportunity_customer_accounts of account "Contoso"
    Then the request succeeds with 204 No Content
    And Dana has AppendTo access to account "Contoso"

  Scenario: A user outside the owning team is denied the team's row
    Given a role "Key account reader" in businessunit "Sales" granting:
      | privilege          | depth |
      | prvReadAccount     | Basic |
      | prvAppendToAccount | Basic |
    And a team "Key accounts" in businessunit "Sales" with role "Key account reader"
    And role "Salesperson" also grants prvReadAccount at Basic depth
    And role "Salesperson" also grants prvAppendToAccount at Basic depth
    And a systemuser "Dana" in businessunit "Sales" with role "Salesperson"
    And account "Contoso" is owned by team "Key accounts"
    When as Dana, opportunity "Big deal" is added to the opportunity_customer_accounts of account "Contoso"
    Then the request is denied: Dana has no access to account "Contoso"

  Scenario: A row shared for AppendTo can be appended to
    Given role "Salesperson" also grants prvReadAccount at Basic depth
    And role "Salesperson" also grants prvAppendToAccount at Basic depth
    And a systemuser "Dana" in businessunit "Sales" with role "Salesperson"
    And account "Contoso" is shared with systemuser "Dana" for Read and AppendTo
    When as Dana, opportunity "Big deal" is added to the opportunity_customer_accounts of account "Contoso"
    Then the request succeeds with 204 No Content
    And Dana has Read and AppendTo access to account "Contoso"

  Scenario: A share does not stand in for a missing privilege
    Given role "Salesperson" also grants prvReadAccount at Basic depth
    And a systemuser "Dana" in businessunit "Sales" with role "Salesperson"
    And account "Contoso" is shared with systemuser "Dana" for Read and AppendTo
    When as Dana, opportunity "Big deal" is added to the opportunity_customer_accounts of account "Contoso"
    Then the request is refused: Dana lacks prvAppendToAccount

  Scenario: A revoked share no longer opens the row
    Given role "Salesperson" also grants prvReadAccount at Basic depth
    And role "Salesperson" also grants prvAppendToAccount at Basic depth
    And a systemuser "Dana" in businessunit "Sales" with role "Salesperson"
    And account "Contoso" is shared with systemuser "Dana" for Read and AppendTo
    When account "Contoso" is no longer shared with systemuser "Dana"
    And as Dana, opportunity "Big deal" is added to the opportunity_customer_accounts of account "Contoso"
    Then the request is denied: Dana has no access to account "Contoso"
    And Dana has no access at all to account "Contoso"

  Scenario: Revoking a share of Read alone leaves the user no access to the row
    Given role "Salesperson" also grants prvReadAccount at Basic depth
    And a systemuser "Dana" in businessunit "Sales" with role "Salesperson"
    And account "Contoso" is shared with systemuser "Dana" for Read
    When account "Contoso" is no longer shared with systemuser "Dana"
    Then Dana has no access at all to account "Contoso"

  Scenario: A share changed to fewer rights keeps only those
    Given role "Salesperson" also grants prvReadAccount at Basic depth
    And role "Salesperson" also grants prvAppendToAccount at Basic depth
    And a systemuser "Dana" in businessunit "Sales" with role "Salesperson"
    And account "Contoso" is shared with systemuser "Dana" for Read and AppendTo
    When the share of account "Contoso" with systemuser "Dana" is changed to Read
    Then Dana has Read access to account "Contoso"
    And Dana has no AppendTo access to account "Contoso"
