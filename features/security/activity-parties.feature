Feature: The privileges an activity's parties need, checked as a limited user
  Each party of an email points at a row (a contact, an account, a user): naming it as a party appends the email to
  that row, so the user needs AppendTo on it besides Create or Write on the email (S3; for parties the sources are
  silent, and the reading of the old "privileges by message" lists is taken). Emails are activities: their
  privileges are prvCreateActivity, prvWriteActivity and the like.
  On a live org the business units and users are the org's own, named in dataverse.existing-rows (each user holding
  no role of their own); the roles and teams are the run's, given to those users and deleted at cleanup. A scenario
  whose units or users are not named is skipped with the line to add.

  Background:
    Given a businessunit "Sales" under the root business unit
    And a contact "Ann"
    And a contact "Bob"

  Scenario: An email whose party the user may not append to is refused
    Given a role "Mailer" in businessunit "Sales" granting:
      | privilege            | depth  |
      | prvCreateActivity    | Global |
      | prvReadActivity      | Global |
      | prvWriteActivity     | Global |
      | prvAppendActivity    | Global |
      | prvAppendToActivity  | Global |
      | prvReadContact       | Global |
    And a systemuser "Dana" in businessunit "Sales" with role "Mailer"
    When as Dana, an email "Offer" is created with parties:
      | participation | party         |
      | to            | contact "Ann" |
    Then the request is refused: Dana lacks prvAppendToContact

  Scenario: With AppendTo on the party's row the email is created with its party
    Given a role "Mailer" in businessunit "Sales" granting:
      | privilege            | depth  |
      | prvCreateActivity    | Global |
      | prvReadActivity      | Global |
      | prvWriteActivity     | Global |
      | prvAppendActivity    | Global |
      | prvAppendToActivity  | Global |
      | prvReadContact       | Global |
      | prvAppendToContact   | Global |
    And a systemuser "Dana" in businessunit "Sales" with role "Mailer"
    When as Dana, an email "Offer" is created with parties:
      | participation | party         |
      | to            | contact "Ann" |
    Then the request succeeds with 204 No Content
    And the parties of email "Offer" include:
      | participation | party         |
      | to            | contact "Ann" |

  Scenario: Replacing the parties with one the user may not append to is refused, and the parties stay
    Given an email "Offer" with parties:
      | participation | party         |
      | to            | contact "Ann" |
    And a role "Mailer" in businessunit "Sales" granting:
      | privilege            | depth  |
      | prvReadActivity      | Global |
      | prvWriteActivity     | Global |
      | prvAppendActivity    | Global |
      | prvAppendToActivity  | Global |
      | prvReadContact       | Global |
    And a systemuser "Dana" in businessunit "Sales" with role "Mailer"
    When as Dana, the parties of email "Offer" are replaced with:
      | participation | party         |
      | to            | contact "Bob" |
    Then the request is refused: Dana lacks prvAppendToContact
    And the parties of email "Offer" include:
      | participation | party         |
      | to            | contact "Ann" |
