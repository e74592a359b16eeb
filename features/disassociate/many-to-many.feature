Feature: Disassociate an N:N pair with DELETE $ref
  "N:N uses the same syntax" (D2, D10 step 8): the pair disappears from both sides.

  Background:
    Given an opportunity "Big deal"
    And a competitor "Rival"
    And competitor "Rival" is in the opportunitycompetitors_association of opportunity "Big deal"

  Scenario: Removing a competitor by $id removes the pair from both sides
    When competitor "Rival" is removed from the opportunitycompetitors_association of opportunity "Big deal"
    Then the request succeeds with 204 No Content
    And the opportunitycompetitors_association of opportunity "Big deal" are empty
    And the opportunitycompetitors_association of competitor "Rival" are empty

  Scenario: Removing the pair from the other side by key works the same way
    When opportunity "Big deal" is removed from the opportunitycompetitors_association of competitor "Rival" by key
    Then the request succeeds with 204 No Content
    And the opportunitycompetitors_association of opportunity "Big deal" are empty

  Scenario: A percent-encoded $id removes the pair as well (O2)
    When I send DELETE "opportunities({Big deal})/opportunitycompetitors_association/$ref?$id={host}%2Fapi%2Fdata%2Fv9.2%2Fcompetitors%28{Rival}%29"
    Then the response status is 204
    And the opportunitycompetitors_association of opportunity "Big deal" are empty

  Scenario: An $id under another API version removes the pair as well (D10 step 8)
    When I send DELETE "opportunities({Big deal})/opportunitycompetitors_association/$ref?$id={host}/api/data/v9.0/competitors({Rival})"
    Then the response status is 204
    And the opportunitycompetitors_association of competitor "Rival" are empty

  Scenario: Disassociating leaves both rows in place
    When competitor "Rival" is removed from the opportunitycompetitors_association of opportunity "Big deal"
    Then competitor "Rival" still exists
    And opportunity "Big deal" still exists
