@documented-withdrawn
Feature: Replace an email's activity parties with PUT email_activity_parties
  D1 (2021) documents PUT emails({id})/email_activity_parties with {"value": [...]}, answering 204:
  "Associating multiple tables with a table on update is a special scenario that is possible only with
  activityparty EntityType." D2 (2022) withdrew the example ("doesn't work") and I2 saw a 400. Its outcome
  is therefore the [CONFLICT] behaviour "activity-party-put".

  Background:
    Given a contact "Ann"
    And a contact "Bob"
    And a systemuser "Dana"
    And an email "Quarterly review"

  @seed-v9.0 @conflict
  Scenario: The 2021 request replaces the parties with a CC and a TO contact
    When I send PUT "/api/data/v9.0/emails({Quarterly review})/email_activity_parties" with body:
      """
      {
        "value": [
          {"partyid_contact@odata.bind": "contacts({Ann})", "participationtypemask": 3},
          {"partyid_contact@odata.bind": "contacts({Bob})", "participationtypemask": 2}
        ]
      }
      """
    Then the response follows the "activity-party-put" behaviour
    And under "activity-party-put" = "replace-all", the email_activity_parties of email "Quarterly review" hold 2 rows
    And under "activity-party-put" = "replace-present-types", the email_activity_parties of email "Quarterly review" hold 2 rows
    And under "activity-party-put" = "rejected", the email_activity_parties of email "Quarterly review" are empty

  @conflict
  Scenario: Over a sender and a TO, a PUT of a CC and a TO leaves what only one mode predicts
    The run's own email is given its parties as it is created, so that the PUT replaces parties that are there:
    replace-all keeps only the two sent, replace-present-types keeps the sender too (no sender was sent), and
    under rejected the parties stay. An org that appended the parties sent, or dropped the last one, fits none.
    Given an email "Kick-off" with parties:
      | participation | party             |
      | sender        | systemuser "Dana" |
      | to            | contact "Ann"     |
    When the parties of email "Kick-off" are replaced with:
      | participation | party         |
      | cc            | contact "Ann" |
      | to            | contact "Bob" |
    Then the response follows the "activity-party-put" behaviour
    And under "activity-party-put" = "replace-all", the parties of email "Kick-off" are:
      | participation | party         |
      | cc            | contact "Ann" |
      | to            | contact "Bob" |
    And under "activity-party-put" = "replace-present-types", the parties of email "Kick-off" are:
      | participation | party             |
      | sender        | systemuser "Dana" |
      | cc            | contact "Ann"     |
      | to            | contact "Bob"     |
    And under "activity-party-put" = "rejected", the parties of email "Kick-off" are:
      | participation | party             |
      | sender        | systemuser "Dana" |
      | to            | contact "Ann"     |

  @conflict
  Scenario: Over one TO, a PUT of two TOs leaves exactly those two
    Every mode that accepts the PUT replaces the TO it finds with the two sent (a TO is among the types sent), so
    this probe does not tell replace-all from replace-present-types; it tells them from rejected, and from an org
    that appends (three TOs) or drops the last party sent (one).
    Given an email "Follow-up" with parties:
      | participation | party         |
      | to            | contact "Ann" |
    When the parties of email "Follow-up" are replaced with:
      | participation | party             |
      | to            | contact "Bob"     |
      | to            | systemuser "Dana" |
    Then the response follows the "activity-party-put" behaviour
    And under "activity-party-put" = "replace-all", the parties of email "Follow-up" are:
      | participation | party             |
      | to            | contact "Bob"     |
      | to            | systemuser "Dana" |
    And under "activity-party-put" = "replace-present-types", the parties of email "Follow-up" are:
      | participation | party             |
      | to            | contact "Bob"     |
      | to            | systemuser "Dana" |
    And under "activity-party-put" = "rejected", the parties of email "Follow-up" are:
      | participation | party         |
      | to            | contact "Ann" |

  @conflict @emulator-only
  Scenario: In replace-all mode the PUT replaces every party, the sender included
    Given the parties of email "Quarterly review" are replaced with:
      | participation | party             |
      | sender        | systemuser "Dana" |
      | to            | contact "Ann"     |
    When the parties of email "Quarterly review" are replaced with:
      | participation | party         |
      | cc            | contact "Ann" |
      | to            | contact "Bob" |
    Then the request succeeds with 204 No Content
    And the parties of email "Quarterly review" are:
      | participation | party         |
      | cc            | contact "Ann" |
      | to            | contact "Bob" |

  @conflict @emulator-only
  Scenario: In replace-present-types mode the sender survives a PUT that names no sender
    Given the emulator behaviour "activity-party-put" is "replace-present-types"
    And the parties of email "Quarterly review" are replaced with:
      | participation | party             |
      | sender        | systemuser "Dana" |
      | to            | contact "Ann"     |
    When the parties of email "Quarterly review" are replaced with:
      | participation | party         |
      | to            | contact "Bob" |
    Then the request succeeds with 204 No Content
    And the parties of email "Quarterly review" are:
      | participation | party             |
      | sender        | systemuser "Dana" |
      | to            | contact "Bob"     |

  @conflict @emulator-only
  Scenario: In rejected mode the PUT answers I2's 400 and the parties stay
    Given the parties of email "Quarterly review" are replaced with:
      | participation | party         |
      | to            | contact "Ann" |
    And the emulator behaviour "activity-party-put" is "rejected"
    When the parties of email "Quarterly review" are replaced with:
      | participation | party         |
      | to            | contact "Bob" |
    Then the request fails with 400, error code "0x0" and a message containing "a node of type 'StartArray' was expected"
    And the parties of email "Quarterly review" are:
      | participation | party         |
      | to            | contact "Ann" |

  @inferred @emulator-only
  Scenario: An email takes only sender, to, cc and bcc parties
    When I send PUT "emails({Quarterly review})/email_activity_parties" with body:
      """
      {"value": [{"partyid_contact@odata.bind": "contacts({Ann})", "participationtypemask": 5}]}
      """
    Then the request fails with 400
    And the email_activity_parties of email "Quarterly review" are empty

  @inferred
  Scenario: PUT cannot replace the collection of any other navigation property
    Given an account "Contoso"
    And a task "Call back"
    When I send PUT "accounts({Contoso})/Account_Tasks" with body:
      """
      {"value": [{"subject": "replacement"}]}
      """
    Then the request fails with 405
    And the Account_Tasks of account "Contoso" are empty
