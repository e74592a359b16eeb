Feature: The privileges a relationship write needs, checked as a limited user
  Adding an opportunity to an account's opportunity_customer_accounts needs Write and Append on the opportunity and
  AppendTo on the account (S3); the answer is 403 0x80040220 naming the first privilege missing (S6). The session's
  own caller, a System Administrator, acts as Dana (MSCRMCallerID).
  On a live org the business units and users are the org's own, named in dataverse.existing-rows (each user holding
  no role of their own); the roles and teams are the run's, given to those users and deleted at cleanup. A scenario
  whose units or users are not named is skipped with the line to add.

  Background:
    Given a businessunit "Sales" under the root business unit
    And an account "Contoso"
    And an opportunity "Big deal"

  Scenario: Associate without AppendTo on the parent is refused
    Given a role "Salesperson" in businessunit "Sales" granting:
      | privilege            | depth  |
      | prvReadOpportunity   | Global |
      | prvWriteOpportunity  | Global |
      | prvAppendOpportunity | Global |
      | prvReadAccount       | Global |
    And a systemuser "Dana" in businessunit "Sales" with role "Salesperson"
    When as Dana, opportunity "Big deal" is added to the opportunity_customer_accounts of account "Contoso"
    Then the request is refused: Dana lacks prvAppendToAccount
    And the opportunity_customer_accounts of account "Contoso" are empty

  Scenario: Associate without Append on the child is refused
    Given a role "Salesperson" in businessunit "Sales" granting:
      | privilege            | depth  |
      | prvReadOpportunity   | Global |
      | prvWriteOpportunity  | Global |
      | prvReadAccount       | Global |
      | prvAppendToAccount   | Global |
    And a systemuser "Dana" in businessunit "Sales" with role "Salesperson"
    When as Dana, opportunity "Big deal" is added to the opportunity_customer_accounts of account "Contoso"
    Then the request is refused: Dana lacks prvAppendOpportunity

  Scenario: Associate without Write on the child is refused
    Given a role "Salesperson" in businessunit "Sales" granting:
      | privilege            | depth  |
      | prvReadOpportunity   | Global |
      | prvAppendOpportunity | Global |
      | prvReadAccount       | Global |
      | prvAppendToAccount   | Global |
    And a systemuser "Dana" in businessunit "Sales" with role "Salesperson"
    When as Dana, opportunity "Big deal" is added to the opportunity_customer_accounts of account "Contoso"
    Then the request is refused: Dana lacks prvWriteOpportunity

  Scenario: Associate with Write, Append and AppendTo succeeds
    Given a role "Salesperson" in businessunit "Sales" granting:
      | privilege            | depth  |
      | prvReadOpportunity   | Global |
      | prvWriteOpportunity  | Global |
      | prvAppendOpportunity | Global |
      | prvReadAccount       | Global |
      | prvAppendToAccount   | Global |
    And a systemuser "Dana" in businessunit "Sales" with role "Salesperson"
    When as Dana, opportunity "Big deal" is added to the opportunity_customer_accounts of account "Contoso"
    Then the request succeeds with 204 No Content
    And the opportunity_customer_accounts of account "Contoso" contain opportunity "Big deal"

  Scenario: Rebind without AppendTo on the row it points at is refused
    Given a role "Salesperson" in businessunit "Sales" granting:
      | privilege            | depth  |
      | prvReadOpportunity   | Global |
      | prvWriteOpportunity  | Global |
      | prvAppendOpportunity | Global |
      | prvReadAccount       | Global |
    And a systemuser "Dana" in businessunit "Sales" with role "Salesperson"
    When as Dana, the customerid_account of opportunity "Big deal" is set to account "Contoso"
    Then the request is refused: Dana lacks prvAppendToAccount
    And the customerid_account of opportunity "Big deal" is empty

  Scenario: Rebind without Append on the row holding the lookup is refused
    Given a role "Salesperson" in businessunit "Sales" granting:
      | privilege           | depth  |
      | prvReadOpportunity  | Global |
      | prvWriteOpportunity | Global |
      | prvReadAccount      | Global |
      | prvAppendToAccount  | Global |
    And a systemuser "Dana" in businessunit "Sales" with role "Salesperson"
    When as Dana, the customerid_account of opportunity "Big deal" is set to account "Contoso"
    Then the request is refused: Dana lacks prvAppendOpportunity

  Scenario: Disassociate without Write on the child is refused
    Given opportunity "Big deal" is in the opportunity_customer_accounts of account "Contoso"
    And a role "Salesperson" in businessunit "Sales" granting:
      | privilege            | depth  |
      | prvReadOpportunity   | Global |
      | prvAppendOpportunity | Global |
      | prvReadAccount       | Global |
      | prvAppendToAccount   | Global |
    And a systemuser "Dana" in businessunit "Sales" with role "Salesperson"
    When as Dana, opportunity "Big deal" is removed from the opportunity_customer_accounts of account "Contoso"
    Then the request is refused: Dana lacks prvWriteOpportunity
    And the opportunity_customer_accounts of account "Contoso" contain opportunity "Big deal"

  Scenario: Create bound to a row without AppendTo on it is refused
    Given a role "Salesperson" in businessunit "Sales" granting:
      | privilege             | depth  |
      | prvCreateOpportunity  | Global |
      | prvReadOpportunity    | Global |
      | prvAppendOpportunity  | Global |
      | prvReadAccount        | Global |
    And a systemuser "Dana" in businessunit "Sales" with role "Salesperson"
    When as Dana, an opportunity "Small deal" is created with its customerid_account bound to account "Contoso"
    Then the request is refused: Dana lacks prvAppendToAccount
