Feature: Acting on behalf of another user
  MSCRMCallerID sends a request on behalf of a user; the caller needs prvActOnBehalfOfAnotherUser in a role of
  their own, else 403 0x8004A110 (S7). A refused request inside a change set rolls the change set back (D11).
  On a live org the business units and users are the org's own, named in dataverse.existing-rows (each user holding
  no role of their own); the roles and teams are the run's, given to those users and deleted at cleanup. A scenario
  whose units or users are not named is skipped with the line to add.

  Background:
    Given a businessunit "Sales" under the root business unit
    And a role "Salesperson" in businessunit "Sales" granting:
      | privilege            | depth  |
      | prvCreateOpportunity | Global |
      | prvReadOpportunity   | Global |
      | prvWriteOpportunity  | Global |
      | prvAppendOpportunity | Global |
      | prvReadAccount       | Global |
    And a systemuser "Dana" in businessunit "Sales" with role "Salesperson"

  Scenario: The session's caller acts as Dana
    When WhoAmI is asked as Dana
    Then the response status is 200
    And the response JSON "UserId" is "{Dana}"

  @emulator-only
  Scenario: A user without prvActOnBehalfOfAnotherUser may not act as another
    Signing in as Carl needs a token of Carl's own, which only the emulator makes up for a test.
    Given a systemuser "Carl" in businessunit "Sales" without roles
    When signed in as Carl, WhoAmI is asked as Dana
    Then the request is refused: Carl may not act on behalf of another user

  @emulator-only
  Scenario: A user with the Delegate role acts as another
    Signing in as Carl needs a token of Carl's own, which only the emulator makes up for a test.
    Given a role "Delegate" in businessunit "Sales" granting prvActOnBehalfOfAnotherUser at Global depth
    And a systemuser "Carl" in businessunit "Sales" with role "Delegate"
    When signed in as Carl, WhoAmI is asked as Dana
    Then the response status is 200
    And the response JSON "UserId" is "{Dana}"

  Scenario: A refused request inside a change set rolls the change set back
    Given an account "Contoso"
    When as Dana, a change set is sent:
      | request | row                  | navigation         | other row         |
      | create  | opportunity "First"  |                    |                   |
      | create  | opportunity "Second" |                    |                   |
      | bind    | opportunity "Second" | customerid_account | account "Contoso" |
    Then change set 1 of the batch is rolled back
    And request 3 of the batch is refused: Dana lacks prvAppendToAccount
